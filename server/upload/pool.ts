/**
 * Uploads are read and validated off the event loop, in worker threads with their own heap limit and a time limit,
 * so no file, whatever it holds, can stop the server answering others or kill its process. A worker that runs out
 * of memory, dies or passes the time limit is ended and replaced; its request gets a clear Chinese 413 or 503.
 * Jobs beyond the workers wait in a bounded queue (past it: 503, try again).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExamineJob, Examined } from './examine';

/** How the pool is sized and bounded. */
export interface PoolOptions {
  /** Worker threads (default: the cores there are, at most 4). */
  size: number;
  /** A job running longer than this is stopped (ms). */
  timeoutMs: number;
  /** Heap of one worker (MB). */
  memoryMb: number;
  /** Jobs that may wait for a worker. */
  maxQueue: number;
}

export const DEFAULT_POOL: PoolOptions = {
  size: Math.max(1, Math.min(4, availableParallelism())),
  timeoutMs: 60_000,
  memoryMb: 1536,
  maxQueue: 200,
};

/** A job that ended without an answer from its worker, as the HTTP answer it becomes. */
export class PoolError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Pending {
  job: ExamineJob;
  resolve: (v: Examined) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
  timer: NodeJS.Timeout | null;
  /** The worker has loaded its code (the time limit counts from then, not from starting a thread). */
  ready: boolean;
}

/** The worker's entry: the TypeScript source through tsx (resolved from here, not from the working directory). */
function spawn(memoryMb: number): Worker {
  const ts = __filename.endsWith('.ts');
  const entry = join(__dirname, ts ? 'worker.ts' : 'worker.js');
  const code = ts ? `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});` : `require(${JSON.stringify(entry)});`;
  return new Worker(code, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
    stdout: false,
    stderr: false,
  });
}

/** The pool of upload workers. */
export class UploadPool {
  private readonly opts: PoolOptions;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private closed = false;

  constructor(opts: Partial<PoolOptions> = {}) {
    this.opts = { ...DEFAULT_POOL, ...opts };
  }

  /** Examines a job in a worker; rejects with a PoolError when the worker fails or the queue is full. */
  run(job: ExamineJob): Promise<Examined> {
    if (this.closed) return Promise.reject(new PoolError(503, 'unavailable', '服务器正在关闭，请稍后重试'));
    if (this.queue.length >= this.opts.maxQueue) return Promise.reject(new PoolError(503, 'busy', '服务器繁忙，正在处理的上报过多，请稍后重试'));
    return new Promise<Examined>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  /** Number of live workers (tests watch a worker being replaced). */
  get workers(): number {
    return this.slots.length;
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot) {
        if (this.slots.length >= this.opts.size) return;
        slot = this.start();
      }
      this.assign(slot, this.queue.shift()!);
    }
  }

  private start(): Slot {
    const slot: Slot = { worker: spawn(this.opts.memoryMb), busy: null, timer: null, ready: false };
    slot.worker.on('message', (m: { ready: true } | { ok: true; value: Examined } | { ok: false; error: string }) => {
      if ('ready' in m) {
        slot.ready = true;
        if (slot.busy) this.arm(slot);
        return;
      }
      const p = this.release(slot);
      if (!p) return;
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(m.error));
      this.pump();
    });
    const died = (err?: Error) => {
      const p = this.release(slot);
      this.drop(slot);
      if (p) {
        const oom = (err as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
        p.reject(
          oom
            ? new PoolError(413, 'too_large', '工作簿展开后超出服务器可处理的内存，请检查文件或拆分后再上传')
            : new PoolError(503, 'worker_failed', '服务器处理这份文件时出错，未保存任何内容；请稍后重试'),
        );
      }
      this.pump();
    };
    slot.worker.on('error', died);
    slot.worker.on('exit', () => died());
    // After the listeners (attaching a 'message' listener refs the worker again): an idle worker never keeps the
    // process alive; a busy one does, until its job is answered (assign/release).
    slot.worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private assign(slot: Slot, p: Pending): void {
    slot.busy = p;
    slot.worker.ref();
    if (slot.ready) this.arm(slot);
    const transfer = p.job.type === 'grids' ? [] : [p.job.file.buffer as ArrayBuffer];
    slot.worker.postMessage(p.job, transfer);
  }

  /** Starts the time limit of the job a worker is running. */
  private arm(slot: Slot): void {
    slot.timer = setTimeout(() => {
      const q = this.release(slot);
      this.drop(slot);
      void slot.worker.terminate();
      q?.reject(new PoolError(503, 'timeout', `处理这份文件超过 ${Math.round(this.opts.timeoutMs / 1000)} 秒，已停止，未保存任何内容；请检查文件或拆分后再上传`));
      this.pump();
    }, this.opts.timeoutMs);
    slot.timer.unref();
  }

  private release(slot: Slot): Pending | null {
    const p = slot.busy;
    slot.busy = null;
    slot.worker.unref();
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    return p;
  }

  private drop(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }

  /** Ends every worker; jobs still waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new PoolError(503, 'unavailable', '服务器正在关闭，请稍后重试'));
    const all = this.slots.splice(0);
    for (const s of all) {
      const p = this.release(s);
      p?.reject(new PoolError(503, 'unavailable', '服务器正在关闭，请稍后重试'));
    }
    await Promise.all(all.map((s) => s.worker.terminate()));
  }
}
