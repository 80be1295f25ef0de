/** The receipt of a stored upload, rebuilt from the store (so an idempotent replay answers exactly as the first time). */
import type { Receipt } from '../../shared/contract';
import type { KindId } from '../../shared/types';
import { crossFindingsOfUpload } from '../cross/list';
import { findingsOf, uploadSubmissions } from '../store/current';
import type { Store } from '../store/schema';

/** The receipt of upload `uploadId`. */
export async function buildReceipt(store: Store, uploadId: number, replayed: boolean): Promise<Receipt> {
  const { db } = store;
  const up = await db.selectFrom('uploads').selectAll().where('id', '=', uploadId).executeTakeFirstOrThrow();
  const mine = await uploadSubmissions(db, uploadId);
  const [stored, { cross, names }] = await Promise.all([findingsOf(db, mine.map((s) => s.id)), crossFindingsOfUpload(db, mine, up.school_code)]);
  return {
    uploadId,
    school: { code: up.school_code, name: names.get(up.school_code) ?? up.school_code },
    term: up.term,
    createdAt: up.created_at,
    replayed,
    submissions: mine.map((s) => ({ id: s.id, kind: s.kind as KindId, sheet: s.sheet, version: s.version, rows: s.row_count, warnings: s.warning_count })),
    warnings: mine.flatMap((s) => stored.get(s.id) ?? []),
    crossSchool: mine.flatMap((s) => cross.get(s.id) ?? []),
    skipped: up.skipped ? JSON.parse(up.skipped) : [],
  };
}

/** The receipt of an earlier upload with this Idempotency-Key, or null; `mismatch` when it was for other content. */
export async function priorReceipt(store: Store, school: string, key: string, hash?: string): Promise<Receipt | 'mismatch' | null> {
  const row = await store.db.selectFrom('uploads').select(['id', 'idem_hash']).where('school_code', '=', school).where('idem_key', '=', key).executeTakeFirst();
  if (!row) return null;
  if (hash && row.idem_hash && row.idem_hash !== hash) return 'mismatch';
  return buildReceipt(store, row.id, true);
}
