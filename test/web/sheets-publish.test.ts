/**
 * The district's 发布到 Google 表格 button in Debian's Chromium against the real server (temp store, demo district),
 * the server's googleapis client pointed at the Sheets stand-in through GOOGLE_SHEETS_ROOT_URL.
 */
import { DEMO_SCHOOLS } from '../../server/demo/district';
import { readValues } from '../sheets/stand-in/model';
import { startSheetsStandIn, type SheetsStandIn } from '../sheets/stand-in/server';
import { openPage, shot, signIn, startHarness, type Harness } from './harness';

const ENV = ['GOOGLE_SHEETS_ROOT_URL', 'GOOGLE_OAUTH_ACCESS_TOKEN', 'GOOGLE_APPLICATION_CREDENTIALS', 'YANBIAO_SHEETS_SPREADSHEET'];
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
const SHARED = '1WebDistrictSummarySheet';
const PRIVATE = '1WebPrivateSummarySheetX';

let h: Harness;
let standIn: SheetsStandIn;

beforeAll(async () => {
  standIn = await startSheetsStandIn();
  standIn.create(SHARED, { sheets: [{ title: 'Sheet1' }] });
  standIn.create(PRIVATE, { shared: false, sheets: [{ title: 'Sheet1' }] });
  for (const k of ENV) delete process.env[k];
  // Read by the Sheets routes on their first call.
  process.env.GOOGLE_SHEETS_ROOT_URL = standIn.url;
  process.env.GOOGLE_OAUTH_ACCESS_TOKEN = standIn.token;
  h = await startHarness();
}, 60_000);

afterAll(async () => {
  await h?.close();
  await standIn?.close();
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

test('the district publishes the term to Google Sheets from the page; a refusal shows what to share', async () => {
  const { context, page, errors } = await openPage(h);
  await signIn(page, h.tokens.district);
  // The token is kept in sessionStorage only: nothing in localStorage, no cookie.
  expect(await page.evaluate(() => [localStorage.length, document.cookie, sessionStorage.getItem('yanbiao.token')])).toEqual([0, '', h.tokens.district]);
  expect((await context.cookies()).length).toBe(0);
  await page.click('a[href="#/downloads"]');
  await page.fill('[data-testid=sheets-spreadsheet]', `https://docs.google.com/spreadsheets/d/${SHARED}/edit#gid=0`);
  await page.route('**/sheets/publish', async (route) => {
    await new Promise((r) => setTimeout(r, 600));
    await route.continue();
  });
  await page.click('[data-testid=sheets-publish]');
  await page.waitForSelector('[data-testid=sheets-card] [data-testid=progress]:not([hidden])');
  await page.waitForSelector('[data-testid=sheets-card] .notice-ok');
  await page.unroute('**/sheets/publish');
  const ok = (await page.textContent('[data-testid=sheets-card] .notice-ok')) ?? '';
  expect(ok).toContain(`已发布 ${h.tokens.term} 到 Google 表格 ${SHARED}`);
  expect(ok).toContain(`“区级汇总”`);
  // What Google received: the values RAW in one call, and the summary has a line for every school.
  const writes = standIn.requests.filter((r) => r.path.endsWith('/values:batchUpdate'));
  expect(writes.map((r) => r.body.valueInputOption)).toEqual(['RAW']);
  const summary = readValues(standIn.book(SHARED)!, "'区级汇总'", 'UNFORMATTED_VALUE', 'SERIAL_NUMBER', 'ROWS').values ?? [];
  expect(summary.slice(1, 1 + DEMO_SCHOOLS.length).map((r) => r[0]).sort()).toEqual(DEMO_SCHOOLS.map((s) => s.code).sort());
  await shot(page, 'desktop-13-sheets-publish');

  await page.fill('[data-testid=sheets-spreadsheet]', PRIVATE);
  await page.click('[data-testid=sheets-publish]');
  await page.waitForSelector('[data-testid=sheets-card] .notice-error');
  const refused = (await page.textContent('[data-testid=sheets-card] .notice-error')) ?? '';
  expect(refused).toContain(`没有权限访问 Google 表格 ${PRIVATE}`);
  expect(refused).toContain('共享');
  expect(await page.isEnabled('[data-testid=sheets-publish]')).toBe(true);
  expect(errors).toEqual([]);
  await context.close();

  // A school's downloads have no publish card (the endpoint refuses schools too, see test/sheets/routes.test.ts).
  const school = await openPage(h);
  await signIn(school.page, h.tokens.schools[0].token);
  await school.page.click('a[href="#/downloads"]');
  await school.page.waitForSelector('[data-testid=template-roster]');
  expect(await school.page.$('[data-testid=sheets-card]')).toBeNull();
  expect(school.errors).toEqual([]);
  await school.context.close();
});
