/**
 * The page's resilience in Debian's Chromium against the real server (temp SQLite store, demo district):
 * refused tokens, the term picker, server errors and lost connections, and every view at phone width.
 */
import { join } from 'node:path';
import { todayIso } from '../../shared/term';
import { DEMO_SCHOOLS } from '../../server/demo/district';
import { openPage, PHONE, shot, signIn, startHarness, type Harness, ARTIFACTS, WEB_TODAY } from './harness';
import { XLSX } from './page-helpers';
import { badSheets, xlsxOf } from './workbooks';

/** A demo school with every register reported (so its detail and history have content). */
const SY = DEMO_SCHOOLS.find((s) => s.kinds === 'all')!;
const asOf = todayIso(new Date(WEB_TODAY));

let h: Harness;
let term: string;
let syToken: string;

beforeAll(async () => {
  h = await startHarness();
  term = h.tokens.term;
  syToken = h.tokens.schools.find((s) => s.code === SY.code)!.token;
}, 60_000);

afterAll(async () => {
  await h?.close();
});

test('a wrong token is refused in Chinese and nothing is kept in the tab', async () => {
  const { context, page, errors } = await openPage(h);
  await shot(page, 'desktop-01-sign-in');
  await page.fill('[data-testid=token-input]', 'ybs_not-a-real-token');
  await page.click('[data-testid=sign-in]');
  await page.waitForSelector('.notice-error');
  expect(await page.textContent('.notice-error')).toContain('令牌无效');
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('the term picker switches every view to that term and survives a reload of the tab', async () => {
  const { context, page, errors } = await openPage(h);
  await signIn(page, h.tokens.district);
  await page.waitForSelector('[data-testid=board] tr[data-school]');
  const options = await page.$$eval('[data-testid=term] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(options[0]).toBe(term);
  const before = options[1];
  await page.selectOption('[data-testid=term]', before);
  await page.waitForFunction((t) => document.querySelector('#board-title')?.textContent?.includes(t), before);
  // Nothing was uploaded for the earlier term: every cell is 未上报.
  expect(new Set(await page.$$eval('[data-testid=board] td[data-state]', (tds) => tds.map((td) => td.getAttribute('data-state'))))).toEqual(new Set(['missing']));
  // The summary and the charts say there is nothing yet, instead of a table of 未上报 and bare axes.
  await page.click('a[href="#/summary"]');
  await page.waitForSelector('[data-testid=summary-empty]');
  expect(await page.textContent('[data-testid=summary-empty]')).toContain(`${before}还没有学校上报任何登记表`);
  expect(await page.$('[data-testid=summary-table]')).toBeNull();
  await page.click('a[href="#/charts"]');
  await page.waitForSelector('[data-testid=charts-empty]');
  expect(await page.$('.chart canvas')).toBeNull();
  await shot(page, 'desktop-11-empty-term');
  await page.click('a[href="#/board"]');
  await page.waitForSelector('#board-title');
  await page.reload();
  await page.waitForSelector('#board-title');
  expect(await page.inputValue('[data-testid=term]')).toBe(before);
  expect(await page.textContent('#board-title')).toContain(before);
  expect(errors).toEqual([]);
  await context.close();
});

test('server errors and a lost connection show a clear Chinese message and the page recovers', async () => {
  const { context, page, errors } = await openPage(h);
  await signIn(page, h.tokens.district);
  await page.waitForSelector('[data-testid=board]');
  await page.route('**/summary', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: '服务器内部错误，请稍后重试' } }) }));
  await page.click('a[href="#/summary"]');
  await page.waitForSelector('.notice-error');
  expect(await page.textContent('.notice-error')).toContain('服务器内部错误');
  await shot(page, 'desktop-12-server-error');
  await page.unroute('**/summary');
  await page.route('**/summary', (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<html>Bad Gateway</html>' }));
  await page.click('.notice-error button');
  await page.waitForSelector('.notice-error');
  expect(await page.textContent('.notice-error')).toContain('服务器出错（502）');
  await page.unroute('**/summary');
  await page.route('**/summary', (route) => route.abort('connectionrefused'));
  await page.click('.notice-error button');
  await page.waitForFunction(() => document.querySelector('.notice-error')?.textContent?.includes('无法连接服务器'));
  await page.unroute('**/summary');
  await page.click('.notice-error button');
  await page.waitForSelector('[data-testid=summary-table]');
  expect(errors).toEqual([]);
  await context.close();
});

test('phone width: every view fits the screen (wide tables scroll inside their box)', async () => {
  const { context, page, errors } = await openPage(h, PHONE);
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  await shot(page, 'phone-01-sign-in');
  await signIn(page, h.tokens.district);
  const views: [string, string, string][] = [
    ['#/board', '[data-testid=board] tr[data-school]', 'phone-02-board'],
    ['#/summary', '[data-testid=summary-table]', 'phone-03-summary'],
    ['#/charts', '.chart canvas', 'phone-04-charts'],
    [`#/school/${SY.code}`, '.versions', 'phone-05-school-detail'],
    ['#/downloads', '[data-testid=template-roster]', 'phone-06-downloads'],
  ];
  for (const [hash, ready, name] of views) {
    await page.evaluate((r) => (location.hash = r), hash);
    await page.waitForSelector(ready);
    if (hash === '#/charts') await page.waitForTimeout(700);
    expect([hash, await fits()]).toEqual([hash, true]);
    if (hash === '#/summary') {
      // The summary is a card per school, not a wide table: rows are blocks, each figure labelled with its indicator,
      // and school names are not broken over lines.
      const card = await page.$eval('[data-testid=summary-table] tbody tr', (tr) => ({
        display: getComputedStyle(tr).display,
        labels: [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.getAttribute('data-label')),
        nameLines: Math.round((tr.querySelector('th') as HTMLElement).getBoundingClientRect().height / parseFloat(getComputedStyle(tr.querySelector('th')!).lineHeight || '20')),
      }));
      expect(card.display).toBe('block');
      expect(card.labels).toEqual(['在岗教师', '40岁以下教师', '反思应交']);
      expect(card.nameLines).toBeLessThanOrEqual(2);
      // Sorting from the picker (the header row is hidden): by 在岗教师, highest first.
      await page.selectOption('[data-testid=summary-table-sort]', 'roster.在岗教师');
      const first = await page.$$eval('[data-testid=summary-table] tbody tr td:nth-of-type(1)', (tds) => tds.map((t) => t.textContent));
      const nums = first.filter((t) => t && /^\d+$/.test(t)).map(Number);
      expect(nums).toEqual([...nums].sort((a, b) => b - a));
      await page.screenshot({ path: join(ARTIFACTS, 'phone-03b-summary-card.png') }); // the first screen, as a phone shows it
    }
    await shot(page, name);
  }
  await page.click('[data-testid=sign-out]');
  await signIn(page, syToken);
  await page.waitForSelector('[data-testid=dropzone]');
  const bad = await xlsxOf(badSheets(SY.code, SY.name, term, asOf));
  await page.setInputFiles('[data-testid=file-input]', { name: 'bad.xlsx', mimeType: XLSX, buffer: bad });
  await page.click('[data-testid=upload]');
  await page.waitForSelector('[data-testid=findings]');
  expect(await fits()).toBe(true);
  await shot(page, 'phone-07-findings');
  await page.click('a[href="#/history"]');
  await page.waitForSelector('.versions');
  expect(await fits()).toBe(true);
  await shot(page, 'phone-08-history');
  expect(errors).toEqual([]);
  await context.close();
});
