/** Multi-row inserts: chunked in powers of two under the parameter limit, every row stored once, conflicts skipped. */
import { chunkSizes, insertRows, insertText, MAX_CHUNK } from '../../../server/store/bulk';
import { addSchool } from '../../../server/store/schools';
import { writeUpload } from '../../../server/store/write-upload';
import { storeKinds } from '../../support/pg';
import { openTestStore, type TestStore } from '../../support/store';

describe('chunkSizes', () => {
  test.each([
    [0, 3, []],
    [1, 3, [1]],
    [7, 3, [4, 2, 1]],
    [1000, 3, [512, 256, 128, 64, 32, 8]],
    [1100, 3, [512, 512, 64, 8, 4]],
  ])('%i rows of %i columns', (n, width, sizes) => {
    expect(chunkSizes(n, width)).toEqual(sizes);
  });

  test('a wide table keeps each statement under 30,000 parameters', () => {
    const sizes = chunkSizes(5000, 100);
    expect(Math.max(...sizes)).toBe(256);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(MAX_CHUNK).toBe(512);
  });
});

describe('insertText', () => {
  const spec = { table: 'rows', columns: ['submission_id', 'row', 'data'] } as const;
  test('SQLite placeholders, PostgreSQL numbered ones, the conflict clause when asked', () => {
    expect(insertText('sqlite', spec, 2)).toBe('insert into "rows" ("submission_id", "row", "data") values (?, ?, ?), (?, ?, ?)');
    expect(insertText('postgres', spec, 2)).toBe('insert into "rows" ("submission_id", "row", "data") values ($1, $2, $3), ($4, $5, $6)');
    expect(insertText('sqlite', { ...spec, skipConflicts: ['submission_id', 'row'] }, 1)).toBe(
      'insert into "rows" ("submission_id", "row", "data") values (?, ?, ?) on conflict ("submission_id", "row") do nothing',
    );
  });
});

describe.each(storeKinds())('insertRows on %s', (kind) => {
  let t: TestStore;
  let id: number;
  beforeAll(async () => {
    t = await openTestStore(kind);
    await addSchool(t.store.db, { code: 'A', name: '甲', type: '小学' });
    const empty = { kind: 'roster', sheet: 'a', records: [], rules: [], warnings: [], columns: [] };
    id = (await writeUpload(t.store, { school: 'A', term: '2025春', idemKey: null, source: 'json', actor: 'test', submissions: [empty] })).submissionIds[0];
  });
  afterAll(() => t.dispose());

  test('1,003 rows (chunks 512 … 1) stored once each, in order, with their values', async () => {
    const rows = Array.from({ length: 1003 }, (_, i) => [id, i + 2, JSON.stringify({ 姓名: `教师${i}`, n: i })]);
    await insertRows(t.store.db, t.store.dialect, { table: 'rows', columns: ['submission_id', 'row', 'data'] }, rows);
    const got = await t.store.db.selectFrom('rows').select(['row', 'data']).where('submission_id', '=', id).orderBy('row').execute();
    expect(got.map((g) => [id, g.row, g.data])).toEqual(rows);
  });

  test('rows already there are skipped when the spec says so, and the new ones stored', async () => {
    const spec = {
      table: 'cross_findings',
      columns: ['term', 'code', 'submission_id', 'row', 'other_submission_id', 'other_row', 'field', 'similarity', 'created_at'],
      skipConflicts: ['submission_id', 'row', 'other_submission_id', 'other_row', 'field'],
    } as const;
    const finding = (row: number) => ['2025春', 'duplicate', id, row, id, 100 + row, '题目', 1, '2025-05-01T00:00:00.000Z'];
    await insertRows(t.store.db, t.store.dialect, spec, [finding(2), finding(3)]);
    await insertRows(t.store.db, t.store.dialect, spec, [finding(3), finding(4), finding(2)]);
    const got = await t.store.db.selectFrom('cross_findings').select(['row', 'other_row']).orderBy('row').execute();
    expect(got.map((g) => [g.row, g.other_row])).toEqual([
      [2, 102],
      [3, 103],
      [4, 104],
    ]);
  });
});
