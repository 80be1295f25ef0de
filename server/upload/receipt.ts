/** The receipt of a stored upload, rebuilt from the store (so an idempotent replay answers exactly as the first time). */
import type { Receipt } from '../../shared/contract';
import type { KindId } from '../../shared/types';
import { crossFindingsFor } from '../cross/list';
import { currentIds, findingsOf, termSubmissions } from '../store/current';
import type { Store } from '../store/schema';
import { listSchools } from '../store/schools';

/** The receipt of upload `uploadId`. */
export async function buildReceipt(store: Store, uploadId: number, replayed: boolean): Promise<Receipt> {
  const { db } = store;
  const up = await db.selectFrom('uploads').selectAll().where('id', '=', uploadId).executeTakeFirstOrThrow();
  const all = await termSubmissions(db, up.term);
  const mine = all.filter((s) => s.upload_id === uploadId).sort((a, b) => a.id - b.id);
  const schools = await listSchools(db);
  const names = new Map(schools.map((s) => [s.code, s.name]));
  const stored = await findingsOf(db, mine.map((s) => s.id));
  const cross = await crossFindingsFor(db, mine.map((s) => s.id), all, currentIds(all), names, up.school_code);
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
