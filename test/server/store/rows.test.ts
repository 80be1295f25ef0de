/** Row pages: every row exactly once, in order, however small the page; rows fetched by key. */
import { addSchool } from '../../../server/store/schools';
import { rowPagesOfMany, rowsByKey } from '../../../server/store/rows';
import { writeUpload } from '../../../server/store/write-upload';
import { storeKinds } from '../../support/pg';
import { openTestStore, type TestStore } from '../../support/store';

describe.each(storeKinds())('row streams on %s', (kind) => {
  let t: TestStore;
  let ids: number[] = [];
  beforeAll(async () => {
    t = await openTestStore(kind);
    await addSchool(t.store.db, { code: 'A', name: '甲', type: '小学' });
    const records = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ row: i + 2, values: { 姓名: `${tag}${i}` } }));
    const stored = await writeUpload(t.store, {
      school: 'A',
      term: '2025春',
      idemKey: null,
      source: 'json',
      actor: 'test',
      submissions: [
        { kind: 'roster', sheet: 'a', records: records(7, 'r'), rules: [], warnings: [], columns: [] },
        { kind: 'courses', sheet: 'b', records: records(0, 'c'), rules: [], warnings: [], columns: [] },
        { kind: 'papers', sheet: 'c', records: records(5, 'p'), rules: [], warnings: [], columns: [] },
      ],
    });
    ids = stored.submissionIds;
  });
  afterAll(() => t.dispose());

  const collect = async <T,>(it: AsyncIterable<T>) => {
    const out: T[] = [];
    for await (const x of it) out.push(x);
    return out;
  };

  test.each([1, 3, 5, 12, 1000])('page size %i', async (size) => {
    const pages = await collect(rowPagesOfMany(t.store.db, ids, size));
    const expected = [...Array.from({ length: 7 }, (_, i) => [ids[0], i + 2, `r${i}`]), ...Array.from({ length: 5 }, (_, i) => [ids[2], i + 2, `p${i}`])];
    expect(pages.flat().map((r) => [r.submissionId, r.row, r.values['姓名']])).toEqual(expected);
    // Full pages, then the rest; never an empty page.
    expect(pages.map((p) => p.length)).toEqual(Array.from({ length: Math.ceil(12 / size) }, (_, i) => Math.min(size, 12 - i * size)));
  });

  test('rowsByKey: exactly the pairs asked for (repeats once, missing ones left out), past one batch of 400', async () => {
    const asked = [
      { submission_id: ids[0], row: 3 },
      { submission_id: ids[2], row: 6 },
      { submission_id: ids[0], row: 3 },
      { submission_id: ids[2], row: 99 },
      { submission_id: ids[1], row: 2 },
      ...Array.from({ length: 450 }, (_, i) => ({ submission_id: ids[2] + 1000, row: i })),
      { submission_id: ids[0], row: 8 },
    ];
    const got = await rowsByKey(t.store.db, asked);
    expect([...got].map(([k, v]) => [k, v['姓名']]).sort()).toEqual([
      [`${ids[0]}:3`, 'r1'],
      [`${ids[0]}:8`, 'r6'],
      [`${ids[2]}:6`, 'p4'],
    ]);
  });
});
