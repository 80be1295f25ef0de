/** Reading stored rows: one submission's, a school's reference data, or a term's current rows streamed in pages. */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { RosterEntry } from '../../shared/types';
import type { DB } from './schema';

/** A stored row's values. */
export type RowValues = Record<string, string | number | boolean | string[] | null>;

/**
 * Rows of the given (submission, row) pairs, keyed `id:row`: one query per 400 pairs, by the rows' primary key.
 * PostgreSQL gets the pairs as two arrays (a list of 400 row values took it ~30 ms just to plan); SQLite a list.
 */
export async function rowsByKey(db: Kysely<DB>, pairs: { submission_id: number; row: number }[]): Promise<Map<string, RowValues>> {
  const out = new Map<string, RowValues>();
  const wanted = new Map<string, [number, number]>();
  for (const p of pairs) wanted.set(`${p.submission_id}:${p.row}`, [p.submission_id, p.row]);
  const all = [...wanted.values()];
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (let i = 0; i < all.length; i += 400) {
    const batch = all.slice(i, i + 400);
    const got = await db
      .selectFrom('rows')
      .select(['submission_id', 'row', 'data'])
      .where((eb) =>
        postgres
          ? sql<boolean>`("submission_id", "row") in (select * from unnest(${batch.map(([id]) => id)}::int[], ${batch.map(([, row]) => row)}::int[]))`
          : eb(eb.refTuple('submission_id', 'row'), 'in', batch.map(([id, row]) => eb.tuple(id, row))),
      )
      .execute();
    for (const g of got) out.set(`${g.submission_id}:${g.row}`, JSON.parse(g.data));
  }
  return out;
}

/** All rows of one submission in row order. */
export async function submissionRows(db: Kysely<DB>, id: number): Promise<{ row: number; values: RowValues }[]> {
  const got = await db.selectFrom('rows').select(['row', 'data']).where('submission_id', '=', id).orderBy('row').execute();
  return got.map((g) => ({ row: g.row, values: JSON.parse(g.data) }));
}

/** A stored row as streamed: its submission, row number and values. */
export interface StreamedRow {
  submissionId: number;
  row: number;
  values: RowValues;
}

/**
 * Rows of several submissions in (submission, row) order, a page at a time, with one keyset-paged query per page
 * rather than one per submission (cheaper when a school has five small submissions and the store is across a
 * network). Memory stays flat however many rows there are; a page is handed over whole, so a reader pays for one
 * await per page, not per row.
 */
export async function* rowPagesOfMany(db: Kysely<DB>, ids: number[], pageSize = 5000): AsyncGenerator<StreamedRow[]> {
  if (ids.length === 0) return;
  let after: [number, number] = [-1, -1];
  for (;;) {
    const [sid, srow] = after;
    const page = await db
      .selectFrom('rows')
      .select(['submission_id', 'row', 'data'])
      .where('submission_id', 'in', ids)
      .where((eb) => eb.or([eb('submission_id', '>', sid), eb.and([eb('submission_id', '=', sid), eb('row', '>', srow)])]))
      .orderBy('submission_id')
      .orderBy('row')
      .limit(pageSize)
      .execute();
    if (page.length) yield page.map((p) => ({ submissionId: p.submission_id, row: p.row, values: JSON.parse(p.data) as RowValues }));
    if (page.length < pageSize) return;
    const last = page[page.length - 1];
    after = [last.submission_id, last.row];
  }
}

/** The id of the school's latest accepted submission of a kind (this term first, else the newest of any term). */
export async function latestAccepted(db: Kysely<DB>, school: string, kind: string, term: string): Promise<number | undefined> {
  const base = db
    .selectFrom('submissions')
    .select('id')
    .where('school_code', '=', school)
    .where('kind', '=', kind)
    .where('status', '=', 'accepted');
  const same = await base.where('term', '=', term).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (same) return same.id;
  const any = await base.orderBy('id', 'desc').limit(1).executeTakeFirst();
  return any?.id;
}

/** The school's latest accepted roster as the engine's RosterEntry list, or undefined when it has none. */
export async function latestRoster(db: Kysely<DB>, school: string, term: string): Promise<RosterEntry[] | undefined> {
  const id = await latestAccepted(db, school, 'roster', term);
  if (id === undefined) return undefined;
  return (await submissionRows(db, id)).map(({ values: v }) => {
    const e: RosterEntry = { name: String(v['姓名'] ?? '') };
    if (v['工号'] !== null && v['工号'] !== undefined && v['工号'] !== '') e.id = String(v['工号']);
    if (typeof v['出生年月'] === 'string') e.birth = v['出生年月'];
    if (typeof v['在岗'] === 'boolean') e.active = v['在岗'];
    return e;
  });
}

/** The school's latest accepted 课题编号 list, or undefined when it has no 课题登记. */
export async function latestProjectCodes(db: Kysely<DB>, school: string, term: string): Promise<string[] | undefined> {
  const id = await latestAccepted(db, school, 'projects', term);
  if (id === undefined) return undefined;
  return (await submissionRows(db, id))
    .map(({ values }) => values['课题编号'])
    .filter((c): c is string | number => c !== null && c !== undefined && c !== '')
    .map(String);
}
