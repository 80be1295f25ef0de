/**
 * An empty register is not a submission (issue 13): the five-sheet template with only 教师名册 and 论文投稿 filled
 * stores those two, says in the receipt which were skipped (also on an idempotent replay), and the board, the
 * headline and the summary agree that the other kinds were not reported. A workbook of empty registers is refused.
 */
import request from 'supertest';
import { templateWorkbook } from '../../server/xlsx/template';
import { storeKinds } from '../support/pg';
import { bearer, openDistrict, type TestDistrict } from '../support/store';
import * as F from '../support/fixture-district';
import ExcelJS from 'exceljs';

/** The five-sheet template with rows written into the named sheets only. */
async function template(rows: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = templateWorkbook('all');
  for (const [sheet, data] of Object.entries(rows)) for (const r of data) wb.getWorksheet(sheet)!.addRow(r as ExcelJS.CellValue[]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(storeKinds())('empty registers on %s', (kind) => {
  let d: TestDistrict;
  // A fresh district for every test: each test passes alone (-t) and in any order.
  beforeEach(async () => {
    d = await openDistrict(kind, F.SCHOOLS, { now: () => F.NOW });
  });
  afterEach(() => d.dispose());
  const post = (buf: Buffer, key: string) =>
    request(d.app).post('/api/v1/uploads?term=2025春').set('Authorization', bearer(d.tokens['WTQ-A'])).set('Idempotency-Key', key).attach('file', buf, '模板.xlsx');

  /** The five-sheet template with only 教师名册 and 论文投稿 filled. */
  const twoFilled = () =>
    template({
      教师名册: [['张伟', null, null, null, '语文']],
      论文投稿: [['张伟', '整本书阅读的三个抓手', '论文', '评比', '区论文评比', '区县级', '2025-03-10', '已提交']],
    });

  test('only the filled registers are stored; the receipt names the skipped ones; a replay says the same', async () => {
    const buf = await twoFilled();
    const res = await post(buf, 'empty-1');
    expect(res.status).toBe(201);
    expect(res.body.submissions.map((s: { kind: string; rows: number }) => [s.kind, s.rows])).toEqual([
      ['roster', 1],
      ['papers', 1],
    ]);
    expect(res.body.skipped.map((s: { kind: string }) => s.kind)).toEqual(['projects', 'courses', 'reflections']);
    expect(res.body.skipped[0].reason).toBe('“课题登记”（课题登记）没有数据行，未作为上报保存');
    const again = await post(buf, 'empty-1');
    expect(again.status).toBe(200);
    expect(again.body.skipped).toEqual(res.body.skipped);
  });

  test('the board and the summary agree: the skipped kinds are not reported', async () => {
    expect((await post(await twoFilled(), 'empty-1')).status).toBe(201);
    const board = await request(d.app).get('/api/v1/terms/2025春/status').set('Authorization', bearer(d.district));
    const a = board.body.schools.find((s: { code: string }) => s.code === 'WTQ-A');
    expect(Object.fromEntries(Object.entries(a.kinds as Record<string, { status: string }>).map(([k, v]) => [k, v.status]))).toEqual({
      roster: '已上报',
      projects: '未上报',
      courses: '未上报',
      reflections: '未上报',
      papers: '已上报',
    });
    const summary = await request(d.app).get('/api/v1/terms/2025春/summary').set('Authorization', bearer(d.district));
    expect(summary.body.schools.find((s: { code: string }) => s.code === 'WTQ-A').reported.sort()).toEqual(['papers', 'roster']);
  });

  test('a workbook whose registers are all empty is refused (422), nothing stored', async () => {
    const before = (await d.store.db.selectFrom('submissions').select('id').execute()).length;
    const res = await post(await template({}), 'empty-2');
    expect([res.status, res.body.error.code]).toEqual([422, 'empty_registers']);
    expect(res.body.error.message).toMatch(/都没有数据行，未保存任何内容/);
    expect((await d.store.db.selectFrom('submissions').select('id').execute()).length).toBe(before);
  });
});
