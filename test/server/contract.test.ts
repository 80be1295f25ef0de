/** The app's answers parse with shared/contract.ts's schemas (the web page and add-in rely on exactly these shapes). */
import pino from 'pino';
import request from 'supertest';
import { AuditListSchema, ErrorBodySchema, HealthSchema, MeSchema, PATHS, ReceiptSchema, StatusBoardSchema, SubmissionListSchema, SubmissionSchema } from '../../shared/contract';
import { SummarySchema } from '../../shared/metrics';
import { bearer, openDistrict, type TestDistrict } from '../support/store';
import * as F from '../support/fixture-district';

describe('HTTP contract', () => {
  let d: TestDistrict;
  beforeAll(async () => {
    d = await openDistrict('sqlite', F.SCHOOLS, { now: () => F.NOW });
  });
  afterAll(() => d.dispose());

  test('every answer matches its schema', async () => {
    const a = bearer(d.tokens['WTQ-A']);
    const receipt = await request(d.app).post(PATHS.submissions).set('Authorization', a).send({ term: F.TERM, sheets: [F.rosterA(), F.reflectionsA(), F.papersA()] });
    expect(receipt.status).toBe(201);
    ReceiptSchema.parse(receipt.body);
    await request(d.app).post(PATHS.submissions).set('Authorization', bearer(d.tokens['WTQ-B'])).send({ term: F.TERM, sheets: [F.rosterB(), F.papersB()] }).expect(201);
    const list = await request(d.app).get(PATHS.termSubmissions(F.TERM)).set('Authorization', a);
    expect(SubmissionListSchema.parse(list.body).submissions.some((s) => s.crossSchool.length === 1)).toBe(true);
    StatusBoardSchema.parse((await request(d.app).get(PATHS.status(F.TERM)).set('Authorization', bearer(d.district))).body);
    SummarySchema.parse((await request(d.app).get(PATHS.summary(F.TERM)).set('Authorization', a)).body);
    MeSchema.parse((await request(d.app).get(PATHS.me).set('Authorization', a)).body);
    HealthSchema.parse((await request(d.app).get(PATHS.health)).body);
    const returned = await request(d.app).post(PATHS.returnSubmission(receipt.body.submissions[0].id)).set('Authorization', bearer(d.district)).send({ comment: '请补充工号' });
    SubmissionSchema.parse(returned.body);
    AuditListSchema.parse((await request(d.app).get(PATHS.audit).set('Authorization', bearer(d.district))).body);
    const bad = await request(d.app).post(PATHS.submissions).set('Authorization', a).send({ term: F.TERM, sheets: [F.badReflectionsA()] });
    expect(ErrorBodySchema.parse(bad.body).error.findings?.[0].code).toBe('word_count');
  });

  test('templates download as .xlsx for each kind; an unknown one is 404', async () => {
    const res = await request(d.app).get(PATHS.template('papers')).set('Authorization', bearer(d.tokens['WTQ-A'])).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const missing = await request(d.app).get(PATHS.template('essays')).set('Authorization', bearer(d.tokens['WTQ-A']));
    expect([missing.status, missing.body.error.code]).toEqual([404, 'no_template']);
  });

  test('security headers are set', async () => {
    const res = await request(d.app).get('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  test('a failing store answers 500 in the error shape, without a stack; the log has the stack, never the token', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (s: string) => lines.push(s) });
    const broken = await openDistrict('sqlite', F.SCHOOLS, { logger });
    const ok = await request(broken.app).get(`${PATHS.termSubmissions(F.TERM)}?school=WTQ-A`).set('Authorization', bearer(broken.tokens['WTQ-A']));
    expect(ok.status).toBe(200);
    await broken.store.close();
    const res = await request(broken.app).get(PATHS.me).set('Authorization', bearer(broken.tokens['WTQ-A']));
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'internal', message: expect.stringMatching(/服务器内部错误/) } });
    const log = lines.join('');
    expect(log).toMatch(/"status":200/);
    // The whole path, not the part left after the /api/v1 router stripped its mount point.
    expect(log).toContain(`"path":"${PATHS.termSubmissions(F.TERM)}"`);
    expect(log).toMatch(/"stack"/);
    expect(log).not.toContain(broken.tokens['WTQ-A']);
    expect(log).not.toContain('school=WTQ-A');
    await broken.dispose().catch(() => undefined);
  });
});
