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

/** The stored warnings of the given submissions. */
export async function findingsOf(db: Kysely<DB>, ids: number[]): Promise<Map<number, Finding[]>> {
  const out = new Map<number, Finding[]>();
  for (let i = 0; i < ids.length; i += 400) {
    const got = await db.selectFrom('submissions').select(['id', 'findings']).where('id', 'in', ids.slice(i, i + 400)).execute();
    for (const g of got) out.set(g.id, JSON.parse(g.findings) as Finding[]);
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
