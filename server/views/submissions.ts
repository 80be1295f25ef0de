/** Listing stored submissions (every version) with their warnings and open cross-school warnings; returning one. */
import type { KindId } from '../../shared';
import type { Submission } from '../../shared/contract';
import type { Finding } from '../../shared/findings/finding';
import { crossFindingsFor } from '../cross/list';
import { HttpError } from '../http/errors';
import { audit } from '../store/audit';
import { currentIds, findingsOf, termSubmissions, type SubmissionMeta } from '../store/current';
import { transact } from '../store/retry';
import type { Store } from '../store/schema';
import { listSchools } from '../store/schools';

function toDto(s: SubmissionMeta, names: Map<string, string>, current: Set<number>, findings: Finding[], cross: Submission['crossSchool']): Submission {
  return {
    id: s.id,
    uploadId: s.upload_id,
    school: { code: s.school_code, name: names.get(s.school_code) ?? s.school_code },
    term: s.term,
    kind: s.kind as KindId,
    sheet: s.sheet,
    version: s.version,
    rows: s.row_count,
    warnings: s.warning_count,
    status: s.status === 'returned' ? '已退回' : '已上报',
    current: current.has(s.id),
    createdAt: s.created_at,
    returnedAt: s.returned_at,
    comment: s.comment,
    findings,
    crossSchool: cross,
  };
}

/** Every version of a term, of one school or (null) all; newest first within each school and kind. `viewer`: see crossFindingsFor. */
export async function listSubmissions(store: Store, term: string, school: string | null, viewer: string | null = school): Promise<Submission[]> {
  const { db } = store;
  const [all, schools] = await Promise.all([termSubmissions(db, term), listSchools(db)]);
  const names = new Map(schools.map((s) => [s.code, s.name]));
  const current = currentIds(all);
  const shown = all.filter((s) => school === null || s.school_code === school);
  const cross = await crossFindingsFor(db, shown.map((s) => s.id), all, current, names, viewer);
  const stored = await findingsOf(db, shown.map((s) => s.id));
  return shown
    .sort((a, b) => a.school_code.localeCompare(b.school_code) || a.kind.localeCompare(b.kind) || b.version - a.version)
    .map((s) => toDto(s, names, current, stored.get(s.id) ?? [], cross.get(s.id) ?? []));
}

/** Marks a submission 已退回 with the district's comment (an already returned one keeps its first comment → 409). */
export async function returnSubmission(store: Store, id: number, comment: string, actor: string, now = new Date()): Promise<Submission> {
  const at = now.toISOString();
  const sub = await transact(store.db, async (trx) => {
    const found = await trx.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!found) throw new HttpError(404, 'no_submission', `没有编号为 ${id} 的上报记录`);
    if (found.status === 'returned') throw new HttpError(409, 'already_returned', `上报记录 ${id} 已于 ${found.returned_at} 退回`);
    await trx.updateTable('submissions').set({ status: 'returned', comment, returned_at: at }).where('id', '=', id).where('status', '=', 'accepted').execute();
    await audit(trx, { actor, action: 'return', school: found.school_code, target: String(id), detail: { term: found.term, kind: found.kind, version: found.version, comment } }, now);
    return found;
  });
  const list = await listSubmissions(store, sub.term, sub.school_code, null);
  return list.find((s) => s.id === id)!;
}
