/**
 * 登记表设置 in Debian's Chromium against the real server (temp SQLite store, demo district, 127.0.0.1): the district
 * sees the built-in definition, uploads a broken workbook (every problem listed at its place, nothing applied), then
 * a second district's definition (听课记录 with a 达标率 target); a school's 听课记录 then has its board column,
 * its summary columns with the target marked, and its chart — with no page code written for it.
 */
import { readFileSync } from 'node:fs';
import { readWorkbook } from '../../server/xlsx/read';
import { districtBDefinition } from '../fixtures/registers/district-b';
import { xlsxOf } from '../support/xlsx';
import { openPage, shot, signIn, startHarness, startWeb, type Harness, type Web } from './harness';
import { apiGet, boardStates, dropFile, XLSX } from './page-helpers';

let web: Web;
let h: Harness;

beforeAll(async () => {
  web = await startWeb();
}, 60_000);

afterAll(async () => {
  await web?.close();
});

// A fresh server and demo district for every test (the page and Chromium are shared): each passes alone and in any order.
beforeEach(async () => {
  h = await startHarness({ web });
}, 60_000);

afterEach(async () => {
  await h?.close();
});

/** The second district's definition put in force through the API, as the first test does from the page. */
async function districtBInForce(): Promise<void> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await xlsxOf(districtBDefinition()))], { type: XLSX }), '定义.xlsx');
  const res = await fetch(`${h.base}/api/v1/registers`, { method: 'PUT', headers: { Authorization: `Bearer ${h.tokens.district}` }, body: form });
  expect(res.status).toBe(201);
}

/** A copy of the second district's sheets with one problem planted per sheet kind. */
function brokenDefinition() {
  const s = districtBDefinition().map((x) => ({ sheet: x.sheet, grid: x.grid.map((r) => [...r]) }));
  s[1].grid.push(['lesson_visits', '是否公开', '', '布尔', '否', '', '', '', '']); // 列 row 16: unknown 类型
  s[4].grid.push(['lesson_visits', '人均听课', '人均合计', '听课节数', '', '', '', '']); // 指标 row 6: no such column
  return s;
}

test('the district replaces the definition from the page; a school\'s 听课记录 then shows on board, summary and charts', async () => {
  const { context, page, errors } = await openPage(h);
  await signIn(page, h.tokens.district);
  await page.click('a[href="#/registers"]');
  await page.waitForSelector('[data-testid=definition-version]');
  expect(await page.textContent('[data-testid=definition-version]')).toContain('第 0 版');
  expect(await page.$$eval('.register-card', (els) => els.map((e) => e.getAttribute('data-register')))).toEqual(['roster', 'projects', 'courses', 'reflections', 'papers']);

  // A broken workbook: each problem with its sheet, row and column; the definition in force is unchanged.
  await page.setInputFiles('[data-testid=definition-file]', { name: '定义.xlsx', mimeType: XLSX, buffer: await xlsxOf(brokenDefinition()) });
  await page.click('[data-testid=definition-upload]');
  await page.waitForSelector('[data-testid=definition-problems] tbody tr');
  const problems = await page.$$eval('[data-testid=definition-problems] tbody tr', (trs) => trs.map((tr) => [...tr.children].slice(0, 4).map((td) => td.textContent)));
  expect(problems).toEqual([
    ['列', '16', 'D', '类型'],
    ['指标', '6', 'D', '字段'],
  ]);
  expect(await page.textContent('[data-testid=definition-result]')).toContain('定义未生效');
  await shot(page, 'desktop-08-registers-refused');
  expect((await apiGet(h.base, '/api/v1/registers', h.tokens.district)).version).toBe(0);

  // The second district's definition: in force as version 1, its registers listed.
  await page.setInputFiles('[data-testid=definition-file]', { name: '定义.xlsx', mimeType: XLSX, buffer: await xlsxOf(districtBDefinition()) });
  await page.click('[data-testid=definition-upload]');
  await page.waitForFunction(() => document.querySelector('[data-testid=definition-version]')?.textContent?.includes('第 1 版'));
  // Named after the file as the browser sent it (UTF-8), not mojibake.
  expect(await page.textContent('[data-testid=definition-result]')).toContain('已启用第 1 版定义“定义”');
  expect(await page.$$eval('.register-card', (els) => els.map((e) => e.getAttribute('data-register')))).toEqual(['roster', 'reflections', 'lesson_visits']);
  expect(await page.textContent('.register-card[data-register=lesson_visits]')).toContain('听课达标率目标 = 100%');
  await shot(page, 'desktop-09-registers');
  // The workbook to edit comes back with the definition in force.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=definition-download]')]);
  expect(download.suggestedFilename()).toBe('登记表定义-第1版.xlsx');

  // A school hands in its roster and 听课记录 (straight to the API: the upload page is tested elsewhere).
  const school = h.tokens.schools[0];
  const form = new FormData();
  const sheets = [
    { sheet: '教师名册', grid: [['姓名', '学科'], ['张伟', '语文'], ['李娜', '数学']] },
    { sheet: '听课记录', grid: [['日期', '听课教师', '授课教师', '学科', '课题', '节数'], ['2025-03-11', '张伟', '王芳', '语文', '《春》', 6], ['2025-03-18', '张伟', '王芳', '语文', '《背影》', 4]] },
  ];
  form.append('file', new Blob([new Uint8Array(await xlsxOf(sheets))], { type: XLSX }), '听课.xlsx');
  const up = await fetch(`${h.base}/api/v1/uploads?term=${encodeURIComponent(h.tokens.term)}`, { method: 'POST', headers: { Authorization: `Bearer ${school.token}` }, body: form });
  expect(up.status).toBe(201);

  // The board has a 听课记录 column, reported for that school.
  await page.click('a[href="#/board"]');
  await page.waitForSelector(`tr[data-school="${school.code}"]`);
  expect(await page.$$eval('thead th[data-kind]', (ths) => ths.map((th) => th.querySelector('.kind-name')?.textContent))).toEqual(['教师名册', '学月反思', '听课记录']);
  expect((await boardStates(page, school.code)).lesson_visits).toBe('submitted');

  // The summary: the district's indicators as columns; 张伟 10 节 of 2 teachers → 50%, missed against = 100%.
  await page.click('a[href="#/summary"]');
  await page.waitForSelector('[data-testid=summary-table] tbody tr');
  const heads = await page.$$eval('[data-testid=summary-table] thead tr:last-child th', (ths) => ths.map((t) => t.textContent?.replace('↕', '').trim()));
  expect(heads.slice(1)).toEqual(['在岗教师数', '学月反思完成率', '听课节数', '听课达标率']);
  const cell = await page.$eval(`[data-testid=summary-table] tbody tr:has(a[href="#/school/${encodeURIComponent(school.code)}"]) td:nth-child(5)`, (td) => ({ text: td.textContent, cls: td.className }));
  expect(cell.text).toBe('50%');
  expect(cell.cls).toContain('target-missed');
  expect(await page.textContent('[data-testid=targets]')).toContain('听课达标率 = 100%');
  await shot(page, 'desktop-10-summary-district-b');
  await page.click('a[href="#/charts"]');
  await page.waitForSelector('.chart canvas');
  expect(await page.$$eval('figure.chart-card figcaption', (els) => els.map((e) => e.textContent))).toEqual(['学月反思完成率（目标 ≥ 90%）', '听课达标率（目标 = 100%）']);
  expect(errors).toEqual([]);
  await context.close();
});

test('a school drops a workbook with one register left empty: the receipt says it was not stored', async () => {
  await districtBInForce();
  const { context, page, errors } = await openPage(h);
  const school = h.tokens.schools[1];
  await signIn(page, school.token);
  await page.waitForSelector('[data-testid=dropzone]');
  const book = await xlsxOf([
    { sheet: '教师名册', grid: [['姓名', '学科'], ['张伟', '语文']] },
    { sheet: '学月反思', grid: [['月份', '教师', '题目', '字数', '提交日期']] },
  ]);
  await dropFile(page, '名册.xlsx', book);
  await page.click('[data-testid=upload]');
  await page.waitForSelector('[data-testid=receipt]');
  expect(await page.$$eval('[data-testid=receipt] tr[data-kind]', (trs) => trs.map((t) => t.getAttribute('data-kind')))).toEqual(['roster']);
  expect(await page.textContent('[data-testid=receipt-skipped]')).toBe('学月反思（工作表“学月反思”）');
  expect(errors).toEqual([]);
  await context.close();
});

test('a refused upload with fixable findings: the page gives the workbook back with them applied', async () => {
  await districtBInForce();
  const { context, page, errors } = await openPage(h);
  const school = h.tokens.schools[2];
  await signIn(page, school.token);
  await page.waitForSelector('[data-testid=dropzone]');
  const book = await xlsxOf([
    { sheet: '教师名册', grid: [['姓名', '学科'], ['张伟', '语文']] },
    // 语 is the district's alias of 语文 (fixable); 节数 12 is over its maximum of 10 (for a person to fix).
    { sheet: '听课记录', grid: [['日期', '听课教师', '授课教师', '学科', '课题', '节数'], ['2025-03-11', '张伟', '王芳', '语', '《春》', 12]] },
  ]);
  await dropFile(page, '听课.xlsx', book);
  await page.click('[data-testid=upload]');
  await page.waitForSelector('[data-testid=fix-download]');
  expect(await page.textContent('[data-testid=fix-download]')).toBe('下载修正后的工作簿（可自动修正 1 处）');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=fix-download]')]);
  expect(download.suggestedFilename()).toBe('听课-已修正.xlsx');
  const fixed = await readWorkbook(await download.path().then((p) => readFileSync(p!)), 'fixed.xlsx');
  expect(fixed.find((x) => x.sheet === '听课记录')!.grid[1].slice(3)).toEqual(['语文', '《春》', 12]);
  expect(await page.textContent('[data-testid=fix-result]')).toContain('修正了 1 处。还有 1 个错误需要在 Excel 中按下表修改');
  expect(errors).toEqual([]);
  await context.close();
});

