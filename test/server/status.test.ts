/** The completeness board: 未上报/已上报/已退回, versions, rows, deadlines and lateness. */
import request from 'supertest';
import { setDeadline } from '../../server/store/deadlines';
import { storeKinds } from '../support/pg';
import { bearer, openDistrict, type TestDistrict } from '../support/store';
import * as F from '../support/fixture-district';

const T = encodeURIComponent(F.TERM);

describe.each(storeKinds())('status board on %s', (kind) => {
  let d: TestDistrict;
  let clock = new Date('2025-03-10T04:00:00Z');
  beforeAll(async () => {
    d = await openDistrict(kind, F.SCHOOLS, { now: () => clock });
    await setDeadline(d.store.db, F.TERM, 'roster', '2025-03-15');
    await setDeadline(d.store.db, F.TERM, 'papers', '2025-04-15');
    await request(d.app).post('/api/v1/submissions').set('Authorization', bearer(d.tokens['WTQ-A'])).send({ term: F.TERM, sheets: [F.rosterA()] }).expect(201);
    clock = new Date('2025-04-20T04:00:00Z');
    await request(d.app).post('/api/v1/submissions').set('Authorization', bearer(d.tokens['WTQ-A'])).send({ term: F.TERM, sheets: [F.rosterA(), F.papersA()] }).expect(201);
    await request(d.app).post('/api/v1/submissions').set('Authorization', bearer(d.tokens['WTQ-B'])).send({ term: F.TERM, sheets: [F.rosterB()] }).expect(201);
  });
  afterAll(() => d.dispose());

  test('each school × kind with version, rows, deadline and lateness', async () => {
    const res = await request(d.app).get(`/api/v1/terms/${T}/status?asOf=2025-04-20`).set('Authorization', bearer(d.district));
    expect(res.body.deadlines).toEqual({ roster: '2025-03-15', papers: '2025-04-15' });
    const cell = (school: string, kind: string) => {
      const c = res.body.schools.find((s: { code: string }) => s.code === school).kinds[kind];
      return [c.status, c.version, c.rows, c.deadline, c.late];
    };
    // 甲: roster first sent on time (v1), corrected after the deadline (v2) → not late; papers after the deadline → late.
    expect(cell('WTQ-A', 'roster')).toEqual(['已上报', 2, 3, '2025-03-15', false]);
    expect(cell('WTQ-A', 'papers')).toEqual(['已上报', 1, 4, '2025-04-15', true]);
    expect(cell('WTQ-A', 'courses')).toEqual(['未上报', null, null, null, false]);
    // 乙: roster after its deadline; 丙: nothing, and the deadline has passed.
    expect(cell('WTQ-B', 'roster')).toEqual(['已上报', 1, 2, '2025-03-15', true]);
    expect(cell('WTQ-C', 'roster')).toEqual(['未上报', null, null, '2025-03-15', true]);
    expect(cell('WTQ-C', 'papers')).toEqual(['未上报', null, null, '2025-04-15', true]);
    const early = await request(d.app).get(`/api/v1/terms/${T}/status?asOf=2025-04-01`).set('Authorization', bearer(d.district));
    expect(early.body.schools.find((s: { code: string }) => s.code === 'WTQ-C').kinds.papers.late).toBe(false);
  });
});
