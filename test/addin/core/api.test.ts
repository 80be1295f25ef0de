/** The pane's HTTP client against the real district app on 127.0.0.1 (SQLite). */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { ApiError, fetchReport, listSubmissions, submit } from '../../../addin/core/api';
import { createApp } from '../../../server/app';
import { openStore } from '../../../server/store/open';
import type { Store } from '../../../server/store/schema';
import { addSchool } from '../../../server/store/schools';
import { issueSchoolToken } from '../../../server/store/tokens';
import { termOf, todayIso } from '../../../shared';

const term = termOf(todayIso());
const roster = { sheet: '教师名册', grid: [['姓名', '工号', '学科'], ['张伟', 'T1', '语文'], ['李娜', 'T2', '数学']] };
let dir: string, store: Store, server: Server, base: string, token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yb-api-'));
  store = await openStore({ sqliteFile: join(dir, 'yb.sqlite') });
  await addSchool(store.db, { code: 'WTQ-SY', name: '五通桥区实验小学', type: '小学' });
  token = await issueSchoolToken(store.db, 'WTQ-SY');
  const app = createApp({ store, addinDist: join(dir, 'none'), logger: pino({ level: 'silent' }) });
  server = await new Promise<Server>((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('api client', () => {
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
