/**
 * Clocks for the tests that need "today" (terms, deadlines, 迟交/按时, the demo district, the web page): the app, the
 * demo district, the page and the robot stand-ins take one of these instead of reading the system clock, so a test
 * means the same on any day (test/clock/faketime.test.ts runs them with the system clock at each term's first and last
 * day to prove it).
 */

/** A clock that starts at `iso` and runs at the real pace, so times stay in order and waits still take their time. */
export function clockFrom(iso: string): () => Date {
  const start = Date.parse(iso);
  if (Number.isNaN(start)) throw new Error(`not a time: ${iso}`);
  const t0 = performance.now();
  return () => new Date(start + Math.floor(performance.now() - t0));
}
