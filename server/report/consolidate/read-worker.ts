/** Worker thread of consolidate: examines the files it is sent (read + validate + serialise) and posts the results. */
import { parentPort } from 'node:worker_threads';
import { examine, type Examined, type ExamineOptions, type Prior } from './read-files';

/** Main → worker: a file to examine, or the answer to the worker's question about a school's roster. */
export type ToWorker = { type: 'job'; file: string; index: number; opts: ExamineOptions } | { type: 'prior'; index: number; prior?: Prior };
/** Worker → main: which school a file is (to learn its roster so far), then the result. */
export type FromWorker = { type: 'ask'; index: number; key: string } | { type: 'done'; index: number; res: Examined } | { type: 'failed'; index: number; error: string };

const waiting = new Map<number, (p?: Prior) => void>();

parentPort?.on('message', (m: ToWorker) => {
  if (m.type === 'prior') {
    waiting.get(m.index)?.(m.prior);
    waiting.delete(m.index);
    return;
  }
  const ask = (key: string) =>
    new Promise<Prior | undefined>((resolve) => {
      waiting.set(m.index, resolve);
      parentPort!.postMessage({ type: 'ask', index: m.index, key } satisfies FromWorker);
    });
  examine(m.file, m.index, m.opts, ask).then(
    (res) => parentPort!.postMessage({ type: 'done', index: m.index, res } satisfies FromWorker),
    (e: Error) => parentPort!.postMessage({ type: 'failed', index: m.index, error: e.message } satisfies FromWorker),
  );
});
