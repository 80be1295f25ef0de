/** Stores one validated upload in one transaction: a new immutable version per kind, its rows and its cross-school index keys. */
import type { Transaction } from 'kysely';
import type { Finding } from '../../shared/findings/finding';
import type { Rule } from '../../shared/templates/template';
import type { NormRecord } from '../../shared/types';
import { audit } from './audit';
import { transact } from './retry';
import { insertRows, type InsertSpec } from './bulk';
import type { DB, Dialect, Store } from './schema';
import { prepareRows, type PreparedRows } from './index-keys';

/** One recognised sheet ready to store: its records and register rules, or those already prepared (prepareRows). */
export type NewSubmission = {
  kind: string;
  sheet: string;
  warnings: Finding[];
  columns: { field: string; col: string }[];
} & (
  | {
      records: NormRecord[];
      /** The register's rules (its 同题 and 相似文本 rules key the rows for the cross-school checks). */
      rules: readonly Rule[];
    }
  | { prepared: PreparedRows }
);

/** What to store. */
export interface UploadInput {
  school: string;
  term: string;
  idemKey: string | null;
  /** Fingerprint of the content the key stands for (see ingest's fingerprint). */
  idemHash?: string | null;
  source: 'xlsx' | 'json' | 'demo' | 'sheets';
  actor: string;
  submissions: NewSubmission[];
  /** The register definition the submissions were checked with (0: the built-in one). */
  definitionVersion?: number;
  /** Registers recognised but not stored because they held no data rows (said in the receipt). */
  skipped?: SkippedRegister[];
}

/** A recognised register left out of an upload. */
export interface SkippedRegister {
  sheet: string;
  kind: string;
  reason: string;
}

/** The stored upload's id and whether it was an idempotent replay of an earlier one. */
export interface Stored {
  uploadId: number;
  replayed: boolean;
  submissionIds: number[];
}

const ROWS: InsertSpec<'rows'> = { table: 'rows', columns: ['submission_id', 'row', 'data'] };
const BANDS: InsertSpec<'reflection_bands'> = { table: 'reflection_bands', columns: ['term', 'band', 'submission_id', 'row', 'school_code', 'teacher'] };
const TITLES: InsertSpec<'paper_titles'> = { table: 'paper_titles', columns: ['term', 'title_key', 'submission_id', 'row', 'school_code', 'teacher'] };

/** Raised when an Idempotency-Key is reused for different content (answered 422, nothing stored). */
export class IdempotencyMismatch extends Error {}

async function priorUpload(trx: Transaction<DB>, school: string, key: string, hash: string | null | undefined): Promise<number | undefined> {
  const row = await trx.selectFrom('uploads').select(['id', 'idem_hash']).where('school_code', '=', school).where('idem_key', '=', key).executeTakeFirst();
  if (row && hash && row.idem_hash && row.idem_hash !== hash) throw new IdempotencyMismatch();
  return row?.id;
}

async function submissionIdsOf(trx: Transaction<DB>, uploadId: number): Promise<number[]> {
  const rows = await trx.selectFrom('submissions').select('id').where('upload_id', '=', uploadId).orderBy('id').execute();
  return rows.map((r) => r.id);
}

async function storeOne(trx: Transaction<DB>, dialect: Dialect, input: UploadInput, uploadId: number, sub: NewSubmission, at: string): Promise<number> {
  const { rows, keys } = 'prepared' in sub ? sub.prepared : prepareRows(sub.kind, sub.rules, sub.records);
  const last = await trx
    .selectFrom('submissions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('school_code', '=', input.school)
    .where('term', '=', input.term)
    .where('kind', '=', sub.kind)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const inserted = await trx
    .insertInto('submissions')
    .values({
      upload_id: uploadId,
      school_code: input.school,
      term: input.term,
      kind: sub.kind,
      version,
      sheet: sub.sheet,
      row_count: rows.length,
      warning_count: sub.warnings.length,
      findings: JSON.stringify(sub.warnings),
      columns: JSON.stringify(sub.columns),
      status: 'accepted',
      comment: null,
      returned_at: null,
      created_at: at,
      definition_version: input.definitionVersion ?? 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = inserted.id;
  await insertRows(trx, dialect, ROWS, rows.map(([row, data]) => [id, row, data]));
  await insertRows(trx, dialect, BANDS, keys.bands.map((k) => [input.term, k.key, id, k.row, input.school, k.teacher]));
  await insertRows(trx, dialect, TITLES, keys.titles.map((k) => [input.term, k.key, id, k.row, input.school, k.teacher]));
  return id;
}

/**
 * Stores the upload: all of it or none. A repeated Idempotency-Key returns the earlier upload instead.
 */
export async function writeUpload(store: Store, input: UploadInput, now = new Date()): Promise<Stored> {
  const at = now.toISOString();
  // transact() retries on unique violations: a concurrent upload that took the same version number, or committed
  // the same Idempotency-Key first (the retry then finds it as a replay).
  return transact(store.db, async (trx) => {
    if (input.idemKey) {
      const prior = await priorUpload(trx, input.school, input.idemKey, input.idemHash);
      if (prior !== undefined) return { uploadId: prior, replayed: true, submissionIds: await submissionIdsOf(trx, prior) };
    }
    const up = await trx
      .insertInto('uploads')
      .values({ school_code: input.school, term: input.term, idem_key: input.idemKey, idem_hash: input.idemHash ?? null, source: input.source, created_at: at, skipped: input.skipped?.length ? JSON.stringify(input.skipped) : null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids: number[] = [];
    for (const sub of input.submissions) ids.push(await storeOne(trx, store.dialect, input, up.id, sub, at));
    await audit(
      trx,
      {
        actor: input.actor,
        action: 'upload',
        school: input.school,
        target: input.term,
        detail: { uploadId: up.id, submissions: ids, kinds: input.submissions.map((s) => s.kind), source: input.source },
      },
      now,
    );
    return { uploadId: up.id, replayed: false, submissionIds: ids };
  });
}
