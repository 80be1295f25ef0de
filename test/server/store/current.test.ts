/** Which versions count, asked of a few submissions (currentAmong) and of a whole term (currentIds): the same answer. */
import { currentAmong, currentIds, submissionsById, termSubmissions, uploadSubmissions } from '../../../server/store/current';
import { addSchool } from '../../../server/store/schools';
import { writeUpload } from '../../../server/store/write-upload';
import { storeKinds } from '../../support/pg';
import { openTestStore, type TestStore } from '../../support/store';

describe.each(storeKinds())('current versions on %s', (kind) => {
  let t: TestStore;
  const ids: Record<string, number> = {};
  const upload = async (name: string, school: string, kindId: string, term = '2025春') => {
    const stored = await writeUpload(t.store, {
      school,
      term,
      idemKey: null,
      source: 'json',
      actor: 'test',
      submissions: [{ kind: kindId, sheet: name, records: [{ row: 2, values: { 姓名: name } }], rules: [], warnings: [], columns: [] }],
    });
    ids[name] = stored.submissionIds[0];
    return stored.uploadId;
  };
  const giveBack = (name: string) => t.store.db.updateTable('submissions').set({ status: 'returned' }).where('id', '=', ids[name]).execute();

  beforeAll(async () => {
    t = await openTestStore(kind);
    for (const code of ['A', 'B']) await addSchool(t.store.db, { code, name: code, type: '小学' });
    await upload('A-roster-1', 'A', 'roster');
    await upload('A-roster-2', 'A', 'roster');
    await upload('A-roster-3', 'A', 'roster');
    await giveBack('A-roster-3'); // returned: version 2 counts again
    await upload('A-papers-1', 'A', 'papers');
    await upload('B-papers-1', 'B', 'papers');
    await giveBack('B-papers-1'); // B's only papers returned: none counts
    await upload('B-roster-1', 'B', 'roster');
    await upload('B-roster-autumn', 'B', 'roster', '2025秋'); // another term: its own latest
  });
  afterAll(() => t.dispose());

  const names = (set: Set<number>) => Object.keys(ids).filter((n) => set.has(ids[n])).sort();

  test('asked of every submission: the latest accepted version per school, term and kind', async () => {
    // The submissions seeded above (a later test hands in 'A-two' of its own; whichever order the tests run in).
    const seeded = Object.entries(ids).filter(([n]) => n !== 'A-two').map(([, id]) => id);
    expect(names(await currentAmong(t.store.db, seeded))).toEqual(['A-papers-1', 'A-roster-2', 'B-roster-1', 'B-roster-autumn']);
  });

  test('asked of a few: the same answer for each as currentIds gives from the whole term', async () => {
    const whole = currentIds(await termSubmissions(t.store.db, '2025春'));
    for (const few of [['A-roster-1', 'A-roster-2'], ['A-roster-3'], ['B-papers-1', 'B-roster-1', 'A-papers-1']]) {
      const asked = few.map((n) => ids[n]);
      expect(names(await currentAmong(t.store.db, asked))).toEqual(few.filter((n) => whole.has(ids[n])).sort());
    }
    expect(await currentAmong(t.store.db, [])).toEqual(new Set());
  });

  test('submissionsById and uploadSubmissions return the submissions asked for', async () => {
    const got = await submissionsById(t.store.db, [ids['B-roster-1'], ids['A-papers-1']]);
    expect(got.map((s) => s.sheet).sort()).toEqual(['A-papers-1', 'B-roster-1']);
    const up = await upload('A-two', 'A', 'courses');
    expect((await uploadSubmissions(t.store.db, up)).map((s) => [s.id, s.kind, s.version])).toEqual([[ids['A-two'], 'courses', 1]]);
  });
});
