/** Oversized requests and zip bombs answer 413 (or 400 for a broken zip) and the server keeps serving. */
import request from 'supertest';
import { bearer, openDistrict, type TestDistrict } from '../support/store';
import { entry, repeatedEntry, xlsxParts, zip } from '../support/zip';
import * as F from '../support/fixture-district';

const SHEET = 'xl/worksheets/sheet1.xml';
const HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">';
const TAIL = '</row></sheetData></worksheet>';

// Limits are the defaults (200 MB uncompressed, 1 M cells, 5 M grid positions, 20 MB bodies): the real thing.
describe('upload limits', () => {
  let d: TestDistrict;
  const post = (buf: Buffer) =>
    request(d.app).post('/api/v1/uploads?term=2025春').set('Authorization', bearer(d.tokens['WTQ-A'])).attach('file', buf, 'bomb.xlsx');

  beforeAll(async () => {
    d = await openDistrict('sqlite', F.SCHOOLS, { now: () => F.NOW });
  });
  afterAll(() => d.dispose());

  test('a zip whose entries expand past the uncompressed cap → 413 before any inflating', async () => {
    // 300 MB of spaces, honestly declared; the file itself is a few hundred KB.
    const bomb = zip(xlsxParts(repeatedEntry(SHEET, ' ', 300 * 1024 * 1024, HEAD, TAIL)));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const res = await post(bomb);
    expect([res.status, res.body.error.code]).toEqual([413, 'too_large']);
  });

  test('a zip that lies about its sizes is caught while inflating → 413', async () => {
    const liar = repeatedEntry(SHEET, ' ', 250 * 1024 * 1024, HEAD, TAIL);
    liar.size = 1000;
    const res = await post(zip(xlsxParts(liar)));
    expect([res.status, res.body.error.code]).toEqual([413, 'too_large']);
  });

  test('more than a million cells → 413', async () => {
    const cells = repeatedEntry(SHEET, '<c><v>1</v></c>', 1_100_000, HEAD, TAIL);
    const res = await post(zip(xlsxParts(cells)));
    expect([res.status, res.body.error.code]).toEqual([413, 'too_large']);
    expect(res.body.error.message).toMatch(/单元格/);
  });

  test('one cell at XFD1048576 (a used range of 17 billion positions) → 413', async () => {
    const far = entry(SHEET, `${HEAD.replace('<row r="1">', '<row r="1048576">')}<c r="XFD1048576"><v>1</v></c>${TAIL}`);
    const res = await post(zip(xlsxParts(far)));
    expect([res.status, res.body.error.code]).toEqual([413, 'too_large']);
  });

  test('a file over 20 MB → 413', async () => {
    const res = await post(Buffer.alloc(21 * 1024 * 1024, 1));
    expect([res.status, res.body.error.code]).toEqual([413, 'too_large']);
  });

  test('a JSON body over 20 MB → 413', async () => {
    const grid = Array.from({ length: 22_000 }, () => ['x'.repeat(1000)]);
    const res = await request(d.app).post('/api/v1/submissions').set('Authorization', bearer(d.tokens['WTQ-A'])).send({ term: '2025春', sheets: [{ sheet: 'a', grid }] });
    expect([res.status, res.body.error.code]).toEqual([413, 'too_large']);
  });

  test('JSON grids over the area limit → 413', async () => {
    // One row 16,384 wide over 400 short rows: a small body (≈ 80 KB) whose used range is 6.5 M positions.
    const wide = new Array(16_384).fill(null);
    wide[16_383] = 1;
    const grid = [wide, ...Array.from({ length: 400 }, () => [1])];
    const res = await request(d.app).post('/api/v1/submissions').set('Authorization', bearer(d.tokens['WTQ-A'])).send({ term: '2025春', sheets: [{ sheet: 'a', grid }] });
    expect([res.status, res.body.error.code]).toEqual([413, 'too_large']);
    expect(res.body.error.message).toMatch(/401 行 × 16384 列/);
  });

  test('a truncated zip → 400, and the server still answers afterwards', async () => {
    const good = zip(xlsxParts(entry(SHEET, `${HEAD}<c r="A1" t="inlineStr"><is><t>姓名</t></is></c>${TAIL}`)));
    const res = await post(good.subarray(0, good.length - 30));
    expect([res.status, res.body.error.code]).toEqual([400, 'bad_file']);
    expect((await request(d.app).get('/healthz')).status).toBe(200);
  });

  test('rate limits are per token: one school over its limit does not stop another', async () => {
    const limited = await openDistrict('sqlite', F.SCHOOLS, { now: () => F.NOW, rateLimits: { perMinute: 3, uploadsPerMinute: 3 } });
    try {
      const me = (t: string) => request(limited.app).get('/api/v1/me').set('Authorization', bearer(t));
      const a = [];
      for (let i = 0; i < 4; i++) a.push((await me(limited.tokens['WTQ-A'])).status);
      expect(a).toEqual([200, 200, 200, 429]);
      const over = await me(limited.tokens['WTQ-A']);
      expect(over.body.error.code).toBe('rate_limited');
      expect((await me(limited.tokens['WTQ-B'])).status).toBe(200);
    } finally {
      await limited.dispose();
    }
  });

  test('guessing tokens is stopped per address, and a school with a real token is not', async () => {
    const guarded = await openDistrict('sqlite', F.SCHOOLS, { now: () => F.NOW, rateLimits: { failedAuthPerMinute: 3 } });
    try {
      const me = (t: string) => request(guarded.app).get('/api/v1/me').set('Authorization', bearer(t));
      const statuses = [];
      // Each made-up token would get a bucket of its own under the per-token limit.
      for (let i = 0; i < 5; i++) statuses.push((await me(`ybs_made_up_${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      expect((await me(`ybs_made_up_9`)).body.error.code).toBe('rate_limited');
      const ok = await me(guarded.tokens['WTQ-A']);
      expect(ok.status).toBe(200); // successful requests are not counted against the address
    } finally {
      await guarded.dispose();
    }
  });
});
