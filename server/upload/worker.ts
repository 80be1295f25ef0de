/** Worker thread of the upload pool: runs each job it is sent (examine, or a whole upload) and posts what came of it. */
import { parentPort } from 'node:worker_threads';
import { examineUpload } from './examine';
import { ingestHere } from './ingest';
import type { PoolJob } from './pool';

parentPort?.on('message', (job: PoolJob) => {
  (job.type === 'ingest' ? ingestHere(job) : examineUpload(job)).then(
    (value) => parentPort!.postMessage({ ok: true, value }),
    (e: Error) => parentPort!.postMessage({ ok: false, error: e?.message ?? String(e) }),
  );
});
parentPort?.postMessage({ ready: true });
