/** The completeness board: every school × kind as 未上报 / 已上报 / 已退回, with when, version, rows, warnings, deadline, late. */
import { unreportedCell, type BoardCell, type StatusBoard } from '../../shared/contract';
import { crossFindingsFor } from '../cross/list';
import { currentIds, latestPerKind, termSubmissions } from '../store/current';
import { termDeadlines } from '../store/deadlines';
import type { Store } from '../store/schema';
import { registerList, termDefinition } from '../store/registers';
import { listSchools } from '../store/schools';

/** ISO date (UTC+8, the schools' calendar day) of an ISO timestamp. */
function localDay(at: string): string {
  return new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The board of a term; `school` limits it to one school (a school token's view). */
export async function statusBoard(store: Store, term: string, asOf: string, school: string | null): Promise<StatusBoard> {
  const { db } = store;
  const [schools, all, deadlines, definition] = await Promise.all([listSchools(db), termSubmissions(db, term), termDeadlines(db, term), termDefinition(db, term)]);
  const registers = registerList(definition);
  const kindIds = registers.map((r) => r.code);
  const current = currentIds(all);
  const latest = latestPerKind(all);
  const first = new Map<string, string>();
  for (const s of all) {
    const key = `${s.school_code}\u0000${s.kind}`;
    const f = first.get(key);
    if (!f || s.created_at < f) first.set(key, s.created_at);
  }
  const names = new Map(schools.map((s) => [s.code, s.name]));
  const shown = schools.filter((s) => school === null || s.code === school);
  const ids = [...latest.values()].filter((s) => school === null || s.school_code === school).map((s) => s.id);
  const cross = await crossFindingsFor(db, ids, all, current, names, school);
  return {
    term,
    asOf,
    kinds: kindIds,
    registers: registers.map((r) => ({ code: r.code, name: r.title })),
    deadlines,
    schools: shown.map((s) => {
      const kinds: Record<string, BoardCell> = {};
      for (const kind of kindIds) {
        const sub = latest.get(`${s.code}\u0000${kind}`);
        const deadline = deadlines[kind] ?? null;
        if (!sub) {
          kinds[kind] = unreportedCell(deadline, deadline !== null && asOf > deadline);
          continue;
        }
        kinds[kind] = {
          status: sub.status === 'returned' ? '已退回' : '已上报',
          submissionId: sub.id,
          submittedAt: sub.created_at,
          version: sub.version,
          rows: sub.row_count,
          warnings: sub.warning_count,
          crossWarnings: cross.get(sub.id)?.length ?? 0,
          comment: sub.comment,
          deadline,
          // Late: first reported after the deadline (a later correction is not lateness), or returned and the
          // deadline has passed without a new version.
          late:
            deadline !== null &&
            (sub.status === 'returned' ? asOf > deadline : localDay(first.get(`${s.code}\u0000${kind}`) ?? sub.created_at) > deadline),
        };
      }
      return { code: s.code, name: s.name, type: s.type, kinds };
    }),
  };
}
