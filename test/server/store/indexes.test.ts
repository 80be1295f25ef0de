/**
 * Migrations 0007–0011: the queries an upload makes by submission_id (its own cross-school keys, the cross
 * findings of its submissions), by upload_id (its receipt), for its term's definition version, by key (0010) and for
 * which versions count (0011) use an index on SQLite and PostgreSQL that reaches only what they ask for, so an
 * upload's cost does not grow with every school already stored. Checked with each database's own query plan.
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

/** An empty database of the given kind, and the query plan of a statement on it. */
async function planned(kind: 'sqlite' | 'postgres') {
  let db: Kysely<any>;
  let cleanup: () => Promise<void>;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'yb-idx-'));
    db = new Kysely({ dialect: new SqliteDialect({ database: new Database(join(dir, 's.sqlite')) }) });
    cleanup = async () => { await db.destroy(); rmSync(dir, { recursive: true, force: true }); };
  } else {
    const pg = await createDatabase();
    db = new Kysely({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: pg.url, max: 1 }) }) });
    cleanup = async () => { await db.destroy(); await pg.drop(); };
  }
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
  return { db, plan, cleanup };
}

/** `query`'s plan names `index` only once the migrations after `before` have run. */
async function servedOnlyAfter(t: Awaited<ReturnType<typeof planned>>, kind: 'sqlite' | 'postgres', before: string, query: string, index: RegExp) {
  await migrate(t.db, kind, before);
  expect(await t.plan(query)).not.toMatch(index);
  await migrate(t.db, kind);
  expect(await t.plan(query)).toMatch(index);
}

describe.each(storeKinds())('0007_keys_by_submission on %s', (kind) => {
  let t: Awaited<ReturnType<typeof planned>>;
  beforeAll(async () => (t = await planned(kind)));
  afterAll(() => t.cleanup());

  test('before 0007 these queries scan the whole table; after it each is served by an index on submission_id', async () => {
    await migrate(t.db, kind, '0006_index_keys_by_rule');
    for (const q of QUERIES) expect(await t.plan(q)).not.toMatch(/_submission/);
    await migrate(t.db, kind);
    for (const q of QUERIES) expect(await t.plan(q)).toMatch(/(paper_titles|reflection_bands|cross_findings)_submission/);
  });
});

describe.each(storeKinds())('0008_submissions_by_upload on %s', (kind) => {
  let t: Awaited<ReturnType<typeof planned>>;
  beforeAll(async () => (t = await planned(kind)));
  afterAll(() => t.cleanup());

  test("an upload's submissions (its receipt, a replay) are found by an index on upload_id, not a scan of every submission", async () => {
    const q = 'select id, kind, version from submissions where upload_id = 7 order by id';
    await servedOnlyAfter(t, kind, '0007_keys_by_submission', q, /submissions_upload/);
  });
});

describe.each(storeKinds())('0009_definition_of_term on %s', (kind) => {
  let t: Awaited<ReturnType<typeof planned>>;
  beforeAll(async () => (t = await planned(kind)));
  afterAll(() => t.cleanup());

  test("the newest definition version of a term's submissions comes from an index, not a scan of the term", async () => {
    const q = "select max(definition_version) as v from submissions where term = '2025春'";
    await servedOnlyAfter(t, kind, '0008_submissions_by_upload', q, /submissions_term_definition/);
  });
});

describe.each(storeKinds())('0010_keys_lead_the_key_indexes on %s', (kind) => {
  let t: Awaited<ReturnType<typeof planned>>;
  beforeAll(async () => (t = await planned(kind)));
  afterAll(() => t.cleanup());

  test("a term's keys are looked up by key, not by reading every key of the term, even with no statistics", async () => {
    const keys = Array.from({ length: 400 }, (_, i) => `'papers｜题目｜题目${i}'`).join(', ');
    const q = `select submission_id, row from paper_titles where term = '2025春' and title_key in (${keys})`;
    const b = `select submission_id, row from reflection_bands where term = '2025春' and band in ('reflections｜题目｜t｜0:a', 'reflections｜题目｜t｜1:b')`;
    await migrate(t.db, kind, '0009_definition_of_term');
    if (kind === 'postgres') {
      // 48,000 keys of one term, never analysed (as in a burst of uploads, or a new term): the old index is entered by
      // the term alone and every key of the term is filtered.
      await sql.raw(`set enable_seqscan = on`).execute(t.db);
      await sql.raw(`set session_replication_role = replica`).execute(t.db); // no submission rows needed: foreign keys off
      await sql.raw(`insert into paper_titles (term, title_key, submission_id, row, school_code, teacher) select '2025春', 'papers｜题目｜行' || g, 1, g, 'A', '张' from generate_series(1, 48000) g`).execute(t.db);
      await sql.raw(`set session_replication_role = origin`).execute(t.db);
      expect(await t.plan(q)).toMatch(/Index Cond: \(term = /);
    }
    await migrate(t.db, kind);
    for (const [query, index] of [[q, 'paper_titles_by_key'], [b, 'reflection_bands_by_key']]) {
      const plan = await t.plan(query);
      expect(plan).toMatch(new RegExp(index));
      if (kind === 'postgres') expect(plan).toMatch(/Index Cond: \(\((title_key|band) = ANY/);
    }
  });
});

describe.each(storeKinds())('0011_versions_by_school on %s', (kind) => {
  let t: Awaited<ReturnType<typeof planned>>;
  beforeAll(async () => (t = await planned(kind)));
  afterAll(() => t.cleanup());

  test("whether a school has a newer version is looked up among that school's versions, even with no statistics", async () => {
    // store/current.ts currentAmong, as Kysely writes it
    const q =
      "select s.id from submissions as s where s.id in (1, 2, 3) and s.status = 'accepted' and not exists (select n.id from submissions as n " +
      "where n.school_code = s.school_code and n.term = s.term and n.kind = s.kind and n.version > s.version and n.status = 'accepted')";
    await migrate(t.db, kind, '0010_keys_lead_the_key_indexes');
    if (kind === 'postgres') {
      // 330 schools × 5 kinds of one term, never analysed (a burst of uploads): the (term, kind) index was taken and
      // every school's version of the kind read for each submission asked about.
      await sql.raw(`set enable_seqscan = on`).execute(t.db);
      await sql.raw(`set session_replication_role = replica`).execute(t.db);
      await sql
        .raw(
          `insert into submissions (upload_id, school_code, term, kind, version, sheet, row_count, warning_count, findings, columns, status, created_at)
           select g, 'S' || (g % 330), '2025春', (array['roster','projects','courses','reflections','papers'])[1 + g / 330], 1, '表', 1, 0, '[]', '[]', 'accepted', 'x'
           from generate_series(0, 1649) g`,
        )
        .execute(t.db);
      await sql.raw(`set session_replication_role = origin`).execute(t.db);
      expect(await t.plan(q)).toMatch(/Index Cond: \(\(term = s\.term\) AND \(kind = s\.kind\)\)/);
    }
    await migrate(t.db, kind);
    const plan = await t.plan(q);
    if (kind === 'postgres') expect(plan).toMatch(/Index Cond: \(.*school_code = s\.school_code.*\)/);
    else expect(plan).toMatch(/USING (COVERING )?INDEX (submissions_version|sqlite_autoindex_submissions_\d) \(.*school_code=/);
    expect(plan).not.toMatch(/submissions_term\b/);
    expect(plan).toMatch(/submissions_version|sqlite_autoindex_submissions/);
  });
});
