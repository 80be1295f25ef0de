/** The task pane on an older Excel (ExcelApi 1.12, no notes, no insertWorksheetsFromBase64) in Chromium, against the
 *  real district server: marks become comments with a notice; the report is written as values and formats. */
import { join } from 'node:path';
import { APP_DATE, APP_TERM } from '../support/district-app';
import { ARTIFACTS, host, startPaneRig, type PaneRig } from '../support/excel-host-pane';

// The rig's clock (server and page): a literal school day of 2025春, whatever the system's date.
const today = APP_DATE;
const term = APP_TERM;
let rig: PaneRig;
let token: string;

beforeAll(async () => {
  rig = await startPaneRig([{ code: 'WTQ-SY', name: '五通桥区实验小学' }]);
  token = rig.tokens['WTQ-SY'];
  const res = await rig.api('/api/v1/submissions', token, { term, sheets: [
    { sheet: '教师名册', grid: [['姓名', '工号', '学科'], ['张伟', 'T1', '语文']] },
    { sheet: '论文投稿', grid: [['教师', '题目', '去向', '评比或刊物', '级别', '提交日期', '状态'], ['张伟', '=SUM(A1:A2)与低段数学', '评比', '区论文评比', '区县级', today, '已提交']] },
  ] });
  expect(res.status).toBe(201);
});

afterAll(async () => { await rig?.close(); });

describe('task pane on an older Excel (ExcelApi 1.12)', () => {
  test('校验 marks with comments instead of notes and says so; errors are listed in red', async () => {
    const page = await rig.openPane({ sheets: [{ name: '名册', grid: [['姓名', '工号', '学科', '职称'], ['张伟', 'T1', '火星语', '一级教师'], ['李娜', 'T2', '语文', '小学高级']] }], excelApi: '1.12' });
    await page.click('#btn-validate');
    await page.waitForSelector('.finding.error');
    expect(await page.textContent('#panel-validate .status')).toMatch(/不支持“备注”，问题说明已写入批注/);
    expect(await page.getAttribute('.finding.error', 'data-cell')).toBe('名册!C2');
    const comments = await page.evaluate(() => (window as unknown as { __excelHost: { model: { comments: { address: string }[] } } }).__excelHost.model.comments.map((c) => c.address));
    expect(comments).toEqual(['名册!C2', '名册!D3']);
    expect(await host(page, 'fill', '名册', 'C2')).toBe('#FFC7CE');
    await page.screenshot({ path: join(ARTIFACTS, 'addin-validate-older-excel.png'), fullPage: true });
    await page.click('#btn-clear');
    await page.waitForSelector('#panel-validate .message.success >> text=已清除研表在 2 个单元格上的标记');
    expect(await host(page, 'fill', '名册', 'C2')).toBeNull();
    await page.close();
  });

  test('the report is written as values and formats; text like =SUM(…) stays text', async () => {
    const page = await rig.openPane({ sheets: [{ name: 'Sheet1', grid: [['随便']] }], excelApi: '1.12' });
    await page.click('#tab-upload');
    await page.fill('#in-school', 'WTQ-SY');
    await page.fill('#in-token', token);
    await page.click('#btn-save');
    await page.click('#tab-download');
    expect(await page.textContent('#panel-download')).toMatch(/不支持直接插入工作表/);
    await page.click('#btn-download');
    await page.waitForSelector('#panel-download .message.success');
    expect(await page.textContent('#panel-download .message.success')).toMatch(/逐表写入数值和格式/);
    const names = await host<string[]>(page, 'sheets');
    let found: { formula: unknown; numberFormat: string } | null = null;
    for (const name of names) {
      const grid = await host<unknown[][]>(page, 'grid', name);
      grid.forEach((row, r) => row.forEach((v, c) => { if (v === '=SUM(A1:A2)与低段数学') found = { r, c, name } as never; }));
      if (found) {
        const { r, c } = found as unknown as { r: number; c: number };
        found = await host(page, 'cell', name, `${String.fromCharCode(65 + c)}${r + 1}`);
        break;
      }
    }
    expect(found).toEqual({ value: '=SUM(A1:A2)与低段数学', formula: null, numberFormat: '@' });
    // the report's own number formats survive the fallback: rates as percentages, per-teacher figures with 2 decimals
    const summary = await host<unknown[][]>(page, 'grid', '区级汇总');
    const col = (h: string) => String.fromCharCode(65 + summary[0].indexOf(h));
    // Row 2's school has not reported 学月反思: the cell says so (as text), it is not a 0%.
    expect(await host(page, 'cell', '区级汇总', `${col('反思完成率')}2`)).toMatchObject({ value: '未上报' });
    expect(await host(page, 'cell', '区级汇总', `${col('论文人均篇数')}2`)).toMatchObject({ value: 1, numberFormat: '0.00' });
    await page.screenshot({ path: join(ARTIFACTS, 'addin-download-fallback.png'), fullPage: true });
    await page.close();
  });
});
