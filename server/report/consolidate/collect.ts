/**
 * Garbage collection on demand, for consolidate: V8 lets a heap grow with garbage far past what is live before it
 * collects, and across three threads (main and two readers) that garbage, not live data, made the run's peak memory.
 * `--expose-gc` set at run time exposes `gc` to contexts made afterwards; one is made here to fetch it. Where it
 * cannot be had, nothing is collected and everything works as before.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  return gc;
}

const heapMb = () => process.memoryUsage().heapUsed / 2 ** 20;

/** Collects garbage now (a phase's end). */
export function collectGarbage(): void {
  collector()?.();
}

/**
 * Keeps a phase's heap within `slackMb` of what was live at the last collection: `tick()` (cheap: call it every few
 * thousand rows) collects once the heap has grown by more than that. A full collection costs about as much as what is
 * live, so pacing by growth, not by a fixed ceiling, keeps their number low when much is live.
 */
export class GcPacer {
  private live = heapMb();

  constructor(private readonly slackMb: number) {}

  tick(): void {
    if (heapMb() - this.live <= this.slackMb) return;
    const collect = collector();
    if (!collect) return;
    collect();
    this.live = heapMb();
  }
}
