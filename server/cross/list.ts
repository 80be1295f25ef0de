/** Open cross-school warnings as Finding-shaped data: only pairs whose two versions both still count. */
import type { Kysely } from 'kysely';
import type { CrossFinding } from '../../shared/contract';
import type { DB } from '../store/schema';
import { currentAmong, submissionsById, type SubmissionMeta } from '../store/current';
import { schoolNames } from '../store/schools';
import { rowsByKey } from '../store/rows';
import { text } from '../store/index-keys';
import { compiledFor, termDefinition } from '../store/registers';
import { titleOf } from '../../shared/registers/list';
import type { CompiledRegisters } from '../../shared/types';

/** The teacher each keyed row was indexed under (the rule's 其他字段, first name), by `submission:row`. */
async function teachersOf(db: Kysely<DB>, ids: number[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 400) {
    const batch = ids.slice(i, i + 400);
    for (const table of ['paper_titles', 'reflection_bands'] as const) {
      const got = await db.selectFrom(table).select(['submission_id', 'row', 'teacher']).where('submission_id', 'in', batch).execute();
      for (const g of got) out.set(`${g.submission_id}:${g.row}`, g.teacher);
    }
  }
  return out;
}

function colOf(meta: SubmissionMeta, field: string): string {
  const cols = JSON.parse(meta.columns) as { field: string; col: string }[];
  return cols.find((c) => c.field === field)?.col ?? '';
}

function shorten(s: string, n = 40): string {
  const chars = Array.from(s);
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : s;
}

/**
 * Cross-school warnings on the given submissions. `all` must hold every submission of the term the pairs may
 * point at (with `current` computed from it); `schoolNames` maps codes to names. `viewer` is the school asking
 * (null: the district): a school learns where the matching row is, never another school's teacher's name.
 */
export async function crossFindingsFor(
  db: Kysely<DB>,
  ids: number[],
  all: SubmissionMeta[],
  current: Set<number>,
  schoolNames: Map<string, string>,
  viewer: string | null,
  /** The term's registers (their titles name the other row), when the caller already has them. */
  known?: CompiledRegisters,
): Promise<Map<number, CrossFinding[]>> {
  const out = new Map<number, CrossFinding[]>();
  const wanted = ids.filter((id) => current.has(id));
  if (wanted.length === 0) return out;
  const meta = new Map(all.map((s) => [s.id, s]));
  const found = [];
  for (let i = 0; i < wanted.length; i += 400) {
    found.push(
      ...(await db
        .selectFrom('cross_findings')
        .selectAll()
        .where('submission_id', 'in', wanted.slice(i, i + 400))
        .orderBy('submission_id')
        .orderBy('row')
        .orderBy('id')
        .execute()),
    );
  }
  const open = found.filter((f) => current.has(f.other_submission_id) && meta.has(f.other_submission_id));
  if (open.length === 0) return out;
  const registers = known ?? compiledFor(await termDefinition(db, meta.get(open[0].submission_id)!.term));
  // Only the teachers the viewer may see are looked up (a school sees its own teachers' names, never another's).
  const named = open.filter((f) => viewer === null || meta.get(f.other_submission_id)!.school_code === viewer);
  const teachers = await teachersOf(db, [...new Set(named.map((f) => f.other_submission_id))]);
  const data = await rowsByKey(db, open.map((f) => ({ submission_id: f.submission_id, row: f.row })));
  for (const f of open) {
    const mine = meta.get(f.submission_id)!;
    const other = meta.get(f.other_submission_id)!;
    const a = data.get(`${f.submission_id}:${f.row}`) ?? {};
    const otherName = schoolNames.get(other.school_code) ?? other.school_code;
    const teacher = viewer !== null && other.school_code !== viewer ? '' : (teachers.get(`${f.other_submission_id}:${f.other_row}`) ?? '');
    const title = titleOf(other.kind, registers);
    const where = `${otherName}（${other.school_code}）${title} 第 ${f.other_row} 行`;
    const pct = Math.round(f.similarity * 100);
    const message =
      f.code === 'duplicate'
        ? `${title}的${f.field}与${where}${teacher ? `（${teacher}）` : ''}的相同，有抄袭嫌疑`
        : `${f.field}与${where}${teacher ? `（${teacher}）` : ''}的高度相似（相似度 ${pct}%），必须原创`;
    const list = out.get(f.submission_id) ?? [];
    list.push({
      code: f.code as CrossFinding['code'],
      severity: 'warning',
      sheet: mine.sheet,
      row: f.row,
      col: colOf(mine, f.field),
      field: f.field,
      value: shorten(text(a[f.field])),
      message,
      params: { other: where, similarity: f.similarity },
      school: mine.school_code,
      submissionId: f.submission_id,
      other: { school: other.school_code, schoolName: otherName, submissionId: other.id, sheet: other.sheet, row: f.other_row, teacher },
    });
    out.set(f.submission_id, list);
  }
  return out;
}

/**
 * Cross-school warnings on one upload's submissions (`mine`), loading only the submissions and schools they point
 * at, never the whole term: a receipt costs the same in a district of 10 schools or 300. Also the names of the
 * schools concerned, `mine`'s included.
 */
export async function crossFindingsOfUpload(
  db: Kysely<DB>,
  mine: SubmissionMeta[],
  viewer: string | null,
): Promise<{ cross: Map<number, CrossFinding[]>; names: Map<string, string> }> {
  const ids = mine.map((s) => s.id);
  const pointed = new Set<number>();
  for (let i = 0; i < ids.length; i += 400) {
    const got = await db.selectFrom('cross_findings').select('other_submission_id').distinct().where('submission_id', 'in', ids.slice(i, i + 400)).execute();
    for (const g of got) pointed.add(g.other_submission_id);
  }
  const own = new Set(ids);
  const all = [...mine, ...(await submissionsById(db, [...pointed].filter((id) => !own.has(id))))];
  const [current, names] = await Promise.all([currentAmong(db, all.map((s) => s.id)), schoolNames(db, [...new Set(all.map((s) => s.school_code))])]);
  return { cross: await crossFindingsFor(db, ids, all, current, names, viewer), names };
}
