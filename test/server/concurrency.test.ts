/** Many schools uploading at once lose nothing; one school's concurrent uploads get distinct, gap-free versions. */
import request from 'supertest';
import { schoolRegisters, type RegisterSizes } from '../../server/demo/registers';
import { storeKinds } from '../support/pg';
import { bearer, openDistrict, type TestDistrict } from '../support/store';

const SIZES: RegisterSizes = { teachers: 12, papersPerTeacher: 1, courses: 10, projects: 3, reflectionRate: 1 };
const TERM = '2025春';
const NOW = new Date('2025-06-30T04:00:00Z');
const SCHOOLS = Array.from({ length: 16 }, (_, i) => ({ code: `S${String(i + 1).padStart(2, '0')}`, name: `第${i + 1}小学` }));

/** Runs tasks with at most `n` at a time. */
async function pool<T>(tasks: (() => Promise<T>)[], n: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < tasks.length) {
        const i = next++;
        out[i] = await tasks[i]();
      }
    }),
  );
  return out;
}

describe.each(storeKinds())('concurrent uploads on %s', (kind) => {
  let d: TestDistrict;
  // A fresh district for every test (the first counts every stored version): each passes alone and in any order.
  beforeEach(async () => {
    d = await openDistrict(kind, SCHOOLS, { now: () => NOW });
  });
  afterEach(() => d.dispose());

  test('16 schools × 2 uploads, 8 at a time: every answered upload is stored whole', async () => {
    const jobs = SCHOOLS.flatMap((s, i) => [0, 1].map((v) => ({ s, sheets: schoolRegisters({ code: s.code, name: s.name, term: TERM, asOf: '2025-06-30', seed: i * 10 + v, sizes: SIZES }) })));
    const answers = await pool(
      jobs.map((j) => () => request(d.app).post('/api/v1/submissions').set('Authorization', bearer(d.tokens[j.s.code])).send({ term: TERM, sheets: j.sheets })),
      8,
    );
    expect(answers.map((a) => a.status)).toEqual(jobs.map(() => 201));
    for (const [i, a] of answers.entries()) {
      const expected = jobs[i].sheets.map((s) => s.grid.length - 2); // title row + header
      expect(a.body.submissions.map((s: { rows: number }) => s.rows)).toEqual(expected);
      for (const s of a.body.submissions) {
        const n = await d.store.db.selectFrom('rows').select((eb) => eb.fn.countAll().as('n')).where('submission_id', '=', s.id).executeTakeFirstOrThrow();
        expect(Number(n.n)).toBe(s.rows);
      }
    }
    const versions = await d.store.db.selectFrom('submissions').select(['school_code', 'kind', 'version']).execute();
    expect(versions.length).toBe(16 * 2 * 5);
    const byKey = new Map<string, number[]>();
    for (const v of versions) byKey.set(`${v.school_code}/${v.kind}`, [...(byKey.get(`${v.school_code}/${v.kind}`) ?? []), v.version]);
    for (const list of byKey.values()) expect(list.sort()).toEqual([1, 2]);
  });

  test('one school sending 8 uploads at once gets versions 1…8 of each kind', async () => {
    const s = SCHOOLS[0];
    const sheets = schoolRegisters({ code: s.code, name: s.name, term: '2025秋', asOf: '2025-12-31', seed: 99, sizes: SIZES }).slice(0, 2);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => request(d.app).post('/api/v1/submissions').set('Authorization', bearer(d.tokens[s.code])).send({ term: '2025秋', sheets })),
    );
    expect(answers.map((a) => a.status)).toEqual(new Array(8).fill(201));
    const roster = answers.map((a) => a.body.submissions[0].version).sort((x, y) => x - y);
    expect(roster).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
