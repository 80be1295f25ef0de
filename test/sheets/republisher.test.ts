/** Republisher on a fake clock: debounced, at most one publish start per minute, retries with backoff. */
import { SheetsError } from '../../server/sheets/errors';
import { Republisher, RepublishEvent } from '../../server/sheets/republisher';
import { FakeClock } from './fake-clock';

const SEC = 1000;

/** A republisher whose publish records its start time (relative to t0) and can be made to fail. */
function setup(fail: (n: number) => Error | null = () => null) {
  const clock = new FakeClock();
  const t0 = clock.now();
  const starts: number[] = [];
  const events: RepublishEvent['type'][] = [];
  const rep = new Republisher({
    clock,
    debounceMs: 10 * SEC,
    minIntervalMs: 60 * SEC,
    backoff: { random: () => 0, baseMs: 2 * SEC },
    publish: async () => {
      starts.push((clock.now() - t0) / SEC);
      const err = fail(starts.length);
      if (err) throw err;
      return starts.length;
    },
    onEvent: (e) => events.push(e.type),
  });
  return { clock, rep, starts, events, at: (s: number) => clock.advance(t0 + s * SEC - clock.now()) };
}

test('one upload publishes once, after the quiet time', async () => {
  const { rep, starts, at } = setup();
  rep.notify();
  await at(9.9);
  expect(starts).toEqual([]);
  await at(10);
  expect(starts).toEqual([10]);
  await at(600);
  expect(starts).toEqual([10]);
});

test('a burst of uploads gives one publish, 10 s after the last one', async () => {
  const { rep, starts, at } = setup();
  for (const s of [0, 3, 6]) {
    await at(s);
    rep.notify();
  }
  await at(120);
  expect(starts).toEqual([16]);
});

test('a steady stream of uploads still publishes, but never twice within a minute', async () => {
  const { rep, starts, at } = setup();
  for (let s = 0; s <= 200; s += 5) {
    await at(s);
    rep.notify();
  }
  await at(400);
  expect(starts).toEqual([60, 120, 180, 240]);
  const gaps = starts.slice(1).map((s, i) => s - starts[i]);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(60);
});

test('an upload soon after a publish waits for the minute to pass', async () => {
  const { rep, starts, at } = setup();
  rep.notify();
  await at(10);
  await at(20);
  rep.notify();
  expect(rep.scheduledAt).not.toBeNull();
  await at(69.9);
  expect(starts).toEqual([10]);
  await at(70);
  expect(starts).toEqual([10, 70]);
});

test('429 and 503 are retried with backoff inside one publish; the minute counts from its start', async () => {
  const { rep, starts, events, at } = setup((n) =>
    n === 1 ? new SheetsError('quota', '配额', 429) : n === 2 ? new SheetsError('unavailable', '不可用', 503) : null,
  );
  rep.notify();
  await at(30);
  expect(starts).toEqual([10, 12, 16]);
  expect(events).toEqual(['scheduled', 'retry', 'retry', 'published']);
  rep.notify();
  await at(69.9);
  expect(starts).toEqual([10, 12, 16]);
  await at(70);
  expect(starts).toEqual([10, 12, 16, 70]);
});

test('a publish that cannot succeed (403) is reported once, not retried, and the next upload tries again', async () => {
  const { rep, starts, events, at } = setup((n) => (n === 1 ? new SheetsError('forbidden', '无权限', 403) : null));
  rep.notify();
  await at(200);
  expect(starts).toEqual([10]);
  expect(events).toEqual(['scheduled', 'failed']);
  rep.notify();
  await at(300);
  expect(starts).toEqual([10, 210]);
});

test('stop() cancels the pending publish and ignores later uploads', async () => {
  const { rep, starts, clock, at } = setup();
  rep.notify();
  rep.stop();
  rep.notify();
  await at(300);
  expect(starts).toEqual([]);
  expect(clock.pending).toBe(0);
});

test('stop() during a backoff wait ends the publish at once: nothing keeps waiting on the clock', async () => {
  const { rep, starts, events, clock, at } = setup(() => new SheetsError('quota', '配额', 429));
  rep.notify();
  await at(10);
  expect(starts).toEqual([10]);
  expect(events).toEqual(['scheduled', 'retry']);
  rep.stop();
  await rep.idle();
  expect(events).toEqual(['scheduled', 'retry', 'failed']);
  expect(clock.pending).toBe(0);
});
