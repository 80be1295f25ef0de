/**
 * Migration 0007: the queries an upload makes by submission_id (its own cross-school keys, the cross findings of its
 * submissions) use an index on SQLite and PostgreSQL, so an upload's cost does not grow with the keys of every
 * school already stored. Checked with each database's own query plan.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
import { Pool } from 'pg';
import { migrate } from '../../../server/store/migrations';
import { createDatabase, storeKinds } from '../../support/pg';

const QUERIES = [
  'select title_key, row from paper_titles where submission_id in (1, 2, 3)',
  'select band, row from reflection_bands where submission_id in (1, 2, 3)',
  'select * from cross_findings where submission_id in (1, 2, 3)',
];

describe.each(storeKinds())('0007_keys_by_submission on %s', (kind) => {
  let db: Kysely<any>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    if (kind === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'yb-idx-'));
      db = new Kysely({ dialect: new SqliteDialect({ database: new Database(join(dir, 's.sqlite')) }) });
      cleanup = async () => { await db.destroy(); rmSync(dir, { recursive: true, force: true }); };
    } else {
      const pg = await createDatabase();
      db = new Kysely({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: pg.url, max: 1 }) }) });
      cleanup = async () => { await db.destroy(); await pg.drop(); };
    }
  });
  afterAll(() => cleanup());

  const plan = async (query: string): Promise<string> => {
    if (kind === 'sqlite') {
      const r = await sql.raw<{ detail: string }>(`explain query plan ${query}`).execute(db);
      return r.rows.map((x) => x.detail).join('\n');
    }
    // the tables are empty: tell the planner a scan is not an option, so it shows whether an index could serve
    await sql`set enable_seqscan = off`.execute(db);
    const r = await sql.raw<{ 'QUERY PLAN': string }>(`explain ${query}`).execute(db);
    return r.rows.map((x) => x['QUERY PLAN']).join('\n');
  };

  test('before 0007 these queries scan the whole table; after it each is served by an index on submission_id', async () => {
    await migrate(db, kind, '0006_index_keys_by_rule');
    for (const q of QUERIES) expect(await plan(q)).not.toMatch(/_submission/);
    await migrate(db, kind);
    for (const q of QUERIES) expect(await plan(q)).toMatch(/(paper_titles|reflection_bands|cross_findings)_submission/);
  });
});
