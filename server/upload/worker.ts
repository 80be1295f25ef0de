/** Worker thread of the upload pool: examines each job it is sent (read + validate) and posts what came of it. */
import { parentPort } from 'node:worker_threads';
import { examineUpload, type ExamineJob } from './examine';

parentPort?.on('message', (job: ExamineJob) => {
  examineUpload(job).then(
    (value) => parentPort!.postMessage({ ok: true, value }),
    (e: Error) => parentPort!.postMessage({ ok: false, error: e?.message ?? String(e) }),
  );
});
parentPort?.postMessage({ ready: true });
