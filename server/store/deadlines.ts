/** District deadlines: per term and kind for the board, per month for reflections (the engine's `reflectionDeadlines`). */
import type { Kysely } from 'kysely';
import type { DB } from './schema';

/** Sets (or replaces) one deadline. `term` is a term (`2025春`) or, for monthly reflection deadlines, a month `YYYY-MM`. */
export async function setDeadline(db: Kysely<DB>, term: string, kind: string, date: string): Promise<void> {
  await db
    .insertInto('deadlines')
    .values({ term, kind, date })
    .onConflict((oc) => oc.columns(['term', 'kind']).doUpdateSet({ date }))
    .execute();
}

/** The term's per-kind deadlines. */
export async function termDeadlines(db: Kysely<DB>, term: string): Promise<Record<string, string>> {
  const rows = await db.selectFrom('deadlines').select(['kind', 'date']).where('term', '=', term).execute();
  return Object.fromEntries(rows.map((r) => [r.kind, r.date]));
}

/** Monthly reflection deadlines for the given months (`YYYY-MM` → date). */
export async function reflectionDeadlines(db: Kysely<DB>, months: string[]): Promise<Record<string, string>> {
  if (months.length === 0) return {};
  const rows = await db
    .selectFrom('deadlines')
    .select(['term', 'date'])
    .where('kind', '=', 'reflections')
    .where('term', 'in', months)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.term, r.date]));
}
