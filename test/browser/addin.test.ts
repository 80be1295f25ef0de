/** The built task pane in Debian's Chromium, with the Excel stand-in served in place of office.js and the real
 *  district server on 127.0.0.1: 校验 → findings → select a cell → 修正 → 上传 → receipt → 退回 → 下载.
 *  Each test opens its own pane on the same workbook and takes the steps it needs before its own (helpers below),
 *  so any one of them passes alone (-t) and in any order; tests that hand in as a school each use their own school.
 *  Screenshots of each panel go to test/artifacts/. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { APP_DATE, APP_TERM } from '../support/district-app';
import type { BrowserSeed } from '../support/excel-host-browser';
import { ARTIFACTS, host, OFFICE_JS, reportSheets, startPaneRig, type PaneRig } from '../support/excel-host-pane';

// The rig's clock (server and page): a literal school day of 2025春, whatever the system's date.
const today = APP_DATE;
const term = APP_TERM;

const seed: BrowserSeed = {
  active: '教师名册',
  sheets: [
    {
      name: '教师名册',
      grid: [
        ['五通桥区实验小学教师名册'],
        ['姓名', '工号', '性别', '出生年月', '学科', '职称', '在岗'],
        ['张伟', 'T001', '男', '1985-03', '语文', '一级教师', '是'],
        ['李娜', 'T002', '女', '1990-07', '体育', '二级教师', '是'],
        ['王 芳', 'T003', '女', '1995-11', '数学', '二级教师', '是'],
      ],
    },
    {
      name: '论文投稿',
      grid: [
        ['教师', '题目', '类型', '去向', '评比或刊物', '级别', '提交日期', '状态'],
        ['张伟', '低年级识字教学的游戏化设计', '论文', '评比', '区论文评比', '区级', today, '已提交'],
        ['李娜', '小学体育课堂常规的建立', '论文', '评比', '区论文评比', '区县级', today, '已提交'],
        ['张伟', '=SUM(A1:A2)与低段数学', '论文', '评比', '区论文评比', '区县级', today, '已提交'],
      ],
    },
    // A template sheet left empty: recognised, not a submission (the receipt says so).
    { name: '课题（空）', grid: [['课题名称', '课题编号', '级别', '主持人', '成员', '立项日期', '计划结题日期', '阶段', '结题日期']] },
  ],
};

let rig: PaneRig;
let token: string;

beforeAll(async () => {
  rig = await startPaneRig([
    { code: 'WTQ-SY', name: '五通桥区实验小学' },
    { code: 'WTQ-A', name: '甲小学' },
    { code: 'WTQ-B', name: '乙小学' },
  ]);
  token = rig.tokens['WTQ-SY'];
  // another school already handed in a paper with one of our titles: our receipt must show the cross-school warning
  const res = await rig.api('/api/v1/submissions', rig.tokens['WTQ-A'], { term, sheets: [
    { sheet: '教师名册', grid: [['姓名', '工号', '学科'], ['赵敏', 'A1', '语文']] },
    { sheet: '论文投稿', grid: [['教师', '题目', '去向', '评比或刊物', '级别', '提交日期', '状态'], ['赵敏', '低年级识字教学的游戏化设计', '评比', '区论文评比', '区县级', today, '已提交']] },
  ] });
  expect(res.status).toBe(201);
});

afterAll(async () => { await rig?.close(); });

/** 校验, as the coordinator clicks it. */
async function validate(page: Page): Promise<void> {
  await page.click('#btn-validate');
  await page.waitForSelector('.finding');
}

/** 校验, then 修正. */
async function validateAndFix(page: Page): Promise<void> {
  await validate(page);
  await page.click('#btn-fix');
  await page.waitForSelector('#panel-validate .status .message >> text=已修正');
}

/** The 上传 panel with a school's code and token typed in. */
async function signIn(page: Page, code: string): Promise<void> {
  await page.click('#tab-upload');
  await page.fill('#in-school', code);
  await page.fill('#in-token', rig.tokens[code]);
}

/** 上传, waiting for the receipt. */
async function upload(page: Page): Promise<void> {
  await page.click('#btn-upload');
  await page.waitForSelector('#receipt');
}

describe('task pane in Chromium', () => {
  let page: Page;
  beforeEach(async () => { page = await rig.openPane(seed); });
  afterEach(async () => { await page?.close(); });

  test('校验 lists the findings in Chinese, grouped by sheet, and marks the cells', async () => {
    await validate(page);
    const groups = await page.$$eval('.group-head .sheet-name', (els) => els.map((e) => e.textContent));
    expect(groups).toEqual(['教师名册', '论文投稿', '课题（空）']);
    const cells = await page.$$eval('.finding', (els) => els.map((e) => (e as HTMLElement).dataset.cell));
    expect(cells).toEqual(expect.arrayContaining(['教师名册!E4', '教师名册!A5', '论文投稿!F2']));
    const text = await page.textContent('#panel-validate');
    expect(text).toMatch(/学科/);
    expect(text).toMatch(/体育与健康/);
    expect(text).toMatch(/警告/);
    expect(await host(page, 'fill', '教师名册', 'E4')).toBe('#FFEB9C');
    expect(await host(page, 'note', '教师名册', 'E4')).toMatch(/^研表校验\n警告：/);
    await page.screenshot({ path: join(ARTIFACTS, 'addin-validate.png'), fullPage: true });
  });

  test('clicking a finding selects its cell in Excel', async () => {
    await validate(page);
    await page.click('.finding[data-cell="教师名册!E4"]');
    await page.waitForFunction(() => (window as unknown as { __excelHost: { model: { selection: { address: string } } } }).__excelHost.model.selection.address === 'E4');
    expect(await page.evaluate(() => (window as unknown as { __excelHost: { model: { selection: unknown; active: string } } }).__excelHost.model.selection)).toEqual({ sheet: '教师名册', address: 'E4' });
    expect(await page.getAttribute('.finding[data-cell="教师名册!E4"]', 'class')).toMatch(/selected/);
  });

  test('修正 writes the safe fixes into the workbook', async () => {
    await validateAndFix(page);
    const roster = await host<unknown[][]>(page, 'grid', '教师名册');
    expect(roster[3][4]).toBe('体育与健康');
    expect(roster[4][0]).toBe('王芳');
    const papers = await host<unknown[][]>(page, 'grid', '论文投稿');
    expect(papers[1][5]).toBe('区县级');
    expect(await host(page, 'fill', '教师名册', 'E4')).toBeNull(); // the mark went with the problem
    await page.screenshot({ path: join(ARTIFACTS, 'addin-fixed.png'), fullPage: true });
  });

  test('上传 to the real server shows the receipt', async () => {
    await validateAndFix(page);
    await page.click('#tab-upload');
    expect(await page.inputValue('#in-server')).toBe(rig.base); // defaults to the server the pane came from
    await signIn(page, 'WTQ-SY');
    await upload(page);
    const receipt = await page.textContent('#receipt');
    expect(receipt).toMatch(/上报成功/);
    expect(receipt).toMatch(/五通桥区实验小学（WTQ-SY）/);
    expect(receipt).toMatch(/教师名册/);
    expect(receipt).toMatch(/论文投稿/);
    expect(await page.textContent('#receipt-skipped')).toBe('没有数据行、未作为上报保存：课题登记（“课题（空）”）。');
    // the server's cross-school check found the other school's identical title
    expect(await page.textContent('#panel-upload')).toMatch(/另见 甲小学/);
    await page.screenshot({ path: join(ARTIFACTS, 'addin-upload.png'), fullPage: true });
    expect(await page.inputValue('#sel-term')).toBe(term);
    const body = (await (await rig.api(`/api/v1/terms/${encodeURIComponent(term)}/submissions`, token)).json()) as { submissions: { kind: string; rows: number }[] };
    // Each register's rows as stored (another test may have handed in as this school too: one entry per register).
    expect([...new Map(body.submissions.map((s) => [s.kind, s.rows])).entries()].sort()).toEqual([['papers', 3], ['roster', 3]]);
  });

  test('退回: the district’s comment is shown', async () => {
    // 乙小学 hands in (its first version), the district returns its papers.
    await validateAndFix(page);
    await signIn(page, 'WTQ-B');
    await upload(page);
    const list = (await (await rig.api(`/api/v1/terms/${encodeURIComponent(term)}/submissions`, rig.tokens['WTQ-B'])).json()) as { submissions: { id: number; kind: string }[] };
    const papers = list.submissions.find((s) => s.kind === 'papers')!;
    expect((await rig.api(`/api/v1/submissions/${papers.id}/return`, rig.district, { comment: '请补充第3篇论文的评比名称全称' })).status).toBe(200);
    await page.click('#btn-returned');
    await page.waitForSelector('#panel-upload .returned');
    expect(await page.textContent('#panel-upload .returned')).toMatch(/论文投稿（第 1 版）：请补充第3篇论文的评比名称全称/);
    // the coordinator hands it in again: version 2 replaces the returned one
    await upload(page);
    expect(await page.textContent('#receipt')).toMatch(/论文投稿论文投稿第 2 版/);
  });

  test('a server that cannot be reached gives a clear message and leaves the workbook unchanged', async () => {
    await signIn(page, 'WTQ-SY');
    await page.click('#btn-save');
    await page.waitForSelector('#panel-upload .message.success >> text=设置已保存');
    const before = await host(page, 'grid', '教师名册');
    await page.fill('#in-server', 'http://127.0.0.1:9');
    await page.click('#btn-upload');
    await page.waitForSelector('#panel-upload .message.error');
    expect(await page.textContent('#panel-upload .message.error')).toMatch(/无法连接服务器/);
    expect(await host(page, 'grid', '教师名册')).toEqual(before);
    // the address that failed is not saved over the one that worked
    expect(await host(page, 'saved')).toEqual(expect.objectContaining({ 'yanbiao.server': rig.base, 'yanbiao.school': 'WTQ-SY' }));
    await page.fill('#in-server', rig.base);
    await page.click('#btn-save');
    await page.waitForSelector('#panel-upload .message.success >> text=设置已保存');
  });

  test('结构化 creates a template sheet with a table, dropdowns and a frozen header', async () => {
    await structureProjects(page);
    expect(await host(page, 'sheets')).toContain('课题登记');
    expect(await host<{ address: string }[]>(page, 'tables', '课题登记')).toEqual([expect.objectContaining({ address: 'A1:K2' })]);
    expect((await host<unknown[][]>(page, 'grid', '课题登记'))[0].slice(0, 3)).toEqual(['课题编号', '课题名称*', '级别*']);
    await page.screenshot({ path: join(ARTIFACTS, 'addin-structure.png'), fullPage: true });
  });

  /** 结构化 → 课题登记: a new template sheet. */
  async function structureProjects(page: Page): Promise<void> {
    await page.click('#tab-structure');
    await page.waitForSelector('#panel-structure .hint >> text=当前工作表');
    await page.click('.kind-card[data-kind="projects"]');
    await page.click('#btn-template');
    await page.waitForSelector('#panel-structure .message.success');
  }

  test('下载 inserts the report (insertWorksheetsFromBase64) and charts the school against the district', async () => {
    // The school has handed in (本校对比 needs its line in the summary), and the workbook holds a 课题登记 of its
    // own (结构化), so the report's copy must take another name too.
    await validateAndFix(page);
    await signIn(page, 'WTQ-SY');
    await upload(page);
    await structureProjects(page);
    const sheets = await reportSheets(rig, term, token);
    expect(sheets.map((s) => s.name)).toContain('区级汇总');
    await page.evaluate((x) => (window as unknown as { __excelHost: { setDecoded(v: unknown): void } }).__excelHost.setDecoded(x), sheets);
    await page.click('#tab-download');
    await page.click('#btn-download');
    await page.waitForSelector('#panel-download .message.success');
    // the user's own 教师名册 and 论文投稿 stay as they are; the report's copies get new names
    expect(await page.textContent('#panel-download .message.success')).toMatch(/教师名册（汇总）、课题登记（汇总）、论文投稿（汇总）/);
    const names = await host<string[]>(page, 'sheets');
    for (const s of sheets) expect(names).toContain(['教师名册', '课题登记', '论文投稿'].includes(s.name) ? `${s.name}（汇总）` : s.name);
    expect((await host<unknown[][]>(page, 'grid', '教师名册'))[1]).toEqual(['姓名', '工号', '性别', '出生年月', '学科', '职称', '在岗']);
    expect(names).toContain('本校对比');
    const chart = await host<{ type: string; source: string }[]>(page, 'charts', '本校对比');
    expect(chart).toEqual([expect.objectContaining({ type: 'ColumnClustered' })]);
    const table = await host<unknown[][]>(page, 'grid', '本校对比');
    expect(table[0]).toEqual(['指标', '五通桥区实验小学', '全区']);
    expect(table.length).toBeGreaterThan(1);
    await page.screenshot({ path: join(ARTIFACTS, 'addin-download.png'), fullPage: true });
  });
});

describe('the ribbon command’s dialog page', () => {
  test('shows the result of 校验 for the active sheet in Chinese', async () => {
    const page = await rig.browser.newPage({ viewport: { width: 420, height: 240 } });
    await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'application/javascript', body: rig.standIn }));
    await page.goto(`${rig.base}/addin/dialog.html?sheet=${encodeURIComponent('2025论文')}&kind=papers&e=2&w=5`);
    await page.waitForSelector('#dialog h1');
    expect(await page.textContent('#dialog')).toMatch(/“2025论文”（论文投稿）有 2 个错误、5 个警告，已在单元格上标出/);
    await page.screenshot({ path: join(ARTIFACTS, 'addin-command-dialog.png') });
    await page.goto(`${rig.base}/addin/dialog.html?sheet=${encodeURIComponent('名册')}&kind=roster&e=1&w=0&mode=comment`);
    await page.waitForSelector('#dialog h1');
    expect(await page.textContent('#dialog')).toMatch(/有 1 个错误、0 个警告，已在单元格上标出。此版本的 Excel 不支持“备注”，问题说明已写入批注/);
    await page.close();
  });
});
