/**
 * POST /api/v1/fix: the uploaded workbook back with every safe fix applied, read in a worker with the upload limits,
 * checked with the definition in force; nothing stored. On SQLite and PostgreSQL.
 */
import request from 'supertest';
import { readWorkbook } from '../../server/xlsx/read';
import { binary } from '../support/binary';
import { storeKinds } from '../support/pg';
import { bearer, openDistrict, type TestDistrict } from '../support/store';
import { xlsxOf } from '../support/xlsx';
import * as F from '../support/fixture-district';

describe.each(storeKinds())('修正 on the server (%s)', (kind) => {
  let d: TestDistrict;
  beforeAll(async () => {
    d = await openDistrict(kind, F.SCHOOLS, { now: () => F.NOW });
  });
  afterAll(() => d.dispose());
  const post = (token: string | null, buf: Buffer, name = '实验小学名册.xlsx', term = '2025春') => {
    const r = request(d.app).post(`/api/v1/fix?term=${encodeURIComponent(term)}`);
    if (token) r.set('Authorization', bearer(token));
    return r.attach('file', buf, name).buffer(true).parse(binary);
  };

  test('the aliases and spacing are fixed in the workbook itself; the errors are left and counted; nothing is stored', async () => {
    const book = await xlsxOf([
      {
        sheet: '教师名册',
        grid: [
          ['姓名', '工号', '学科', '职称'],
          ['张伟', 'T1', '体育', '一级'], // 学科 and 职称 aliases
          ['李  娜', 'T2', '数学', '二级教师'], // spacing
          ['', 'T3', '英语', '二级教师'], // 姓名 required: an error no fix can make
        ],
      },
    ]);
    const res = await post(d.tokens['WTQ-A'], book);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('实验小学名册-已修正.xlsx'));
    expect([res.headers['x-yanbiao-fixed'], res.headers['x-yanbiao-remaining-errors']]).toEqual(['3', '1']);
    const [sheet] = await readWorkbook(res.body as Buffer, 'fixed.xlsx');
    expect(sheet.grid.slice(1).map((r) => [r[0] ?? null, r[2], r[3]])).toEqual([
      ['张伟', '体育与健康', '一级教师'],
      ['李娜', '数学', '二级教师'],
      [null, '英语', '二级教师'],
    ]);
    expect((await d.store.db.selectFrom('submissions').select('id').execute()).length).toBe(0);
  });

  test('a workbook with nothing to fix: 422 in Chinese; no token: 401; a bad term: 400; not a workbook: 400', async () => {
    const clean = await xlsxOf([{ sheet: '教师名册', grid: [['姓名', '学科'], ['张伟', '语文']] }]);
    const none = await post(d.tokens['WTQ-A'], clean);
    expect([none.status, JSON.parse(String(none.body)).error.code]).toEqual([422, 'nothing_to_fix']);
    expect((await post(null, clean)).status).toBe(401);
    expect((await post(d.tokens['WTQ-A'], clean, 'a.xlsx', '2025夏')).status).toBe(400);
    const bad = await post(d.tokens['WTQ-A'], Buffer.from('这不是工作簿'), 'x.xlsx');
    expect([bad.status, JSON.parse(String(bad.body)).error.code]).toEqual([400, 'bad_file']);
  });
});
