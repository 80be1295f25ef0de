/**
 * Where an upload's time went, phase by phase, answered as a standard Server-Timing header
 * (`read;dur=12.3, validate;dur=4.1, …`) so the bench, a browser's network panel or an operator's curl can see it.
 * Durations are wall-clock milliseconds; read and validate are measured in the worker that did them.
 */

/** The phases of an upload, in the order they run. */
export const PHASES = ['lookup', 'queue', 'read', 'validate', 'store', 'cross', 'receipt'] as const;

/** One phase of an upload. */
export type Phase = (typeof PHASES)[number];

/** Milliseconds since `start` (a `process.hrtime.bigint()` reading). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The time an upload spent in each phase. */
export class PhaseTimes {
  private readonly spent = new Map<Phase, number>();

  /** Adds `ms` to a phase. */
  add(phase: Phase, ms: number): void {
    this.spent.set(phase, (this.spent.get(phase) ?? 0) + ms);
  }

  /** Runs `work`, counting its time to `phase` (also when it throws). */
  async time<T>(phase: Phase, work: () => Promise<T>): Promise<T> {
    const start = process.hrtime.bigint();
    try {
      return await work();
    } finally {
      this.add(phase, msSince(start));
    }
  }

  /** The Server-Timing header value: the phases that ran, in order, to 0.1 ms. */
  header(): string {
    return PHASES.filter((p) => this.spent.has(p))
      .map((p) => `${p};dur=${this.spent.get(p)!.toFixed(1)}`)
      .join(', ');
  }
}

/** A Server-Timing header's durations by name (entries without a duration are left out). */
export function parseServerTiming(header: string | null | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of (header ?? '').split(',')) {
    const [name, ...params] = entry.trim().split(';');
    const dur = params.map((p) => /^\s*dur=([\d.]+)\s*$/.exec(p)).find(Boolean);
    if (name && dur) out[name] = Number(dur[1]);
  }
  return out;
}
