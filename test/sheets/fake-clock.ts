/** A fake clock for the republisher and backoff tests: time moves only when the test says so. */
import type { Clock } from '../../server/sheets/clock';

interface Timer {
  id: number;
  due: number;
  fn: () => void;
}

/** Lets real I/O and promise chains progress (the stand-in answers over real sockets). */
export const realTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A Clock whose timers fire only from `advance` / `next`; every wait asked for is recorded. */
export class FakeClock implements Clock {
  private t: number;
  private seq = 0;
  private timers: Timer[] = [];
  /** Every setTimeout delay requested, in order. */
  readonly waits: number[] = [];

  constructor(start = Date.UTC(2025, 2, 14, 8, 0, 0)) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.waits.push(ms);
    this.timers.push({ id, due: this.t + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** How many timers are waiting. */
  get pending(): number {
    return this.timers.length;
  }

  /** Fires the earliest timer (moving time to it); false when none is waiting. */
  next(): boolean {
    if (!this.timers.length) return false;
    this.timers.sort((a, b) => a.due - b.due || a.id - b.id);
    const timer = this.timers.shift()!;
    this.t = Math.max(this.t, timer.due);
    timer.fn();
    return true;
  }

  /** Moves time forward by `ms`, firing due timers in order and letting promise chains run between them. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await realTick();
      this.timers.sort((a, b) => a.due - b.due || a.id - b.id);
      if (!this.timers.length || this.timers[0].due > end) break;
      this.next();
    }
    this.t = end;
    await realTick();
  }
}

/**
 * Runs `work` to completion, firing fake timers whenever it is waiting on one; bounded in real time so a
 * test can never hang (the stand-in's replies arrive in real time, the backoff waits in fake time).
 */
export async function drive<T>(clock: FakeClock, work: Promise<T>, realMs = 5000): Promise<T> {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  done.catch(() => undefined);
  const stopAt = Date.now() + realMs;
  while (!settled) {
    if (Date.now() > stopAt) throw new Error('drive: work did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
    if (!settled && clock.pending) clock.next();
  }
  return done;
}
