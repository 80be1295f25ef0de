/**
 * The main journey in Debian's Chromium against the real server (temp SQLite store, demo district, 127.0.0.1):
 * the district board and summary, a school's bad and good uploads, a return with a comment, the report.
 * Each test gets a fresh server and demo district (the built page and Chromium are shared) and sets up through the API
 * what the journey before it would have left (the upload, then its return): each passes alone and in any order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { colLetter } from '../../shared/a1';
import { parseTerm, todayIso } from '../../shared/term';
import { DEMO_SCHOOLS } from '../../server/demo/district';
import { setDeadline } from '../../server/store/deadlines';
import { issueSchoolToken } from '../../server/store/tokens';
import { ARTIFACTS, openPage, shot, signIn, startHarness, startWeb, WEB_TODAY, type Harness, type Web } from './harness';
import { apiGet as get, boardStates, dropFile, XLSX } from './page-helpers';
import { badSheets, goodSheets, PLANTED, xlsxOf } from './workbooks';

/** The demo school that has reported nothing: the one this suite uploads for. */
const GY = DEMO_SCHOOLS.find((s) => s.kinds === 'none')!;
/** The demo district's as-of day (China time), so generated registers match the term. */
const asOf = todayIso(new Date(WEB_TODAY));
const COMMENT = '论文投稿第 5 行的刊号与期次不符，请核实后重新上报。';

let web: Web;
let h: Harness;
let term: string;
let gyToken: string;
const apiGet = (path: string, token: string) => get(h.base, path, token);

beforeAll(async () => {
  web = await startWeb();
}, 60_000);

afterAll(async () => {
  await web?.close();
});

beforeEach(async () => {
  h = await startHarness({ web });
  term = h.tokens.term;
  gyToken = h.tokens.schools.find((s) => s.code === GY.code)!.token;
}, 60_000);

afterEach(async () => {
  await h?.close();
});

/** 冠英's good workbook stored, as the upload test below leaves it. */
async function gyUploaded(): Promise<void> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await xlsxOf(goodSheets(GY.code, GY.name, term, asOf)))], { type: XLSX }), '冠英镇九年制学校登记表.xlsx');
  const res = await fetch(`${h.base}/api/v1/uploads?term=${encodeURIComponent(term)}`, { method: 'POST', headers: { Authorization: `Bearer ${gyToken}` }, body: form });
  expect(res.status).toBe(201);
}

/** …and its 论文投稿 returned with COMMENT, as the return test below leaves it. */
async function gyPapersReturned(): Promise<void> {
  await gyUploaded();
  const list = await apiGet(`/api/v1/terms/${encodeURIComponent(term)}/submissions`, gyToken);
  const papers = list.submissions.find((s: any) => s.kind === 'papers');
  const res = await fetch(`${h.base}/api/v1/submissions/${papers.id}/return`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${h.tokens.district}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ comment: COMMENT }),
  });
  expect(res.status).toBe(200);
}

test('district board: every school × kind, coloured states, counts per column, deadline and lateness', async () => {
  // A 论文投稿 deadline the day before the term starts: every report came after it and the missing ones are
  // overdue, on any day of the term (a deadline on its first day is not yet passed on that day).
  const deadline = new Date(Date.parse(`${parseTerm(term).start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await setDeadline(h.store.db, term, 'papers', deadline);
  const { context, page, errors } = await openPage(h);
  await signIn(page, h.tokens.district);
  await page.waitForSelector('[data-testid=board] tr[data-school]');
  expect(await page.$$eval('[data-testid=board] tr[data-school]', (trs) => trs.map((t) => t.getAttribute('data-school')).sort())).toEqual(DEMO_SCHOOLS.map((s) => s.code).sort());
  // What the demo district reported decides the expected states and counts.
  for (const s of DEMO_SCHOOLS) {
    const states = await boardStates(page, s.code);
    expect(states.roster).toBe(s.kinds === 'none' ? 'missing' : 'submitted');
    expect(states.papers).toBe(s.kinds === 'all' ? 'submitted' : 'missing');
  }
  const all = DEMO_SCHOOLS.filter((s) => s.kinds === 'all').length;
  const rosters = DEMO_SCHOOLS.filter((s) => s.kinds !== 'none').length;
  expect(await page.textContent('[data-testid=counts-roster]')).toContain(`已上报 ${rosters}`);
  expect(await page.textContent('[data-testid=counts-papers]')).toContain(`已上报 ${all}`);
  expect(await page.textContent('[data-testid=counts-papers]')).toContain(`未上报 ${DEMO_SCHOOLS.length - all}`);
  const papersHead = (await page.textContent('th[data-kind=papers]')) ?? '';
  expect(papersHead).toContain(`截止 ${deadline}`);
  // Late and overdue are counted apart: those that handed in after the deadline, those that never did.
  expect(papersHead).toContain(`迟交 ${all}`);
  expect(papersHead).toContain(`已逾期 ${DEMO_SCHOOLS.length - all}`);
  expect(papersHead).not.toContain(`逾期 ${DEMO_SCHOOLS.length}`);
  expect(await page.textContent(`tr[data-school="${GY.code}"] td[data-kind=papers] .chip-late`)).toBe('已逾期');
  const reported = DEMO_SCHOOLS.find((s) => s.kinds === 'all')!;
  expect(await page.textContent(`tr[data-school="${reported.code}"] td[data-kind=papers] .chip-late`)).toBe('迟交');
  expect(await page.$(`tr[data-school="${reported.code}"] td[data-kind=roster] .chip-late`)).toBeNull();
  await shot(page, 'desktop-02-board');
  // The filter narrows the rows to one school.
  await page.fill('[data-testid=board-filter]', GY.name.slice(-6));
  expect(await page.$$eval('[data-testid=board] tr[data-school]', (trs) => trs.map((t) => t.getAttribute('data-school')))).toEqual([GY.code]);
  expect(errors).toEqual([]);
  await context.close();
});

test('district summary sorts by a metric and highlights the targets; charts are drawn', async () => {
  const { context, page, errors } = await openPage(h);
  await signIn(page, h.tokens.district);
  await page.click('a[href="#/summary"]');
  await page.waitForSelector('[data-testid=summary-table] tbody tr');
  const summary = await apiGet(`/api/v1/terms/${encodeURIComponent(term)}/summary`, h.tokens.district);
  const names = () => page.$$eval('[data-testid=summary-table] tbody tr th', (ths) => ths.map((t) => t.textContent));
  expect((await names()).sort()).toEqual(summary.schools.map((s: any) => s.name).sort());
  // Sort by 在岗教师 (descending first for numbers), then ascending; a school without a roster shows 未上报 and
  // sorts after every school with a value, either way.
  await page.click('[data-testid=summary-table] button[data-key="roster.在岗教师"]');
  const withRoster = summary.schools.filter((s: any) => s.reported.includes('roster'));
  const byTeachers = [...withRoster].sort((a: any, b: any) => b.teachers - a.teachers);
  const teachersOf = (name: string | null) => summary.schools.find((s: any) => s.name === name).teachers;
  expect(teachersOf((await names())[0])).toBe(byTeachers[0].teachers);
  await page.click('[data-testid=summary-table] button[data-key="roster.在岗教师"]');
  expect(teachersOf((await names())[0])).toBe(byTeachers[byTeachers.length - 1].teachers);
  const noRoster = summary.schools.find((s: any) => !s.reported.includes('roster'));
  expect((await names()).at(-1)).toBe(noRoster.name);
  // Target cells: met ≥ 1, missed < 1, exactly as the numbers say.
  const cls = await page.$$eval('[data-testid=summary-table] tbody tr', (trs) =>
    trs.map((tr) => {
      const cells = [...tr.children];
      const head = [...document.querySelectorAll('[data-testid=summary-table] thead tr:last-child th')];
      const i = head.findIndex((th) => th.querySelector('[data-key="papers.县二等奖及以上或发表人均"]'));
      return { name: cells[0].textContent, cls: cells[i].className };
    }),
  );
  for (const row of cls) {
    const s = summary.schools.find((x: any) => x.name === row.name);
    const q = s.papers.qualifiedPerTeacher;
    // 未上报 is neither met nor missed.
    if (!s.reported.includes('papers')) expect(row.cls.split(' ').sort()).toEqual(['not-reported', 'num']);
    else if (q === null) expect(row.cls).not.toMatch(/target-/);
    else expect(row.cls).toContain(q >= 1 ? 'target-met' : 'target-missed');
  }
  const unreported = summary.schools.find((s: any) => !s.reported.includes('papers'));
  const rowTexts = await page.$$eval('[data-testid=summary-table] tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
  expect(rowTexts.find((t) => t.includes(unreported.name))).toContain('未上报');
  // The targets as the definition writes them, with the schools judged (those that reported the register).
  const judged = summary.schools.filter((s: any) => s.reported.includes('papers') && s.papers.qualifiedPerTeacher !== null).length;
  const met = summary.schools.filter((s: any) => s.reported.includes('papers') && s.papers.qualifiedPerTeacher >= 1).length;
  expect(await page.textContent('[data-testid=targets]')).toContain(`县二等奖及以上或发表人均 ≥ 1：全区 `);
  expect(await page.textContent('[data-testid=targets]')).toContain(`，${met}/${judged} 所学校达标`);
  expect(await page.textContent('[data-testid=summary-note]')).toContain('学月反思“应交”只计截止日期已过的月份');
  // 分类统计: the district's 课程 课型 × 级别 table totals what the server counted; a school's is its own.
  const courseTotal = () => page.textContent('[data-testid=cross-courses] tfoot td:last-child');
  expect(Number(await courseTotal())).toBe(summary.district.courses.count);
  const first = summary.schools.find((s: any) => s.courses.count > 0);
  await page.selectOption('[data-testid=cross-scope]', first.code);
  expect(Number(await courseTotal())).toBe(first.courses.count);
  await page.selectOption('[data-testid=cross-scope]', '');
  await shot(page, 'desktop-03-summary');
  await page.click('a[href="#/charts"]');
  await page.waitForSelector('.chart canvas');
  expect(await page.$$eval('.chart', (els) => els.filter((e) => e.querySelector('canvas')).length)).toBe(5);
  await page.waitForTimeout(700); // let ECharts finish its entry animation before the screenshot
  await shot(page, 'desktop-04-charts');
  expect(errors).toEqual([]);
  await context.close();
});

test('school: a bad workbook shows its findings by sheet/row/column and nothing is stored', async () => {
  const { context, page, errors } = await openPage(h);
  await signIn(page, gyToken);
  expect(await page.textContent('[data-testid=who]')).toContain(GY.name);
  await page.waitForSelector('[data-testid=dropzone]');
  await shot(page, 'desktop-05-upload');
  const bad = await xlsxOf(badSheets(GY.code, GY.name, term, asOf));
  // Slow the answer down so the progress bar can be seen while the server works.
  await page.route('**/api/v1/uploads**', async (route) => {
    await new Promise((r) => setTimeout(r, 600));
    await route.continue();
  });
  await page.setInputFiles('[data-testid=file-input]', { name: '五通桥区冠英镇九年制学校-错误.xlsx', mimeType: XLSX, buffer: bad });
  await page.click('[data-testid=upload]');
  await page.waitForSelector('[data-testid=progress]:not([hidden])');
  await page.waitForSelector('[data-testid=findings]');
  await page.unroute('**/api/v1/uploads**');
  // innerText: what a person sees at this width (the phone-only location line is hidden on a desktop).
  const rows = await page.$$eval('[data-testid=findings] tbody tr', (trs) => trs.map((tr) => ({ code: tr.getAttribute('data-code'), cells: [...tr.children].map((c) => (c as HTMLElement).innerText.trim()) })));
  const header = goodSheets(GY.code, GY.name, term, asOf).find((s) => s.sheet === PLANTED.sheet)!.grid[1];
  const required = rows.find((r) => r.code === 'required' && r.cells[2] === String(PLANTED.blankTitleRow));
  expect(required?.cells.slice(1, 5)).toEqual([PLANTED.sheet, String(PLANTED.blankTitleRow), colLetter(header.indexOf('题目')), '题目']);
  const level = rows.find((r) => r.code === 'enum' && r.cells[2] === String(PLANTED.badLevelRow));
  expect(level?.cells.slice(1, 6)).toEqual([PLANTED.sheet, String(PLANTED.badLevelRow), colLetter(header.indexOf('级别')), '级别', PLANTED.badLevel]);
  expect(level?.cells[6]).toMatch(/[\u4e00-\u9fff]/);
  expect(await page.textContent('.upload-result .notice-error')).toContain('没有保存任何内容');
  await shot(page, 'desktop-06-findings');
  // Nothing stored: the server has no submission of this school.
  const list = await apiGet(`/api/v1/terms/${encodeURIComponent(term)}/submissions`, gyToken);
  expect(list.submissions).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('school: a good workbook dropped on the page is stored once (retry after a lost answer) and the board turns 已上报', async () => {
  const { context, page, errors } = await openPage(h);
  await signIn(page, gyToken);
  await page.waitForSelector('[data-testid=dropzone]');
  const good = await xlsxOf(goodSheets(GY.code, GY.name, term, asOf));
  await dropFile(page, '冠英镇九年制学校登记表.xlsx', good);
  expect(await page.textContent('.chosen')).toContain('冠英镇九年制学校登记表.xlsx');
  // First attempt: the server stores the upload but the answer is lost on the way back.
  await page.route('**/api/v1/uploads**', async (route) => {
    await route.fetch();
    await route.abort('connectionreset');
  });
  await page.click('[data-testid=upload]');
  await page.waitForFunction(() => document.querySelector('.upload-result .notice-error')?.textContent?.includes('无法连接服务器'));
  await page.unroute('**/api/v1/uploads**');
  // The retry carries the same Idempotency-Key: the server answers with the first receipt and stores nothing new.
  await page.click('[data-testid=upload]');
  await page.waitForSelector('[data-testid=receipt]');
  expect(await page.textContent('[data-testid=receipt] .notice-ok')).toContain('没有重复保存');
  const stored = await apiGet(`/api/v1/terms/${encodeURIComponent(term)}/submissions`, gyToken);
  expect(stored.submissions.map((s: any) => s.version)).toEqual([1, 1, 1, 1, 1]);
  const kinds = await page.$$eval('[data-testid=receipt] tr[data-kind]', (trs) => trs.map((t) => t.getAttribute('data-kind')).sort());
  expect(kinds).toEqual(['courses', 'papers', 'projects', 'reflections', 'roster']);
  await shot(page, 'desktop-07-receipt');
  await context.close();

  const district = await openPage(h);
  await signIn(district.page, h.tokens.district);
  await district.page.waitForSelector(`tr[data-school="${GY.code}"]`);
  const states = await boardStates(district.page, GY.code);
  expect(Object.values(states)).toEqual(['submitted', 'submitted', 'submitted', 'submitted', 'submitted']);
  expect(await district.page.textContent(`tr[data-school="${GY.code}"] td[data-kind=papers]`)).toContain('第1版');
  expect([...errors, ...district.errors]).toEqual([]);
  await district.context.close();
});

test('district returns a submission with a comment; the school sees the comment in its history', async () => {
  await gyUploaded();
  const { context, page, errors } = await openPage(h);
  await signIn(page, h.tokens.district);
  await page.click(`tr[data-school="${GY.code}"] a.school-link`);
  await page.waitForSelector('[data-testid=return-papers]');
  expect(await page.$$eval('.kind-group', (gs) => gs.map((g) => g.getAttribute('data-kind')))).toEqual(['roster', 'projects', 'courses', 'reflections', 'papers']);
  await shot(page, 'desktop-08-school-detail');
  await page.click('[data-testid=return-papers]');
  // An empty comment is refused before anything is sent.
  await page.click('[data-testid=return-confirm]');
  expect(await page.textContent('[data-testid=return-dialog] .notice-error')).toContain('请填写退回意见');
  await page.fill('[data-testid=return-comment]', COMMENT);
  await shot(page, 'desktop-09-return-dialog');
  await page.click('[data-testid=return-confirm]');
  await page.waitForSelector('.kind-group[data-kind=papers] [data-testid=return-comment-view]');
  expect(await page.textContent('.kind-group[data-kind=papers] [data-testid=return-comment-view]')).toContain(COMMENT);
  await page.click('a.back');
  await page.waitForSelector(`tr[data-school="${GY.code}"]`);
  expect((await boardStates(page, GY.code)).papers).toBe('returned');
  expect(errors).toEqual([]);
  await context.close();

  const school = await openPage(h);
  await signIn(school.page, gyToken);
  await school.page.click('a[href="#/history"]');
  await school.page.waitForSelector('[data-testid=return-comment-view]');
  expect(await school.page.textContent('.kind-group[data-kind=papers] [data-testid=return-comment-view]')).toContain(COMMENT);
  expect(await school.page.textContent('.view-history .notice-warn')).toContain('论文投稿 第1版已被区教科室退回');
  expect(await school.page.getAttribute('[data-testid=own-board] td[data-kind=papers]', 'data-state')).toBe('returned');
  await shot(school.page, 'desktop-10-history');
  expect(school.errors).toEqual([]);
  await school.context.close();
});

test('report and templates download with the token, with a progress bar while the report comes', async () => {
  await gyPapersReturned();
  const { context, page, errors } = await openPage(h);
  await signIn(page, h.tokens.district);
  await page.waitForSelector('[data-testid=download-report]');
  await page.route('**/report.xlsx', async (route) => {
    await new Promise((r) => setTimeout(r, 600));
    await route.continue();
  });
  const pending = page.waitForEvent('download');
  await page.click('[data-testid=download-report]');
  await page.waitForSelector('.download [data-testid=progress]:not([hidden])');
  const download = await pending;
  const file = join(ARTIFACTS, 'report-district.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toContain('区级汇总');
  const summaryText = JSON.stringify(wb.getWorksheet('区级汇总')!.getSheetValues());
  expect(summaryText).toContain(GY.code);
  await page.click('a[href="#/downloads"]');
  const tpl = page.waitForEvent('download');
  await page.click('[data-testid=template-roster] button, button[data-testid=template-roster]');
  const t = await tpl;
  expect(t.suggestedFilename()).toBe('教师名册模板.xlsx');
  const tfile = join(ARTIFACTS, 'template-roster.xlsx');
  await t.saveAs(tfile);
  const twb = new ExcelJS.Workbook();
  await twb.xlsx.load(readFileSync(tfile) as unknown as ArrayBuffer);
  expect(JSON.stringify(twb.worksheets[0].getSheetValues())).toContain('姓名');
  await shot(page, 'desktop-11-downloads');
  expect(errors).toEqual([]);
  await context.close();

  // A school's download: the district summary and its own rows, nothing of another school's registers.
  const school = await openPage(h);
  await signIn(school.page, gyToken);
  await school.page.click('a[href="#/downloads"]');
  const mine = school.page.waitForEvent('download');
  await school.page.click('[data-testid=download-report]');
  const sfile = join(ARTIFACTS, 'report-school.xlsx');
  await (await mine).saveAs(sfile);
  const swb = new ExcelJS.Workbook();
  await swb.xlsx.load(readFileSync(sfile) as unknown as ArrayBuffer);
  expect(swb.worksheets.map((w) => w.name)).toContain('区级汇总');
  // 教师名册 (论文投稿 was returned, so it no longer counts): every data row is this school's.
  const roster = swb.getWorksheet('教师名册')!;
  const codes = new Set<string>();
  roster.eachRow((row, n) => {
    if (n > 1) codes.add(String(row.getCell(1).value));
  });
  expect([...codes]).toEqual([GY.code]);
  expect(school.errors).toEqual([]);
  await school.context.close();
});

test('a school never sees district views, sign-out forgets everything, a revoked token signs out', async () => {
  await gyPapersReturned();
  const other = DEMO_SCHOOLS.find((s) => s.kinds === 'all')!;
  const otherToken = h.tokens.schools.find((s) => s.code === other.code)!.token;
  const { context, page, errors } = await openPage(h);
  await signIn(page, gyToken);
  expect(await page.$$eval('nav.tabs a', (as) => as.map((a) => a.getAttribute('href')))).toEqual(['#/upload', '#/history', '#/downloads']);
  for (const route of ['#/board', '#/summary', `#/school/${other.code}`]) {
    await page.evaluate((r) => (location.hash = r), route);
    await page.waitForSelector('[data-testid=dropzone]');
    expect(await page.textContent('main')).not.toContain(other.name);
  }
  // Sign out, then in as another school in the same tab: nothing of the first school is left.
  await page.click('a[href="#/history"]');
  await page.waitForSelector('[data-testid=return-comment-view]');
  await page.click('[data-testid=sign-out]');
  await page.waitForSelector('[data-testid=token-input]');
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  await signIn(page, otherToken);
  await page.click('a[href="#/history"]');
  await page.waitForSelector('.versions');
  const text = (await page.textContent('body')) ?? '';
  expect(text).toContain(other.name);
  expect(text).not.toContain(COMMENT);
  expect(text).not.toContain(GY.name);
  // The district re-issues this school's token: the next call answers 401 and the page signs out.
  await issueSchoolToken(h.store.db, other.code);
  // (下载 asks the server for the registers in force, so leaving 上报记录 for it is the next call.)
  await page.click('a[href="#/downloads"]');
  await page.waitForSelector('[data-testid=token-input]');
  expect(await page.textContent('.signin-msg')).toContain('登录已失效');
  expect(await page.evaluate(() => sessionStorage.getItem('yanbiao.token'))).toBeNull();
  expect(errors).toEqual([]);
  await context.close();
});
