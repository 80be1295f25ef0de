/** The pane's HTTP client against the real district app on 127.0.0.1 (SQLite). */
import { ApiError, fetchRegisters, fetchReport, listSubmissions, submit } from '../../../addin/core/api';
import { APP_TERM, startDistrictApp, type DistrictApp } from '../../support/district-app';

const term = APP_TERM; // the app's clock is APP_TODAY, not the system's
const roster = { sheet: '教师名册', grid: [['姓名', '工号', '学科'], ['张伟', 'T1', '语文'], ['李娜', 'T2', '数学']] };
let app: DistrictApp, base: string, token: string;

beforeAll(async () => {
  app = await startDistrictApp();
  ({ base, token } = app);
});

afterAll(() => app.close());

describe('api client', () => {
  test('fetchRegisters: the definition in force, checked against the schema (the built-in one, version 0)', async () => {
    const got = await fetchRegisters({ base, token });
    expect([got.version, got.definition.registers.map((r) => r.code)]).toEqual([0, ['roster', 'projects', 'courses', 'reflections', 'papers']]);
  });

  test('submit returns the parsed receipt; the same idempotency key replays it', async () => {
    const r = await submit({ base, token }, { term, sheets: [roster] }, 'key-1');
    expect(r.school).toEqual({ code: 'WTQ-SY', name: '五通桥区实验小学' });
    expect(r.submissions.map((s) => [s.kind, s.version, s.rows])).toEqual([['roster', 1, 2]]);
    const again = await submit({ base, token }, { term, sheets: [roster] }, 'key-1');
    expect(again.replayed).toBe(true);
    expect(again.uploadId).toBe(r.uploadId);
    const list = await listSubmissions({ base, token }, term);
    expect(list.submissions.map((s) => [s.kind, s.version, s.status])).toEqual([['roster', 1, '已上报']]);
  });

  test('a wrong token → 401 with a Chinese message', async () => {
    const err = await submit({ base: `${base}/`, token: 'nope' }, { term, sheets: [roster] }, 'key-2').catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 401 });
    expect(err.message).toMatch(/令牌无效/);
  });

  test('a workbook with errors → 422 carrying the findings', async () => {
    const bad = { sheet: '教师名册', grid: [['姓名', '工号', '学科'], ['张伟', 'T1', '火星语']] };
    const err = await submit({ base, token }, { term, sheets: [bad] }, 'key-3').catch((e) => e);
    expect(err).toMatchObject({ status: 422 });
    expect(err.findings.map((f: { code: string; row: number; col: string }) => [f.code, f.row, f.col])).toEqual([['enum', 2, 'C']]);
  });

  test('no server listening → status 0, offline, a Chinese message; missing settings are named', async () => {
    const err = await listSubmissions({ base: 'http://127.0.0.1:9', token }, term).catch((e) => e);
    expect(err).toMatchObject({ status: 0, code: 'offline' });
    expect(err.message).toMatch(/无法连接服务器/);
    await expect(fetchReport({ base, token: '' }, term)).rejects.toMatchObject({ code: 'no_token' });
    await expect(fetchReport({ base: '', token }, term)).rejects.toMatchObject({ code: 'no_server' });
  });
});
