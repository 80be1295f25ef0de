/** collectIfAbove: consolidate's phase-end garbage collection really collects, and only above its threshold. */
import { collectIfAbove } from '../../../server/report/consolidate/collect';

test('garbage is collected when the heap is above the threshold', () => {
  let junk: number[][] | null = Array.from({ length: 400 }, () => Array.from({ length: 20_000 }, (_, i) => i + 0.5)); // ~64 MB
  const alive = process.memoryUsage().heapUsed;
  expect(junk.length).toBe(400);
  junk = null;
  // Nothing is allocated from here on, so V8 has no reason to collect by itself: only the call can free the arrays.
  collectIfAbove(0);
  expect(process.memoryUsage().heapUsed).toBeLessThan(alive - 40 * 2 ** 20);
});
