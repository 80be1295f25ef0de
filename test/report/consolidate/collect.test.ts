/** collectGarbage: consolidate's phase-end garbage collection really collects. */
import { collectGarbage, GcPacer } from '../../../server/report/consolidate/collect';

test('garbage is collected when asked', () => {
  let junk: number[][] | null = Array.from({ length: 400 }, () => Array.from({ length: 20_000 }, (_, i) => i + 0.5)); // ~64 MB
  const alive = process.memoryUsage().heapUsed;
  expect(junk.length).toBe(400);
  junk = null;
  // Nothing is allocated from here on, so V8 has no reason to collect by itself: only the call can free the arrays.
  collectGarbage();
  expect(process.memoryUsage().heapUsed).toBeLessThan(alive - 40 * 2 ** 20);
});

test('the tally pacer collects once the heap has grown past its slack', () => {
  const pacer = new GcPacer(16);
  let junk: number[][] | null = Array.from({ length: 400 }, () => Array.from({ length: 20_000 }, (_, i) => i + 0.5)); // ~64 MB
  const alive = process.memoryUsage().heapUsed;
  expect(junk.length).toBe(400);
  junk = null;
  pacer.tick(); // grown by ~64 MB > 16: collects
  expect(process.memoryUsage().heapUsed).toBeLessThan(alive - 40 * 2 ** 20);
});
