/** GET report.xlsx through the app: read back with exceljs; a school gets only its own rows; formula text stays text. */
import ExcelJS from 'exceljs';
import request from 'supertest';
import { binary } from '../support/binary';
import yauzl from 'yauzl';
import { storeKinds } from '../support/pg';
import { bearer, openDistrict, type TestDistrict } from '../support/store';
import * as F from '../support/fixture-district';

const T = encodeURIComponent(F.TERM);


async function download(d: TestDistrict, token: string, query = ''): Promise<{ status: number; body: Buffer; type: string }> {
  const res = await request(d.app).get(`/api/v1/terms/${T}/report.xlsx${query}`).set('Authorization', bearer(token)).buffer(true).parse(binary);
  return { status: res.status, body: res.body as Buffer, type: res.headers['content-type'] };
}

async function book(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** Every cell text of a sheet, row by row. */
function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(String(c.text))));
  return out;
}

function sheetXml(buf: Buffer): Promise<string> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      let xml = '';
      zip.on('entry', (e) => {
        if (!/^xl\/worksheets\/.*\.xml$/.test(e.fileName)) return zip.readEntry();
        zip.openReadStream(e, (er, s) => {
          if (er || !s) return reject(er);
          s.on('data', (c: Buffer) => (xml += c.toString('utf8')));
          s.on('end', () => zip.readEntry());
        });
      });
      zip.on('end', () => resolve(xml));
      zip.readEntry();
    }),
  );
}

describe.each(storeKinds())('report.xlsx on %s', (kind) => {
  let d: TestDistrict;
  beforeAll(async () => {
    d = await openDistrict(kind, F.SCHOOLS, { now: () => F.NOW });
    const papers = F.papersA();
    // Formula-looking text a teacher (or an attacker) typed: must reach the report as text.
    papers.grid[4][1] = '=HYPERLINK("http://evil.example","点我")';
    papers.grid[3][1] = '+1+1 小组合作';
    const send = (code: string, sheets: unknown[]) => request(d.app).post('/api/v1/submissions').set('Authorization', bearer(d.tokens[code])).send({ term: F.TERM, sheets });
    const a = await send('WTQ-A', [F.rosterA(), F.reflectionsA(), papers]);
    expect([a.status, a.body.error?.findings]).toEqual([201, undefined]);
    expect((await send('WTQ-B', [F.rosterB(), F.papersB()])).status).toBe(201);
  });
  afterAll(() => d.dispose());

  test('the district gets every sheet with every school’s rows', async () => {
    const res = await download(d, d.district, `?asOf=${F.AS_OF}`);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/spreadsheetml/);
    const wb = await book(res.body);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['区级汇总', '上报情况', '教师名册', '学月反思', '论文投稿', '问题清单']));
    const papers = texts(wb.getWorksheet('论文投稿')!).join('|');
    expect(papers).toContain('整本书阅读教学的实践探索');
    expect(papers).toContain('古诗词教学中的情境创设');
    const summary = texts(wb.getWorksheet('区级汇总')!).join('|');
    expect(summary).toContain('甲小学');
    expect(summary).toContain('乙小学');
    const issues = texts(wb.getWorksheet('问题清单')!).join('|');
    // The late reflection (甲) and the copied title on both sides are open problems.
    expect(issues).toMatch(/迟交|截止/);
    expect(issues).toMatch(/抄袭嫌疑/);
  });

  test('a school gets the district summary and only its own rows', async () => {
    const res = await download(d, d.tokens['WTQ-B'], `?asOf=${F.AS_OF}`);
    expect(res.status).toBe(200);
    const wb = await book(res.body);
    const all = wb.worksheets.filter((w) => w.name !== '区级汇总').flatMap((w) => texts(w)).join('|');
    expect(all).toContain('古诗词教学中的情境创设');
    for (const other of ['李娜', '王芳', '整本书阅读教学的实践探索', '二月教学随笔']) expect(all).not.toContain(other);
    expect(texts(wb.getWorksheet('区级汇总')!).join('|')).toContain('甲小学');
  });

  test('cells starting with = or + are written as text, never as formulas', async () => {
    const res = await download(d, d.district, `?asOf=${F.AS_OF}`);
    const xml = await sheetXml(res.body);
    expect(xml).not.toMatch(/<f>|<f /);
    const wb = await book(res.body);
    const cells: ExcelJS.Cell[] = [];
    wb.getWorksheet('论文投稿')!.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const evil = cells.find((c) => String(c.value).includes('HYPERLINK'));
    expect(evil?.type).toBe(ExcelJS.ValueType.String);
    expect(evil?.value).toBe('=HYPERLINK("http://evil.example","点我")');
    expect(cells.find((c) => String(c.value).startsWith('+1+1'))?.type).toBe(ExcelJS.ValueType.String);
  });
});
