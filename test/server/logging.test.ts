/**
 * Logs: JSON lines for a log collector; on a terminal, readable Chinese lines (time, level, the request) instead of
 * raw JSON mixed into the Chinese banner. Either way, no token and no query string is written.
 */
import request from 'supertest';
import { makeLogger, readableLine } from '../../server/http/logging';
import { bearer, openDistrict, type TestDistrict } from './../support/store';
import * as F from '../support/fixture-district';

function capture(isTTY: boolean) {
  const lines: string[] = [];
  return { out: { isTTY, write: (s: string) => lines.push(s) }, lines };
}

describe('request logs', () => {
  let d: TestDistrict;
  const tty = capture(true);
  const pipe = capture(false);
  afterEach(() => d?.dispose());

  test('on a terminal: one readable line per request, with who asked', async () => {
    d = await openDistrict('sqlite', F.SCHOOLS, { logger: makeLogger('info', { out: tty.out }) });
    await request(d.app).get(`/api/v1/terms/${encodeURIComponent(F.TERM)}/status?school=WTQ-A`).set('Authorization', bearer(d.tokens['WTQ-A']));
    const line = tty.lines.find((l) => l.includes('/status'))!;
    expect(line).toMatch(/^\d{2}:\d{2}:\d{2} 信息 GET \/api\/v1\/terms\/.+\/status → 200，[\d.]+ ms(，\d+ 字节)? 学校 WTQ-A\n$/);
    expect(line).not.toContain('{');
    expect(tty.lines.join('')).not.toContain(d.tokens['WTQ-A']);
    expect(tty.lines.join('')).not.toContain('school=WTQ-A');
  });

  test('piped to a file or collector: JSON lines', async () => {
    d = await openDistrict('sqlite', F.SCHOOLS, { logger: makeLogger('info', { out: pipe.out }) });
    await request(d.app).get('/healthz');
    const o = JSON.parse(pipe.lines.find((l) => l.includes('healthz'))!);
    expect(o).toMatchObject({ level: 30, msg: 'request', method: 'GET', path: '/healthz', status: 200 });
  });
});

test('readableLine: levels in Chinese, other messages with their fields', () => {
  const at = new Date(2026, 10, 30, 9, 5, 7).getTime();
  expect(readableLine(JSON.stringify({ level: 50, time: at, msg: '数据库迁移失败', err: 'x' }))).toBe('09:05:07 错误 数据库迁移失败 {"err":"x"}\n');
  expect(readableLine('not json')).toBe('not json');
});
