/** Retrying a Sheets job with exponential backoff when Google says "later" (429, 5xx, network). */
import { Clock, sleep, systemClock } from './clock';
import { SheetsError } from './errors';

/** How often and how long to wait between attempts. */
export interface BackoffOptions {
  /** Attempts in all, the first included (default 5). */
  attempts?: number;
  /** First wait in ms (default 2000); doubles each time. */
  baseMs?: number;
  /** Longest wait in ms (default 64000: a per-minute quota has refilled by then). */
  maxMs?: number;
  /** 0..1 source for jitter (default Math.random), injectable for exact tests. */
  random?: () => number;
  clock?: Clock;
  /** Aborting stops the waiting: the last error is thrown instead of trying again. */
  signal?: AbortSignal;
  /** Called before each wait with the attempt that failed (1-based), the wait and the error. */
  onRetry?: (attempt: number, waitMs: number, err: SheetsError) => void;
}

/** The wait before attempt `n + 1` after `n` failures: base·2^(n−1), capped, plus up to 10% jitter. */
export function backoffDelay(failures: number, opts: BackoffOptions = {}): number {
  const base = opts.baseMs ?? 2000;
  const max = opts.maxMs ?? 64000;
  const raw = Math.min(max, base * 2 ** (failures - 1));
  return Math.round(raw + raw * 0.1 * (opts.random ?? Math.random)());
}

/** Runs `job`, retrying retryable SheetsErrors with backoff; other errors and the last failure are thrown. */
export async function withBackoff<T>(job: () => Promise<T>, opts: BackoffOptions = {}): Promise<T> {
  const attempts = Math.max(1, opts.attempts ?? 5);
  const clock = opts.clock ?? systemClock;
  for (let attempt = 1; ; attempt++) {
    try {
      return await job();
    } catch (err) {
      if (!(err instanceof SheetsError) || !err.retryable || attempt >= attempts || opts.signal?.aborted) throw err;
      const wait = backoffDelay(attempt, opts);
      opts.onRetry?.(attempt, wait, err);
      await sleep(clock, wait, opts.signal).catch(() => {
        throw err;
      });
    }
  }
}
