/** Who may see and do what: tokens, roles, and a school never reading another school's rows. */
import request from 'supertest';
import { issueSchoolToken } from '../../server/store/tokens';
import { storeKinds } from '../support/pg';
import { bearer, openDistrict, type TestDistrict } from '../support/store';
import * as F from '../support/fixture-district';

const T = encodeURIComponent(F.TERM);

describe.each(storeKinds())('access on %s', (kind) => {
  let d: TestDistrict;
  /** A fresh district where 甲小学 and 乙小学 have uploaded their registers. */
  const seeded = async () => {
    const fresh = await openDistrict(kind, F.SCHOOLS, { now: () => F.NOW });
    for (const [code, sheets] of [
      ['WTQ-A', [F.rosterA(), F.reflectionsA(), F.papersA()]],
      ['WTQ-B', [F.rosterB(), F.papersB()]],
    ] as const) {
      const res = await request(fresh.app).post('/api/v1/submissions').set('Authorization', bearer(fresh.tokens[code])).send({ term: F.TERM, sheets });
      expect(res.status).toBe(201);
    }
    return fresh;
  };

  // Each test passes alone (-t) and in any order: these only read (or try what the server must refuse) and share one
  // district; the tests that change something get a district of their own.
  describe('reading', () => {
    beforeAll(async () => {
      d = await seeded();
    });
    afterAll(() => d.dispose());

    test('no token, a malformed header or an unknown token → 401; /healthz is open', async () => {
      for (const auth of [undefined, 'Basic abc', 'Bearer ybs_nope']) {
        const req = request(d.app).get(`/api/v1/terms/${T}/submissions`);
        const res = await (auth ? req.set('Authorization', auth) : req);
        expect(res.status).toBe(401);
        expect(res.body.error.code).toMatch(/unauthorized|bad_token/);
      }
      const health = await request(d.app).get('/healthz');
      expect(health.body).toEqual({ ok: true, store: kind });
    });

    test('/me names the caller', async () => {
      const me = await request(d.app).get('/api/v1/me').set('Authorization', bearer(d.tokens['WTQ-B']));
      expect(me.body).toEqual({ role: 'school', school: { code: 'WTQ-B', name: '乙小学', type: '小学' } });
      const dist = await request(d.app).get('/api/v1/me').set('Authorization', bearer(d.district));
      expect(dist.body).toEqual({ role: 'district', school: null });
    });

    test('a school lists only its own submissions and can never name another school', async () => {
      const own = await request(d.app).get(`/api/v1/terms/${T}/submissions`).set('Authorization', bearer(d.tokens['WTQ-B']));
      expect(own.status).toBe(200);
      expect(new Set(own.body.submissions.map((s: { school: { code: string } }) => s.school.code))).toEqual(new Set(['WTQ-B']));
      // 甲小学's teachers and titles appear nowhere in 乙小学's answer except as the cross-school pointer's school name.
      expect(JSON.stringify(own.body)).not.toMatch(/李娜|王芳|整本书阅读/);
      for (const path of [`/api/v1/terms/${T}/submissions?school=WTQ-A`, `/api/v1/terms/${T}/status?school=WTQ-A`, `/api/v1/terms/${T}/report.xlsx?school=WTQ-A`]) {
        const res = await request(d.app).get(path).set('Authorization', bearer(d.tokens['WTQ-B']));
        expect([path, res.status, res.body.error?.code]).toEqual([path, 403, 'forbidden']);
      }
      const board = await request(d.app).get(`/api/v1/terms/${T}/status`).set('Authorization', bearer(d.tokens['WTQ-B']));
      expect(board.body.schools.map((s: { code: string }) => s.code)).toEqual(['WTQ-B']);
    });

    test('a school cannot upload for another school', async () => {
      const res = await request(d.app)
        .post('/api/v1/submissions')
        .set('Authorization', bearer(d.tokens['WTQ-B']))
        .send({ term: F.TERM, school: 'WTQ-A', sheets: [F.rosterA()] });
      expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
    });

    test('the district sees every school, or one with ?school=', async () => {
      const all = await request(d.app).get(`/api/v1/terms/${T}/submissions`).set('Authorization', bearer(d.district));
      expect(new Set(all.body.submissions.map((s: { school: { code: string } }) => s.school.code))).toEqual(new Set(['WTQ-A', 'WTQ-B']));
      const one = await request(d.app).get(`/api/v1/terms/${T}/submissions?school=WTQ-A`).set('Authorization', bearer(d.district));
      expect(new Set(one.body.submissions.map((s: { school: { code: string } }) => s.school.code))).toEqual(new Set(['WTQ-A']));
    });

    test('unknown paths answer 404 in the error shape', async () => {
      const res = await request(d.app).get('/api/v1/nope').set('Authorization', bearer(d.district));
      expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
    });
  });

  describe('changing', () => {
    beforeEach(async () => {
      d = await seeded();
    });
    afterEach(() => d.dispose());

    test('only the district returns a submission; the school then sees 已退回 and the comment; audit records it', async () => {
      const list = await request(d.app).get(`/api/v1/terms/${T}/submissions`).set('Authorization', bearer(d.tokens['WTQ-A']));
      const papers = list.body.submissions.find((s: { kind: string }) => s.kind === 'papers');
      const bySchool = await request(d.app).post(`/api/v1/submissions/${papers.id}/return`).set('Authorization', bearer(d.tokens['WTQ-A'])).send({ comment: '请补全' });
      expect([bySchool.status, bySchool.body.error.code]).toEqual([403, 'forbidden']);
      const noComment = await request(d.app).post(`/api/v1/submissions/${papers.id}/return`).set('Authorization', bearer(d.district)).send({ comment: ' ' });
      expect(noComment.status).toBe(400);
      const ok = await request(d.app).post(`/api/v1/submissions/${papers.id}/return`).set('Authorization', bearer(d.district)).send({ comment: '第 3 行获奖证书未附，请补充后重新上报' });
      expect(ok.status).toBe(200);
      expect([ok.body.status, ok.body.current, ok.body.comment]).toEqual(['已退回', false, '第 3 行获奖证书未附，请补充后重新上报']);
      const again = await request(d.app).post(`/api/v1/submissions/${papers.id}/return`).set('Authorization', bearer(d.district)).send({ comment: 'x' });
      expect(again.status).toBe(409);
      const missing = await request(d.app).post('/api/v1/submissions/999999/return').set('Authorization', bearer(d.district)).send({ comment: 'x' });
      expect(missing.status).toBe(404);
      // Past PostgreSQL's integer range: still "no such submission", not a database error.
      const huge = await request(d.app).post('/api/v1/submissions/99999999999/return').set('Authorization', bearer(d.district)).send({ comment: 'x' });
      expect([huge.status, huge.body.error.code]).toEqual([404, 'no_submission']);
      const board = await request(d.app).get(`/api/v1/terms/${T}/status`).set('Authorization', bearer(d.tokens['WTQ-A']));
      expect(board.body.schools[0].kinds.papers).toEqual(expect.objectContaining({ status: '已退回', comment: '第 3 行获奖证书未附，请补充后重新上报', version: 1 }));
      const auditBySchool = await request(d.app).get('/api/v1/audit').set('Authorization', bearer(d.tokens['WTQ-A']));
      expect(auditBySchool.status).toBe(403);
      const log = await request(d.app).get('/api/v1/audit').set('Authorization', bearer(d.district));
      const actions = log.body.entries.map((e: { action: string; school: string | null }) => `${e.action}:${e.school}`);
      expect(actions).toEqual(expect.arrayContaining(['return:WTQ-A', 'upload:WTQ-A', 'upload:WTQ-B']));
      expect(JSON.stringify(log.body)).not.toContain(d.district);
      const two = await request(d.app).get('/api/v1/audit?limit=2').set('Authorization', bearer(d.district));
      expect(two.body.entries.length).toBe(2);
      // A limit that is not a positive whole number is the caller's mistake (400), never a database error (500).
      for (const limit of ['-5', '1.5', 'abc']) {
        const bad = await request(d.app).get(`/api/v1/audit?limit=${limit}`).set('Authorization', bearer(d.district));
        expect([limit, bad.status, bad.body.error?.code]).toEqual([limit, 400, 'bad_limit']);
      }
    });

    test('a re-issued token revokes the old one at once', async () => {
      const old = d.tokens['WTQ-C'];
      expect((await request(d.app).get('/api/v1/me').set('Authorization', bearer(old))).status).toBe(200);
      const fresh = await issueSchoolToken(d.store.db, 'WTQ-C');
      expect((await request(d.app).get('/api/v1/me').set('Authorization', bearer(old))).status).toBe(401);
      expect((await request(d.app).get('/api/v1/me').set('Authorization', bearer(fresh))).status).toBe(200);
      const stored = await d.store.db.selectFrom('tokens').select('hash').execute();
      expect(stored.every((t) => /^[0-9a-f]{64}$/.test(t.hash))).toBe(true);
      expect(stored.some((t) => t.hash === fresh)).toBe(false);
    });
  });
});
