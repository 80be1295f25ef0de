/**
 * Migration 0006: cross-school index keys stored before keys named their register and column are rewritten, so an
 * old paper title or reflection band still meets a new upload's — on SQLite and PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Pool } from 'pg';
import { migrate } from '../../../server/store/migrations';
import type { Store } from '../../../server/store/schema';
import { addSchool } from '../../../server/store/schools';
import { writeUpload } from '../../../server/store/write-upload';
import type { Rule } from '../../../shared/templates/template';
import { createDatabase, storeKinds } from '../../support/pg';

describe.each(storeKinds())('0006_index_keys_by_rule on %s', (kind) => {
  let db: Kysely<any>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    if (kind === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'yb-mig-'));
      db = new Kysely({ dialect: new SqliteDialect({ database: new Database(join(dir, 's.sqlite')) }) });
      cleanup = async () => {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      };
    } else {
      const pg = await createDatabase();
      db = new Kysely({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: pg.url }) }) });
      cleanup = async () => {
        await db.destroy();
        await pg.drop();
      };
    }
  });
  afterAll(() => cleanup());

  test('old keys gain their register and column; new ones are left alone', async () => {
    await migrate(db, kind, '0005_upload_skipped');
    // A stored upload, its keys then put back in the form 0005's code wrote them (bare title; t/b + band).
    await addSchool(db, { code: 'WTQ-A', name: '甲校', type: '小学' });
    const store = { db, dialect: kind, where: '', close: async () => {} } as Store;
    const rules: Rule[] = [{ rule: 'same_title', field: '题目', per: '教师' }];
    await writeUpload(store, {
      school: 'WTQ-A',
      term: '2025春',
      idemKey: null,
      source: 'json',
      actor: 'test',
      submissions: [{ kind: 'papers', rules, sheet: '论文', records: [{ row: 2, values: { 教师: ['张伟'], 题目: '劳动教育融入学科教学的路径' } }], warnings: [], columns: [] }],
    });
    await db.updateTable('paper_titles').set({ title_key: '劳动教育融入学科教学的路径' }).execute();
    const id = (await db.selectFrom('submissions').select('id').executeTakeFirstOrThrow()).id;
    const row = { term: '2025春', submission_id: id, row: 2, school_code: 'WTQ-A', teacher: '张伟' };
    await db.insertInto('reflection_bands').values([{ ...row, band: 't12345' }, { ...row, band: 'b678' }]).execute();
    await migrate(db, kind);
    expect((await db.selectFrom('paper_titles').select('title_key').execute()).map((r) => r.title_key)).toEqual(['papers｜题目｜劳动教育融入学科教学的路径']);
    expect((await db.selectFrom('reflection_bands').select('band').orderBy('band').execute()).map((r) => r.band).sort()).toEqual(['reflections｜正文｜b｜678', 'reflections｜题目｜t｜12345'].sort());
  });
});
