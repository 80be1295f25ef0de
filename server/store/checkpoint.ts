/**
 * SQLite's WAL checkpoints, moved off the server's one thread. By default the connection that commits copies the
 * WAL back into the database file whenever the WAL passes 1,000 pages: on a district's store that was every upload
 * or two, inside its commit, on the event loop (measured in-process at 250 schools: commit 18.9 ms per upload with
 * it, 9.3 ms without; CPU per upload 62 → 40 ms, because a checkpoint every 0.5 s writes each hot index page once
 * instead of once per upload). Here a worker thread with its own connection runs a PASSIVE checkpoint (it never
 * blocks the writer or the readers) every half second; the server's connection checkpoints by itself only if the
 * WAL grows past SAFETY_PAGES (the worker gone or far behind). Durability is unchanged: every commit is still synced
 * to the WAL (synchronous = FULL), and the checkpoint syncs the database file before the WAL is reused.
 */
import { Worker } from 'node:worker_threads';

/** How often the background connection checkpoints (ms). */
export const CHECKPOINT_MS = 500;
/** WAL pages past which the writing connection checkpoints by itself (64 MB of 4 KB pages). */
export const SAFETY_PAGES = 16_384;

/** What one PASSIVE checkpoint did (SQLite's answer): WAL frames in all, and how many are in the database file. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

// Plain JavaScript (no tsx in the worker): one connection, a timer, and two messages — 'now' (checkpoint and answer)
// and 'stop' (close the connection and end).
const CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
db.pragma('synchronous = FULL');
const run = () => db.pragma('wal_checkpoint(PASSIVE)')[0];
const timer = setInterval(() => { try { run(); } catch (e) { parentPort.postMessage({ error: String((e && e.message) || e) }); } }, workerData.ms);
parentPort.on('message', (m) => {
  if (m === 'now') {
    try { parentPort.postMessage({ done: run() }); } catch (e) { parentPort.postMessage({ error: String((e && e.message) || e) }); }
  } else if (m === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

/** The background checkpointer of one SQLite file. */
export class Checkpointer {
  private readonly worker: Worker;
  private readonly waiting: ((r: CheckpointResult | Error) => void)[] = [];
  private stopped = false;

  /** `onError`: told of a checkpoint that failed (the next one tries again; the writer's safety net stays). */
  constructor(file: string, private readonly onError: (message: string) => void = () => {}, ms = CHECKPOINT_MS) {
    this.worker = new Worker(CODE, { eval: true, workerData: { file, ms, driver: require.resolve('better-sqlite3') }, resourceLimits: { maxOldGenerationSizeMb: 32 } });
    this.worker.on('message', (m: { done?: CheckpointResult; error?: string }) => {
      if (m.done) this.waiting.shift()?.(m.done);
      else if (m.error !== undefined) {
        const w = this.waiting.shift();
        if (w) w(new Error(m.error));
        else this.onError(m.error);
      }
      if (!this.waiting.length) this.worker.unref();
    });
    this.worker.on('error', (e) => {
      for (const w of this.waiting.splice(0)) w(e);
      this.onError(e.message);
    });
    // Never what keeps the process alive. After the listeners: adding a 'message' listener refs the worker again.
    this.worker.unref();
  }

  /** Checkpoints now (tests, and whoever needs the database file up to date); resolves to SQLite's answer. */
  now(): Promise<CheckpointResult> {
    if (this.stopped) return Promise.reject(new Error('检查点线程已停止'));
    return new Promise((resolve, reject) => {
      this.worker.ref(); // an answer awaited keeps the process alive until it comes
      this.waiting.push((r) => (r instanceof Error ? reject(r) : resolve(r)));
      this.worker.postMessage('now');
    });
  }

  /** Closes the background connection and ends the thread. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const ended = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.ref();
    this.worker.postMessage('stop');
    await ended;
  }
}
