/**
 * 催交 on the board in Debian's Chromium against the real server (demo district, 127.0.0.1): the schools that owe
 * registers chosen by default, the reminder text previewed, copied to the clipboard in one click, and sent to the
 * district's WeCom robot (a stand-in on 127.0.0.1 holding the request to WeCom's documented shape).
 */
import { clockFrom } from '../support/clock';
import { startRobots, type Robots } from '../support/robots';
import { openPage, shot, signIn, startHarness, WEB_TODAY, type Harness } from './harness';
import { apiGet } from './page-helpers';

let h: Harness;
let robots: Robots;

beforeAll(async () => {
  // One clock for the server and the robots, as the real platforms share the server's.
  const now = clockFrom(WEB_TODAY);
  robots = await startRobots({ now });
  h = await startHarness({ webhooks: { wecom: robots.hooks.wecom }, now });
}, 60_000);

afterAll(async () => {
  await h?.close();
  await robots?.close();
});

test('the officer picks the schools, copies the reminder, and sends it to the WeCom group', async () => {
  const { context, page, errors } = await openPage(h);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.base });
  await signIn(page, h.tokens.district);
  await page.waitForSelector('[data-testid=reminder] textarea');
  const status = await apiGet(h.base, `/api/v1/terms/${encodeURIComponent(h.tokens.term)}/status`, h.tokens.district);
  const owing = status.schools.filter((s: any) => status.kinds.some((k: string) => s.kinds[k].status !== '已上报'));
  // Every school that owes something is chosen at first; the preview names each of them.
  const boxes = await page.$$eval('[data-testid=reminder] input[type=checkbox]', (els) => els.map((e) => [(e as HTMLInputElement).dataset.school, (e as HTMLInputElement).checked]));
  expect(boxes).toEqual(owing.map((s: any) => [s.code, true]));
  const preview = await page.inputValue('[data-testid=reminder-text]');
  for (const s of owing) expect(preview).toContain(s.name);
  // Leave the first school out: the preview follows.
  await page.uncheck(`[data-testid=reminder] input[data-school="${owing[0].code}"]`);
  expect(await page.inputValue('[data-testid=reminder-text]')).not.toContain(`${owing[0].name}：`);
  await page.click('[data-testid=reminder-copy]');
  await page.waitForSelector('[data-testid=reminder-msg] .notice-ok');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.inputValue('[data-testid=reminder-text]'));
  expect(copied).toMatch(/^【催交】/);
  expect(copied).not.toContain(`${owing[0].name}：`);
  // The robot configured on the server (its address never on the page) gets the same text.
  expect(await page.content()).not.toContain(robots.base);
  await page.click('[data-testid=reminder-send-wecom]');
  await page.waitForFunction(() => document.querySelector('[data-testid=reminder-msg]')?.textContent?.includes('已发送到企业微信群'));
  expect(robots.received).toEqual([{ channel: 'wecom', text: copied }]);
  const audit = await apiGet(h.base, '/api/v1/audit?action=reminder', h.tokens.district);
  expect(audit.entries).toHaveLength(2); // the copy and the sending
  await shot(page, 'desktop-12-reminder');
  expect(errors).toEqual([]);
  await context.close();
});
