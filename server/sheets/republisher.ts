/**
 * Republishes after accepted uploads: debounced (a burst of uploads gives one publish), at most once per
 * interval (Google's per-minute quota), retrying with backoff when Google says "later".
 */
import { Clock, systemClock } from './clock';
import { SheetsError } from './errors';
import { BackoffOptions, withBackoff } from './retry';

/** What happened, for logs and tests. */
export type RepublishEvent =
  | { type: 'scheduled'; at: number }
  | { type: 'published'; at: number; result: unknown }
  | { type: 'retry'; attempt: number; waitMs: number; error: SheetsError }
  | { type: 'failed'; at: number; error: unknown };

/** Settings of a Republisher. */
export interface RepublisherOptions {
  /** The publish job (build the tabs from current data and write them). */
  publish: () => Promise<unknown>;
  clock?: Clock;
  /** Quiet time after the last upload before publishing (default 10 s). */
  debounceMs?: number;
  /** Least time between two publish starts (default 60 s), also the longest a burst can delay a publish. */
  minIntervalMs?: number;
  backoff?: Omit<BackoffOptions, 'clock' | 'onRetry' | 'signal'>;
  onEvent?: (e: RepublishEvent) => void;
}

/** Schedules publishes in response to `notify()`; one at a time, never two within `minIntervalMs`. */
export class Republisher {
  private readonly clock: Clock;
  private readonly debounceMs: number;
  private readonly minIntervalMs: number;
  private timer: unknown = null;
  private dueAt: number | null = null;
  private firstPending: number | null = null;
  private lastNotify = 0;
  private lastStart = -Infinity;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly abort = new AbortController();

  constructor(private readonly opts: RepublisherOptions) {
    this.clock = opts.clock ?? systemClock;
    this.debounceMs = opts.debounceMs ?? 10_000;
    this.minIntervalMs = opts.minIntervalMs ?? 60_000;
  }

  /** Tells it that data changed (an upload was accepted). */
  notify(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    this.lastNotify = now;
    if (this.firstPending === null) this.firstPending = now;
    if (!this.running) this.schedule();
  }

  /** When the next publish will start, or null when none is pending. */
  get scheduledAt(): number | null {
    return this.dueAt;
  }

  /** Cancels the pending publish and ignores later notifications; a running publish finishes its current attempt but waits for no retry. */
  stop(): void {
    this.stopped = true;
    this.abort.abort(new Error('stopped'));
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = null;
  }

  /** Resolves once no publish is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private schedule(): void {
    if (this.firstPending === null) return;
    // Debounce on the last upload, but never let a steady stream of uploads postpone past one interval;
    // and never start sooner than one interval after the previous start.
    const quiet = Math.min(this.lastNotify + this.debounceMs, this.firstPending + this.minIntervalMs);
    const due = Math.max(quiet, this.lastStart + this.minIntervalMs);
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.dueAt = due;
    this.timer = this.clock.setTimeout(() => this.fire(), Math.max(0, due - this.clock.now()));
    this.opts.onEvent?.({ type: 'scheduled', at: due });
  }

  private fire(): void {
    this.timer = null;
    this.dueAt = null;
    this.firstPending = null;
    this.lastStart = this.clock.now();
    this.running = this.run().finally(() => {
      this.running = null;
      if (!this.stopped) this.schedule();
    });
  }

  private async run(): Promise<void> {
    try {
      const result = await withBackoff(this.opts.publish, {
        ...this.opts.backoff,
        clock: this.clock,
        signal: this.abort.signal,
        onRetry: (attempt, waitMs, error) => this.opts.onEvent?.({ type: 'retry', attempt, waitMs, error }),
      });
      this.opts.onEvent?.({ type: 'published', at: this.clock.now(), result });
    } catch (error) {
      this.opts.onEvent?.({ type: 'failed', at: this.clock.now(), error });
    }
  }
}
