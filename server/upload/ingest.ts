/**
 * The one upload path (multipart .xlsx, the add-in's JSON grids and the demo district all come through here):
 * re-validate with the shared engine, refuse any error with 422 and store nothing, else store a new version of
 * every recognised sheet in one transaction, run the cross-school checks and answer with the receipt.
 */
import type { Logger } from 'pino';
import { isTerm, parseTerm, TEMPLATES, todayIso, type SheetInput } from '../../shared';
import type { Finding } from '../../shared/findings/finding';
import type { Receipt } from '../../shared/contract';
import { crossCheck } from '../cross/check';
import { HttpError } from '../http/errors';
import { reflectionDeadlines } from '../store/deadlines';
import { latestProjectCodes, latestRoster } from '../store/rows';
import type { Store } from '../store/schema';
import { compiledOf, currentDefinition } from '../store/registers';
import { getSchool } from '../store/schools';
import { IdempotencyMismatch, writeUpload, type NewSubmission } from '../store/write-upload';
import type { ReadLimits } from '../xlsx/read';
import { boundFindings, examineUpload, MAX_FINDINGS, type ExamineJob, type Examined } from './examine';
import { PoolError, type UploadPool } from './pool';
import { buildReceipt, priorReceipt } from './receipt';
import { msSince, PhaseTimes } from './timing';

/** One upload to take in: grids (the add-in's JSON, the demo, Sheets) or an .xlsx file's bytes. */
export type IngestRequest = {
  school: string;
  term: string;
  idemKey: string | null;
  source: 'xlsx' | 'json' | 'demo' | 'sheets';
  actor: string;
} & ({ sheets: SheetInput[] } | { file: Buffer; limits: ReadLimits });

/** How an upload is taken in: the clock, the log, and the worker pool (without one, examined in this thread). */
export interface IngestOptions {
  now?: Date;
  logger?: Logger;
  pool?: UploadPool;
  /** Filled in with the time each phase took (the route answers it as Server-Timing). */
  phases?: PhaseTimes;
}

/** A term from a request, checked. */
export function requireTerm(term: unknown): string {
  if (typeof term !== 'string' || !isTerm(term)) throw new HttpError(400, 'bad_term', `学期格式不正确：“${String(term ?? '')}”，应为如 2025春 或 2025秋`);
  return parseTerm(term).term;
}

function idempotencyMismatch(): HttpError {
  return new HttpError(422, 'idempotency_mismatch', '这个 Idempotency-Key 已用于另一份内容，未保存任何内容；重新上报请使用新的 Idempotency-Key');
}

/** Validates and stores an upload; resolves to its receipt or throws an HttpError (400/404/413/422/503). */
export async function ingest(store: Store, req: IngestRequest, opts: IngestOptions = {}): Promise<Receipt> {
  const now = opts.now ?? new Date();
  const phases = opts.phases ?? new PhaseTimes();
  const term = requireTerm(req.term);
  const { roster, projectCodes, deadlines, definition } = await phases.time('lookup', () => lookup(store, req.school, term));
  const registers = compiledOf(definition);
  const titles: Record<string, { title: string }> = registers?.templates ?? TEMPLATES;
  const validateOpts = {
    term,
    asOf: todayIso(now),
    reflectionDeadlines: deadlines,
    ...(roster ? { roster } : {}),
    ...(projectCodes ? { projectCodes } : {}),
    ...(registers ? { registers } : {}),
  };
  const job: ExamineJob =
    'file' in req
      ? { type: 'xlsx', file: new Uint8Array(req.file), name: '上传的文件', limits: req.limits, opts: validateOpts, term, definitionVersion: definition.version, definitionHash: definition.hash }
      : { type: 'grids', sheets: req.sheets, opts: validateOpts, term, definitionVersion: definition.version, definitionHash: definition.hash };
  let examined: Examined;
  const sent = process.hrtime.bigint();
  try {
    examined = opts.pool ? await opts.pool.run(job) : await examineUpload(job);
  } catch (err) {
    if (err instanceof PoolError) throw new HttpError(err.status, err.code, err.message);
    throw err;
  }
  if (!examined.ok) throw new HttpError(examined.refusal.status, examined.refusal.code, examined.refusal.message);
  if (!('result' in examined)) throw new Error('examine: not an upload');
  const { result } = examined;
  // Waiting for a worker and passing the job and its result between threads: the round trip less the worker's work.
  phases.add('queue', Math.max(0, msSince(sent) - examined.phases.read - examined.phases.validate));
  phases.add('read', examined.phases.read);
  phases.add('validate', examined.phases.validate);
  const idemHash = req.idemKey ? examined.fingerprint : null;
  if (req.idemKey) {
    // A retry of an upload that already succeeded: answer as before, whatever the store holds now.
    const prior = await phases.time('receipt', () => priorReceipt(store, req.school, req.idemKey!, idemHash!));
    if (prior === 'mismatch') throw idempotencyMismatch();
    if (prior) return bounded(prior);
  }
  const all = result.sheets.flatMap((s) => s.findings);
  if (result.errors > 0) {
    const ordered = [...all.filter((f) => f.severity === 'error'), ...all.filter((f) => f.severity !== 'error')];
    throw new HttpError(422, 'invalid_workbook', `发现 ${result.errors} 处错误，未保存任何内容；请修改后重新上报`, boundFindings(ordered));
  }
  const known = result.sheets.filter((s) => s.kind !== null);
  if (known.length === 0)
    throw new HttpError(422, 'no_sheets', `没有识别出任何登记表（${Object.values(titles).map((t) => t.title).join('、')}），未保存任何内容`, boundFindings(all));
  // An empty register (a template's sheet left blank) is not a submission: it is skipped and the receipt says so,
  // so the board, the headline and the summary agree that the kind was not reported.
  const recognised = known.filter((s) => s.dataRows > 0);
  const skipped = known.filter((s) => s.dataRows === 0).map((s) => ({ sheet: s.sheet, kind: s.kind!, reason: `“${s.sheet}”（${titles[s.kind!]?.title ?? s.kind}）没有数据行，未作为上报保存` }));
  if (recognised.length === 0)
    throw new HttpError(422, 'empty_registers', `${known.map((s) => `“${s.sheet}”`).join('、')}都没有数据行，未保存任何内容；请填写后再上报`);
  const seen = new Map<string, string>();
  for (const s of recognised) {
    const prev = seen.get(s.kind!);
    if (prev !== undefined)
      throw new HttpError(422, 'duplicate_kind', `工作表“${prev}”和“${s.sheet}”都是${titles[s.kind!]?.title ?? s.kind}，一次只能上报一张；请合并后重新上报`);
    seen.set(s.kind!, s.sheet);
  }
  const prepared = recognised.map((s) => examined.prepared[result.sheets.indexOf(s)]!);
  const submissions: NewSubmission[] = recognised.map((s, i) => ({
    kind: s.kind!,
    sheet: s.sheet,
    prepared: prepared[i],
    warnings: boundFindings(s.findings, Infinity),
    columns: s.columns.map(({ field, col }) => ({ field, col })),
  }));
  let stored;
  try {
    stored = await phases.time('store', () =>
      writeUpload(
        store,
        { school: req.school, term, idemKey: req.idemKey, idemHash, source: req.source, actor: req.actor, submissions, definitionVersion: definition.version, skipped },
        now,
      ),
    );
  } catch (err) {
    // A concurrent request took the same key for other content first.
    if (err instanceof IdempotencyMismatch) throw idempotencyMismatch();
    throw err;
  }
  if (!stored.replayed) {
    try {
      const ids = stored.submissionIds;
      const fresh = { school: req.school, bySubmission: new Map(ids.map((id, i) => [id, prepared[i].keys])) };
      await phases.time('cross', () => crossCheck(store, term, ids, now, fresh));
    } catch (err) {
      // The upload is stored; a failed cross check must not turn it into an error. The next upload re-checks.
      opts.logger?.error({ err, uploadId: stored.uploadId }, 'cross-school check failed');
    }
  }
  const { uploadId, replayed } = stored;
  return bounded(await phases.time('receipt', () => buildReceipt(store, uploadId, replayed)));
}

/** What validating an upload needs from the store: the school's roster and 课题编号, deadlines, the definition in force. */
async function lookup(store: Store, code: string, term: string) {
  // A code with U+0000 names no school (and PostgreSQL would refuse to even look it up).
  const school = code.includes('\u0000') ? undefined : await getSchool(store.db, code);
  if (!school) throw new HttpError(404, 'no_school', `没有编码为 ${code} 的学校`);
  const [roster, projectCodes, deadlines, definition] = await Promise.all([
    latestRoster(store.db, code, term),
    latestProjectCodes(store.db, code, term),
    reflectionDeadlines(store.db, parseTerm(term).months),
    // The district's register definition in force (the built-in one until a district stores its own).
    currentDefinition(store.db),
  ]);
  return { roster, projectCodes, deadlines, definition };
}

/** A receipt as it is answered: its findings bounded like a 422's. */
function bounded(r: Receipt): Receipt {
  return { ...r, warnings: boundFindings(r.warnings as Finding[]), crossSchool: r.crossSchool.slice(0, MAX_FINDINGS) };
}
