/** withBackoff: retries only what Google says to retry later, waiting base·2^n (capped) on the injected clock. */
import { SheetsError } from '../../server/sheets/errors';
import { publishTabs } from '../../server/sheets/publish';
import { backoffDelay, withBackoff } from '../../server/sheets/retry';
import { drive, FakeClock } from './fake-clock';
import { clientFor, startSheetsStandIn } from './harness';

const quota = () => new SheetsError('quota', '配额', 429);

test('delays double from the base, are capped, and jitter adds at most 10%', () => {
  const fixed = { baseMs: 1000, maxMs: 5000, random: () => 0 };
  expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, fixed))).toEqual([1000, 2000, 4000, 5000, 5000]);
  expect(backoffDelay(1, { baseMs: 1000, random: () => 0.999 })).toBe(1100);
});

test('retries 429/5xx until success, waiting on the clock between attempts', async () => {
  const clock = new FakeClock();
  const errors = [quota(), new SheetsError('unavailable', '不可用', 503)];
  let calls = 0;
  const retries: number[] = [];
  const result = await drive(
    clock,
    withBackoff(
      async () => {
        calls++;
        const e = errors.shift();
        if (e) throw e;
        return 'ok';
      },
      { clock, random: () => 0, onRetry: (_a, wait) => retries.push(wait) },
    ),
  );
  expect(result).toBe('ok');
  expect(calls).toBe(3);
  expect(clock.waits).toEqual([2000, 4000]);
  expect(retries).toEqual([2000, 4000]);
});

test('gives up after the attempts, and never retries 403/404 or foreign errors', async () => {
  const clock = new FakeClock();
  let calls = 0;
  const failing = withBackoff(async () => {
    calls++;
    throw quota();
  }, { clock, attempts: 3, random: () => 0 });
  await expect(drive(clock, failing)).rejects.toMatchObject({ code: 'quota' });
  expect(calls).toBe(3);
  expect(clock.waits).toEqual([2000, 4000]);

  for (const err of [new SheetsError('forbidden', '无权限', 403), new SheetsError('not_found', '找不到', 404), new TypeError('bug')]) {
    let n = 0;
    await expect(withBackoff(async () => {
      n++;
      throw err;
    }, { clock })).rejects.toBe(err);
    expect(n).toBe(1);
  }
});

test('a publish that meets 429 then 503 from the stand-in succeeds on the third attempt', async () => {
  const standIn = await startSheetsStandIn();
  try {
    standIn.create('BOOK', { sheets: [{ title: 'Sheet1' }] });
    standIn.fail({ status: 429, match: (r) => r.path.endsWith('values:batchUpdate') });
    standIn.fail({ status: 503, match: (r) => r.method === 'GET' && standIn.requests.length > 1 });
    const clock = new FakeClock();
    const tab = { title: '区级汇总', rows: [['学校'], ['五通桥区实验小学']] };
    const client = clientFor(standIn);
    const result = await drive(clock, withBackoff(() => publishTabs(client, 'BOOK', [tab]), { clock, random: () => 0 }));
    expect(result.tabs[0].rows).toBe(2);
    expect(clock.waits).toEqual([2000, 4000]);
    expect(standIn.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      // attempt 1: the tab is added, then the write meets 429
      'GET /v4/spreadsheets/BOOK',
      'POST /v4/spreadsheets/BOOK:batchUpdate',
      'POST /v4/spreadsheets/BOOK/values:batchUpdate',
      // attempt 2: 503 on the first read
      'GET /v4/spreadsheets/BOOK',
      // attempt 3: the tab exists now, so it is cleared, written and formatted
      'GET /v4/spreadsheets/BOOK',
      'POST /v4/spreadsheets/BOOK/values:batchClear',
      'POST /v4/spreadsheets/BOOK/values:batchUpdate',
      'POST /v4/spreadsheets/BOOK:batchUpdate',
    ]);
  } finally {
    await standIn.close();
  }
});
