/** The summary endpoint on the fixture district, every figure worked out by hand (see test/support/fixture-district.ts). */
import request from 'supertest';
import { storeKinds } from '../support/pg';
import { bearer, openDistrict, type TestDistrict } from '../support/store';
import * as F from '../support/fixture-district';

const T = encodeURIComponent(F.TERM);

describe.each(storeKinds())('summary on %s', (kind) => {
  let d: TestDistrict;
  /** A fresh district with every upload the figures below count. */
  const seeded = async () => {
    const fresh = await openDistrict(kind, F.SCHOOLS, { now: () => F.NOW });
    const send = (code: string, sheets: unknown[]) => request(fresh.app).post('/api/v1/submissions').set('Authorization', bearer(fresh.tokens[code])).send({ term: F.TERM, sheets });
    expect((await send('WTQ-A', [F.rosterA(), F.reflectionsA(), F.papersA()])).status).toBe(201);
    // Projects and courses in a later upload, checked against the stored roster.
    const pc = await send('WTQ-A', [F.projectsA(), F.coursesA()]);
    expect([pc.status, pc.body.error?.findings]).toEqual([201, undefined]);
    expect((await send('WTQ-B', [F.rosterB(), F.papersB()])).status).toBe(201);
    // A superseded version must not count: 甲小学 first sent only two papers, then all four.
    expect((await send('WTQ-B', [F.rosterB()])).status).toBe(201);
    return fresh;
  };

  // Each test passes alone (-t) and in any order: these only read and share one district; returning a version
  // changes the figures, so that test has a district of its own.
  describe('reading', () => {
    beforeAll(async () => {
      d = await seeded();
    });
    afterAll(() => d.dispose());

    test('per-school figures', async () => {
      const res = await request(d.app).get(`/api/v1/terms/${T}/summary?asOf=${F.AS_OF}`).set('Authorization', bearer(d.tokens['WTQ-A']));
      expect(res.status).toBe(200);
      expect([res.body.term, res.body.asOf]).toEqual([F.TERM, F.AS_OF]);
      const a = res.body.schools.find((s: { code: string }) => s.code === 'WTQ-A');
      expect([a.teachers, a.under40]).toEqual([3, 2]);
      // 3 teachers × Feb–Apr = 9 due; 5 handed in; 王芳's March one after 2025-03-28 → 4 on time; 2 优秀.
      expect(a.reflections).toEqual(expect.objectContaining({ months: ['2025-02', '2025-03', '2025-04'], expected: 9, submitted: 5, onTime: 4, excellent: 2 }));
      expect(a.reflections.rate).toBeCloseTo(5 / 9, 4);
      expect(a.reflections.onTimeRate).toBeCloseTo(4 / 5, 4);
      expect(a.reflections.excellentRate).toBeCloseTo(2 / 5, 4);
      // 4 papers; 区县级二等奖 + 已发表 qualify; 张伟 and 王芳 (both ≤40) wrote → participation 2/2.
      expect(a.papers).toEqual(expect.objectContaining({ count: 4, qualified: 2, published: 1, under40Authors: 2 }));
      expect(a.papers.perTeacher).toBeCloseTo(4 / 3, 4);
      expect(a.papers.qualifiedPerTeacher).toBeCloseTo(2 / 3, 4);
      expect(a.papers.under40Participation).toBe(1);
      expect(a.papers.awards['区县级']['二等奖']).toBe(1);
      expect(a.papers.awards['市级']['三等奖']).toBe(1);
      // 课题: 4; 在研 = 中期 + 立项 + 延期; the 延期 one planned to close 2025-01-31 is 逾期; WT-2025-03 立项 this term.
      expect(a.projects).toEqual(expect.objectContaining({ count: 4, active: 3, overdue: 1, newThisTerm: 1 }));
      expect([a.projects.byLevelStage['区县级']['中期'], a.projects.byLevelStage['区县级']['结题'], a.projects.byLevelStage['市级']['立项'], a.projects.byLevelStage['校级']['延期']]).toEqual([1, 1, 1, 1]);
      // 课程: 5 rows; 研究课 + 竞赛课 are public lessons (2 / 3 teachers); 外出培训 12 + 4.5 学时 (16.5 / 3); 常态课 is neither.
      expect(a.courses).toEqual(expect.objectContaining({ count: 5, publicLessons: 2, trainingHours: 16.5 }));
      expect(a.courses.publicLessonsPerTeacher).toBeCloseTo(2 / 3, 4);
      expect(a.courses.trainingHoursPerTeacher).toBeCloseTo(5.5, 4);
      expect([a.courses.byTypeLevel['外出培训']['省级'], a.courses.byTypeLevel['外出培训']['区县级'], a.courses.byTypeLevel['常态课']['校级']]).toEqual([1, 1, 1]);
      const b = res.body.schools.find((s: { code: string }) => s.code === 'WTQ-B');
      // 乙小学's papers are still version 1 (the second upload had only the roster): 2 papers, none qualifying.
      expect([b.teachers, b.under40, b.papers.count, b.papers.qualified]).toEqual([2, 0, 2, 0]);
      expect(b.reflections).toEqual(expect.objectContaining({ expected: 6, submitted: 0 }));
      const c = res.body.schools.find((s: { code: string }) => s.code === 'WTQ-C');
      expect([c.teachers, c.reported]).toEqual([0, []]);
    });

    test('district totals pool the schools', async () => {
      const res = await request(d.app).get(`/api/v1/terms/${T}/summary?asOf=${F.AS_OF}`).set('Authorization', bearer(d.district));
      const t = res.body.district;
      expect([t.schools, t.teachers, t.under40]).toEqual([3, 5, 2]);
      expect([t.reflections.expected, t.reflections.submitted, t.papers.count, t.papers.qualified, t.papers.published]).toEqual([15, 5, 6, 2, 1]);
      expect(t.papers.qualifiedPerTeacher).toBeCloseTo(2 / 5, 4);
      expect([t.projects.count, t.projects.active, t.projects.overdue, t.courses.publicLessons, t.courses.trainingHours]).toEqual([4, 3, 1, 2, 16.5]);
      expect(t.courses.trainingHoursPerTeacher).toBeCloseTo(16.5 / 5, 4);
    });

    test('a bad term or date is a 400', async () => {
      const a = await request(d.app).get('/api/v1/terms/2025x/summary').set('Authorization', bearer(d.district));
      const b = await request(d.app).get(`/api/v1/terms/${T}/summary?asOf=2025-13-45`).set('Authorization', bearer(d.district));
      expect([a.status, a.body.error.code, b.status, b.body.error.code]).toEqual([400, 'bad_term', 400, 'bad_date']);
      // A day the calendar does not have (Date.parse would roll it over to 2 March).
      const c = await request(d.app).get(`/api/v1/terms/${T}/summary?asOf=2025-02-30`).set('Authorization', bearer(d.district));
      expect([c.status, c.body.error.code]).toEqual([400, 'bad_date']);
      expect(c.body.error.message).toContain('2025-02-30');
    });
  });

  describe('returning', () => {
    beforeEach(async () => {
      d = await seeded();
    });
    afterEach(() => d.dispose());

    test('a returned version stops counting', async () => {
      const list = await request(d.app).get(`/api/v1/terms/${T}/submissions?school=WTQ-A`).set('Authorization', bearer(d.district));
      const papers = list.body.submissions.find((s: { kind: string }) => s.kind === 'papers');
      const counted = await request(d.app).get(`/api/v1/terms/${T}/summary?asOf=${F.AS_OF}`).set('Authorization', bearer(d.district));
      expect(counted.body.schools.find((s: { code: string }) => s.code === 'WTQ-A').papers.count).toBe(4);
      await request(d.app).post(`/api/v1/submissions/${papers.id}/return`).set('Authorization', bearer(d.district)).send({ comment: '请核对' }).expect(200);
      const res = await request(d.app).get(`/api/v1/terms/${T}/summary?asOf=${F.AS_OF}`).set('Authorization', bearer(d.district));
      expect(res.body.schools.find((s: { code: string }) => s.code === 'WTQ-A').papers.count).toBe(0);
    });
  });
});
