/**
 * Pass 1 of consolidate on several cores: files are examined by worker threads (read, validate, serialise) and
 * handed back in file order. Files named like a roster go first, and the rest start only when those are done,
 * so a school's separate roster file is known when its other files are checked.
 */
import { availableParallelism } from 'node:os';
import { resolve as resolvePath } from 'node:path';
import { Worker } from 'node:worker_threads';
import { examine, ROSTER_HINT, type Examined, type ExamineOptions, type Prior } from './read-files';
import type { FromWorker, ToWorker } from './read-worker';


/** Default number of workers: the cores there are, at most 4 (the disk and the zip writer do not scale further). */
export function defaultJobs(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Each reading thread's old-generation heap (MB). A school's file needs a few tens of MB live; without a limit V8 let
 * each thread's heap fill with garbage to 150 MB and more before collecting, and with the main thread's that garbage
 * made most of the run's peak memory. A file that needs more than the limit is read again in the main thread.
 */
export const WORKER_HEAP_MB = 128;

function startWorker(heapMb: number): Worker {
  // Workers run the TypeScript sources through tsx, as the CLI itself does. tsx is resolved from here, not from the
  // working directory: an eval'd worker's require() looks relative to the cwd (`Cannot find module 'tsx/cjs'`
  // when consolidate ran from any other folder).
  const entry = resolvePath(__dirname, 'read-worker.ts');
  return new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
}

/** The reading threads' heap limit, and a callback for each file read in the main thread instead (tests watch it). */
export interface ThreadOptions {
  heapMb?: number;
  onMainThread?: (index: number) => void;
}

/**
 * Examines every file (in `files` order, which `rosterFirst` gave) with `jobs` workers (1: in this thread) and
 * calls `each` in file order. `known` maps provisional school keys to what their earlier files left.
 */
export async function examineAll(
  files: string[],
  opts: ExamineOptions,
  jobs: number,
  each: (index: number, res: Examined) => Promise<void>,
  threads: ThreadOptions = {},
): Promise<void> {
  const heapMb = threads.heapMb ?? WORKER_HEAP_MB;
  const known = new Map<string, Prior>();
  const learn = (res: Examined, key: string | undefined) => {
    if (!key || (!res.roster && !res.projectCodes)) return;
    const p = known.get(key) ?? {};
    if (res.roster) p.roster = res.roster;
    if (res.projectCodes) p.projectCodes = res.projectCodes;
    known.set(key, p);
  };
  const keys = new Map<number, string>();
  const rosterCount = files.filter((f) => ROSTER_HINT.test(f.split(/[\\/]/).pop() ?? '')).length;

  if (jobs <= 1 || files.length < 2) {
    for (const [i, f] of files.entries()) {
      const res = await examine(f, i, opts, (key) => (keys.set(i, key), known.get(key)));
      learn(res, keys.get(i));
      await each(i, res);
    }
    return;
  }

  const workers = Array.from({ length: Math.min(jobs, files.length) }, () => startWorker(heapMb));
  const busy = new Map<Worker, number>(); // the file each worker is reading
  const live = new Set(workers);
  const served = new Set<Worker>(); // workers that have finished a file (their limit is enough to work in)
  const window = workers.length * 4;
  const done = new Map<number, Examined>();
  let next = 0;
  let flushed = 0;
  let failure: Error | null = null;
  try {
    await new Promise<void>((resolve, reject) => {
      const dispatch = (w: Worker) => {
        // Roster files first; the others wait until every roster file is back. Results are handed on in file
        // order, so a slow file holds the rest back: at most `window` results wait, whatever the file count.
        if (next >= files.length || (next >= rosterCount && flushed < rosterCount) || next - flushed >= window) return false;
        const i = next++;
        busy.set(w, i);
        w.postMessage({ type: 'job', file: files[i], index: i, opts } satisfies ToWorker);
        return true;
      };
      const idle: Worker[] = [];
      const pump = async () => {
        while (done.has(flushed)) {
          const res = done.get(flushed)!;
          done.delete(flushed);
          learn(res, keys.get(flushed));
          await each(flushed, res);
          flushed++;
        }
        while (idle.length && dispatch(idle[idle.length - 1])) idle.pop();
        if (flushed === files.length) resolve();
      };
      const readHere = async (i: number) => {
        threads.onMainThread?.(i);
        done.set(i, await examine(files[i], i, opts, (key) => (keys.set(i, key), known.get(key))));
        await pump();
      };
      const attach = (w: Worker) => {
        w.on('error', (e: Error & { code?: string }) => {
          const i = busy.get(w);
          busy.delete(w);
          live.delete(w);
          const at = idle.indexOf(w);
          if (at >= 0) idle.splice(at, 1);
          if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY') return reject(e);
          // The file needs more memory than a reading thread has: it is read here, in the main thread.
          let here = i === undefined ? Promise.resolve() : readHere(i);
          if (served.has(w)) {
            // The limit was enough for other files: a new thread goes on with the rest.
            const fresh = startWorker(heapMb);
            workers.push(fresh);
            attach(fresh);
            if (!dispatch(fresh)) idle.push(fresh);
          } else if (live.size === 0) {
            // No thread could work under the limit: the main thread reads what is left.
            here = here.then(async () => {
              while (next < files.length) await readHere(next++);
            });
          }
          here.catch(reject);
        });
        w.on('message', (m: FromWorker) => {
          if (m.type === 'ask') {
            keys.set(m.index, m.key);
            w.postMessage({ type: 'prior', index: m.index, prior: known.get(m.key) } satisfies ToWorker);
            return;
          }
          busy.delete(w);
          served.add(w);
          if (m.type === 'failed') return reject(new Error(m.error));
          done.set(m.index, m.res);
          if (!dispatch(w)) idle.push(w);
          pump().catch(reject);
        });
      };
      for (const w of workers) {
        attach(w);
        if (!dispatch(w)) idle.push(w);
      }
    });
  } catch (e) {
    failure = e as Error;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failure) throw failure;
}
