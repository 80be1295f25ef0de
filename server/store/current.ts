/** Which versions count: per (school, term, kind) the latest version that has not been returned. */
import type { Kysely, Selectable } from 'kysely';
import type { Finding } from '../../shared/findings/finding';
import type { DB, SubmissionTable } from './schema';

const META = ['id', 'upload_id', 'school_code', 'term', 'kind', 'version', 'sheet', 'row_count', 'warning_count', 'columns', 'status', 'comment', 'returned_at', 'created_at'] as const;

/** A submission's identifying facts, without its rows or its stored warnings (those can be large: see findingsOf). */
export type SubmissionMeta = Pick<Selectable<SubmissionTable>, (typeof META)[number]>;

/** Every version of a term (optionally one school's), oldest first. */
export async function termSubmissions(db: Kysely<DB>, term: string, school?: string): Promise<SubmissionMeta[]> {
  let q = db.selectFrom('submissions').select(META).where('term', '=', term);
  if (school) q = q.where('school_code', '=', school);
  return q.orderBy('school_code').orderBy('kind').orderBy('version').execute();
}

/** The submissions of one upload, in the order they were stored. */
export async function uploadSubmissions(db: Kysely<DB>, uploadId: number): Promise<SubmissionMeta[]> {
  return db.selectFrom('submissions').select(META).where('upload_id', '=', uploadId).orderBy('id').execute();
}

/** The stored warnings of the given submissions. */
export async function findingsOf(db: Kysely<DB>, ids: number[]): Promise<Map<number, Finding[]>> {
  const out = new Map<number, Finding[]>();
  for (let i = 0; i < ids.length; i += 400) {
    const got = await db.selectFrom('submissions').select(['id', 'findings']).where('id', 'in', ids.slice(i, i + 400)).execute();
    for (const g of got) out.set(g.id, JSON.parse(g.findings) as Finding[]);
  }
  return out;
}

/** Meta of the given submissions (any order). */
export async function submissionsById(db: Kysely<DB>, ids: number[]): Promise<SubmissionMeta[]> {
  const out: SubmissionMeta[] = [];
  for (let i = 0; i < ids.length; i += 400) out.push(...(await db.selectFrom('submissions').select(META).where('id', 'in', ids.slice(i, i + 400)).execute()));
  return out;
}

/**
 * Which of the given submissions count: accepted, with no newer accepted version of their school, term and kind
 * (what currentIds finds in a whole term, asked of just these, so an upload's cost does not grow with the term).
 */
export async function currentAmong(db: Kysely<DB>, ids: number[]): Promise<Set<number>> {
  const out = new Set<number>();
  for (let i = 0; i < ids.length; i += 400) {
    const got = await db
      .selectFrom('submissions as s')
      .select('s.id')
      .where('s.id', 'in', ids.slice(i, i + 400))
      .where('s.status', '=', 'accepted')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('submissions as n')
              .select('n.id')
              .whereRef('n.school_code', '=', 's.school_code')
              .whereRef('n.term', '=', 's.term')
              .whereRef('n.kind', '=', 's.kind')
              .whereRef('n.version', '>', 's.version')
              .where('n.status', '=', 'accepted'),
          ),
        ),
      )
      .execute();
    for (const g of got) out.add(g.id);
  }
  return out;
}

/** The ids of the versions that count, from a list holding every version of the schools concerned. */
export function currentIds(subs: SubmissionMeta[]): Set<number> {
  const best = new Map<string, SubmissionMeta>();
  for (const s of subs) {
    if (s.status !== 'accepted') continue;
    const key = `${s.school_code}\u0000${s.term}\u0000${s.kind}`;
    const b = best.get(key);
    if (!b || s.version > b.version) best.set(key, s);
  }
  return new Set([...best.values()].map((s) => s.id));
}

/** The latest version (returned or not) per school × kind, for the completeness board. */
export function latestPerKind(subs: SubmissionMeta[]): Map<string, SubmissionMeta> {
  const out = new Map<string, SubmissionMeta>();
  for (const s of subs) {
    const key = `${s.school_code}\u0000${s.kind}`;
    const b = out.get(key);
    if (!b || s.version > b.version) out.set(key, s);
  }
  return out;
}
