/**
 * The upload worker pool: a worker that runs out of memory or time is ended and replaced, its request gets a
 * Chinese 413 or 503 and nothing is stored, the server goes on serving; past the queue bound, 503.
 */
import request from 'supertest';
import { UploadPool } from '../../server/upload/pool';
import { bearer, openDistrict, type TestDistrict } from '../support/store';
import { xlsxOf } from '../support/xlsx';
import { repeatedEntry, xlsxParts, zip } from '../support/zip';
import * as F from '../support/fixture-district';

const SHEET = 'xl/worksheets/sheet1.xml';
const HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';

/** `rows` rows of one long text cell each: ~100 MB of text once read, a few hundred KB on the wire. */
function heavy(rows: number): Buffer {
  const unit = `<row><c t="inlineStr"><is><t>${'重'.repeat(100)}</t></is></c></row>`;
  return zip(xlsxParts(repeatedEntry(SHEET, unit, rows, HEAD, '</sheetData></worksheet>')));
}

describe('upload worker pool', () => {
  let d: TestDistrict | undefined;
  afterEach(async () => {
    await d?.dispose();
    d = undefined;
  });

  const post = (buf: Buffer) => request(d!.app).post('/api/v1/uploads?term=2025春').set('Authorization', bearer(d!.tokens['WTQ-A'])).attach('file', buf, 'a.xlsx');
  const honest = () => xlsxOf([{ sheet: '教师名册', grid: [['姓名', '学科'], ['张伟', '语文']] }]);
  const stored = async () => (await d!.store.db.selectFrom('submissions').select('id').execute()).length;

  test('a worker out of memory: 413 in Chinese, nothing stored, the worker replaced and the next upload stored', async () => {
    d = await openDistrict('sqlite', F.SCHOOLS, { now: () => F.NOW, pool: { size: 1, memoryMb: 48 } });
    const res = await post(heavy(450_000));
    expect([res.status, res.body.error.code]).toEqual([413, 'too_large']);
    expect(res.body.error.message).toMatch(/内存/);
    expect(await stored()).toBe(0);
    const ok = await post(await honest());
    expect(ok.status).toBe(201);
    expect(await stored()).toBe(1);
  });

  test('a job past the time limit: 503 in Chinese, the worker ended, the next upload stored', async () => {
    d = await openDistrict('sqlite', F.SCHOOLS, { now: () => F.NOW, pool: { size: 1, timeoutMs: 150 } });
    const res = await post(heavy(400_000));
    expect([res.status, res.body.error.code]).toEqual([503, 'timeout']);
    expect(res.body.error.message).toMatch(/超过.*秒/);
    const pool = d.app.locals.pool as UploadPool;
    expect(pool.workers).toBe(0);
    const ok = await post(await honest());
    expect(ok.status).toBe(201);
    expect(pool.workers).toBe(1);
  });

  test('more jobs than workers and queue: the extra ones get 503 busy, the others are answered', async () => {
    d = await openDistrict('sqlite', F.SCHOOLS, { now: () => F.NOW, pool: { size: 1, maxQueue: 1 } });
    const big = heavy(200_000);
    const answers = await Promise.all([post(big), post(big), post(big), post(big)]);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(1);
    expect(answers.filter((r) => r.status === 503).every((r) => r.body.error.code === 'busy')).toBe(true);
    // The ones taken were read and judged (no register recognised → 422), none failed otherwise.
    expect(statuses.filter((s) => s !== 503).every((s) => s === 422)).toBe(true);
  });
});
