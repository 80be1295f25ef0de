/** The one set of migrations for SQLite and PostgreSQL, run at start by Kysely's Migrator (locked, so several processes may start at once). */
import { Migrator, type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import type { Dialect } from './schema';

// Migrations are written against Kysely<any> on purpose: they describe the schema at their own point in history.
/* eslint-disable @typescript-eslint/no-explicit-any */
function migrations(dialect: Dialect): Record<string, Migration> {
  // The only engine difference: how an auto-numbered key is declared.
  const serial = (t: any, name: string) =>
    dialect === 'postgres'
      ? t.addColumn(name, 'serial', (c: any) => c.primaryKey())
      : t.addColumn(name, 'integer', (c: any) => c.primaryKey().autoIncrement());
  return {
    '0001_initial': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('schools')
          .addColumn('code', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('tokens')
          .addColumn('hash', 'text', (c) => c.primaryKey())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('school_code', 'text', (c) => c.references('schools.code'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .execute();
        await serial(db.schema.createTable('uploads'), 'id')
          .addColumn('school_code', 'text', (c: any) => c.notNull().references('schools.code'))
          .addColumn('term', 'text', (c: any) => c.notNull())
          .addColumn('idem_key', 'text')
          .addColumn('source', 'text', (c: any) => c.notNull())
          .addColumn('created_at', 'text', (c: any) => c.notNull())
          .addUniqueConstraint('uploads_idem', ['school_code', 'idem_key'])
          .execute();
        await serial(db.schema.createTable('submissions'), 'id')
          .addColumn('upload_id', 'integer', (c: any) => c.notNull().references('uploads.id'))
          .addColumn('school_code', 'text', (c: any) => c.notNull().references('schools.code'))
          .addColumn('term', 'text', (c: any) => c.notNull())
          .addColumn('kind', 'text', (c: any) => c.notNull())
          .addColumn('version', 'integer', (c: any) => c.notNull())
          .addColumn('sheet', 'text', (c: any) => c.notNull())
          .addColumn('row_count', 'integer', (c: any) => c.notNull())
          .addColumn('warning_count', 'integer', (c: any) => c.notNull())
          .addColumn('findings', 'text', (c: any) => c.notNull())
          .addColumn('columns', 'text', (c: any) => c.notNull())
          .addColumn('status', 'text', (c: any) => c.notNull())
          .addColumn('comment', 'text')
          .addColumn('returned_at', 'text')
          .addColumn('created_at', 'text', (c: any) => c.notNull())
          // 0 until the cross-school check ran: a crash between commit and check is caught up at the next start.
          .addColumn('cross_checked', 'integer', (c: any) => c.notNull().defaultTo(0))
          // Version numbers are unique per (school, term, kind): concurrent uploads conflict here and retry.
          .addUniqueConstraint('submissions_version', ['school_code', 'term', 'kind', 'version'])
          .execute();
        await db.schema.createIndex('submissions_term').on('submissions').columns(['term', 'kind']).execute();
        await db.schema
          .createTable('rows')
          .addColumn('submission_id', 'integer', (c) => c.notNull().references('submissions.id'))
          .addColumn('row', 'integer', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('rows_pk', ['submission_id', 'row'])
          .execute();
        await db.schema
          .createTable('reflection_bands')
          .addColumn('term', 'text', (c) => c.notNull())
          .addColumn('band', 'text', (c) => c.notNull())
          .addColumn('submission_id', 'integer', (c) => c.notNull().references('submissions.id'))
          .addColumn('row', 'integer', (c) => c.notNull())
          .addColumn('school_code', 'text', (c) => c.notNull())
          .addColumn('teacher', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('reflection_bands_key').on('reflection_bands').columns(['term', 'band']).execute();
        await db.schema
          .createTable('paper_titles')
          .addColumn('term', 'text', (c) => c.notNull())
          .addColumn('title_key', 'text', (c) => c.notNull())
          .addColumn('submission_id', 'integer', (c) => c.notNull().references('submissions.id'))
          .addColumn('row', 'integer', (c) => c.notNull())
          .addColumn('school_code', 'text', (c) => c.notNull())
          .addColumn('teacher', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('paper_titles_key').on('paper_titles').columns(['term', 'title_key']).execute();
        await serial(db.schema.createTable('cross_findings'), 'id')
          .addColumn('term', 'text', (c: any) => c.notNull())
          .addColumn('code', 'text', (c: any) => c.notNull())
          .addColumn('submission_id', 'integer', (c: any) => c.notNull().references('submissions.id'))
          .addColumn('row', 'integer', (c: any) => c.notNull())
          .addColumn('other_submission_id', 'integer', (c: any) => c.notNull().references('submissions.id'))
          .addColumn('other_row', 'integer', (c: any) => c.notNull())
          .addColumn('field', 'text', (c: any) => c.notNull())
          .addColumn('similarity', 'real', (c: any) => c.notNull())
          .addColumn('created_at', 'text', (c: any) => c.notNull())
          // Both sides of a pair may find it (two uploads checking at once): the pair is stored once.
          .addUniqueConstraint('cross_findings_pair', ['submission_id', 'row', 'other_submission_id', 'other_row', 'field'])
          .execute();
        await db.schema.createIndex('cross_findings_term').on('cross_findings').columns(['term']).execute();
        await db.schema
          .createTable('deadlines')
          .addColumn('term', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('date', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('deadlines_pk', ['term', 'kind'])
          .execute();
        await serial(db.schema.createTable('audit'), 'id')
          .addColumn('at', 'text', (c: any) => c.notNull())
          .addColumn('actor', 'text', (c: any) => c.notNull())
          .addColumn('action', 'text', (c: any) => c.notNull())
          .addColumn('school_code', 'text')
          .addColumn('target', 'text')
          .addColumn('detail', 'text')
          .execute();
        await sql`select 1`.execute(db);
      },
    },
    '0002_sheet_links': {
      // The Google spreadsheet and range each school registered as its register (server/sheets/links.ts).
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('sheet_links')
          .ifNotExists() // stores that ran the earlier create-on-first-use code already have it
          .addColumn('school_code', 'text', (c: any) => c.primaryKey().references('schools.code'))
          .addColumn('spreadsheet_id', 'text', (c: any) => c.notNull())
          .addColumn('range', 'text', (c: any) => c.notNull())
          .addColumn('updated_at', 'text', (c: any) => c.notNull())
          .addColumn('updated_by', 'text', (c: any) => c.notNull())
          .execute();
      },
    },
    '0003_idempotency_fingerprint': {
      // What an Idempotency-Key was first used for, so the same key with different content is refused.
      async up(db: Kysely<any>) {
        await db.schema.alterTable('uploads').addColumn('idem_hash', 'text').execute();
      },
    },
    '0004_register_definitions': {
      // The district's register definitions, one immutable version each; a submission remembers the one it was
      // checked with (0: the built-in definition).
      async up(db: Kysely<any>) {
        await serial(db.schema.createTable('register_definitions'), 'version')
          .addColumn('name', 'text', (c: any) => c.notNull())
          .addColumn('definition', 'text', (c: any) => c.notNull())
          .addColumn('created_at', 'text', (c: any) => c.notNull())
          .addColumn('actor', 'text', (c: any) => c.notNull())
          .execute();
        await db.schema.alterTable('submissions').addColumn('definition_version', 'integer', (c: any) => c.notNull().defaultTo(0)).execute();
      },
    },
    '0005_upload_skipped': {
      // Recognised registers an upload held no data rows for (not stored): the receipt says so, replays too.
      async up(db: Kysely<any>) {
        await db.schema.alterTable('uploads').addColumn('skipped', 'text').execute();
      },
    },
    '0006_index_keys_by_rule': {
      // Cross-school index keys now name their register and column (store/index-keys.ts), as the registers' 同题
      // and 相似文本 rules give them: keys stored before are rewritten so old and new uploads still meet.
      async up(db: Kysely<any>) {
        await sql`update paper_titles set title_key = ${'papers｜题目｜'} || title_key`.execute(db);
        await sql`update reflection_bands set band = ${'reflections｜题目｜t｜'} || substr(band, 2) where band like ${'t%'}`.execute(db);
        await sql`update reflection_bands set band = ${'reflections｜正文｜b｜'} || substr(band, 2) where band like ${'b%'}`.execute(db);
      },
    },
    '0007_keys_by_submission': {
      // The cross-school check reads an upload's own keys back by submission_id, and cross findings are listed by
      // it: without these every upload scanned the whole term's keys, so its cost grew with the schools reported.
      async up(db: Kysely<any>) {
        await db.schema.createIndex('paper_titles_submission').on('paper_titles').column('submission_id').execute();
        await db.schema.createIndex('reflection_bands_submission').on('reflection_bands').column('submission_id').execute();
        await db.schema.createIndex('cross_findings_submission').on('cross_findings').column('submission_id').execute();
      },
    },
    '0008_submissions_by_upload': {
      // An upload's receipt lists its submissions by upload_id (and a replay finds them so): without this each
      // receipt scanned every submission stored.
      async up(db: Kysely<any>) {
        await db.schema.createIndex('submissions_upload').on('submissions').column('upload_id').execute();
      },
    },
    '0009_definition_of_term': {
      // Every upload asks which register definition its term's versions were checked with (the newest
      // definition_version of the term): without this each asked by reading every submission of the term.
      async up(db: Kysely<any>) {
        await db.schema.createIndex('submissions_term_definition').on('submissions').columns(['term', 'definition_version']).execute();
      },
    },
    '0010_keys_lead_the_key_indexes': {
      // The cross-school lookup is `term = ? and key in (…400 keys)`. With the term first, PostgreSQL whose
      // statistics lag behind a burst of uploads (autovacuum analyses a minute later at the soonest; a new term has
      // no statistics at all) took the term alone from the index and filtered every key of the term: 48,000 rows
      // read for 400 wanted at 200 schools, ~20 ms an upload and growing with the district. With the key first the
      // index can only be entered by key.
      async up(db: Kysely<any>) {
        await db.schema.createIndex('paper_titles_by_key').on('paper_titles').columns(['title_key', 'term']).execute();
        await db.schema.dropIndex('paper_titles_key').execute();
        await db.schema.createIndex('reflection_bands_by_key').on('reflection_bands').columns(['band', 'term']).execute();
        await db.schema.dropIndex('reflection_bands_key').execute();
      },
    },
    '0011_versions_by_school': {
      // Which versions count (store/current.ts currentAmong) asks, for each of ~400 submissions, whether its school
      // has a newer accepted version of the same term and kind. PostgreSQL whose statistics lag behind a burst of
      // uploads answered that from the (term, kind) index, reading every school's versions of the kind for each
      // submission: 330 × 330 rows, 22 ms, twice per upload at 330 schools and growing with the district. Without
      // that index the only one to take is the unique (school, term, kind, version), which reaches the school's
      // versions alone. Nothing else needs it: a term's submissions are found by (term, definition_version).
      async up(db: Kysely<any>) {
        await db.schema.dropIndex('submissions_term').execute();
      },
    },
  };
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrate(db: Kysely<any>, dialect: Dialect, upTo?: string): Promise<void> {
  const all = migrations(dialect);
  const provider: MigrationProvider = { getMigrations: async () => all };
  // `upTo` (tests of a migration) stops after the named one.
  const run = (m: Migrator) => (upTo ? m.migrateTo(upTo) : m.migrateToLatest());
  let outcome = await run(new Migrator({ db, provider }));
  // Processes starting at the same moment may race to create Kysely's own bookkeeping tables; the loser retries.
  for (let i = 0; outcome.error && i < 3; i++) {
    await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
    outcome = await run(new Migrator({ db, provider }));
  }
  const { error, results } = outcome;
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${error instanceof Error ? error.message : String(error)}`);
  }
}
