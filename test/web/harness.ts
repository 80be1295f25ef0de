/** The real server on 127.0.0.1 (temp SQLite store, demo district, injected clock), the page built, Debian's Chromium. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Webhooks } from '../../server/reminders/webhooks';
import { createApp } from '../../server/app';
import { createDemoDistrict, type DemoTokens } from '../../server/demo/district';
import { openStore } from '../../server/store/open';
import type { Store } from '../../server/store/schema';
import type { UploadPool } from '../../server/upload/pool';
import { buildWeb } from '../../server/web/build';
import { clockFrom } from '../support/clock';

/** Screenshots land here (git-ignored). */
export const ARTIFACTS = join(__dirname, '..', 'artifacts', 'web');

/** Viewports the page must read well on. */
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * The day the browser suites run on, in China time: the demo district is made for it, the server answers as of it and
 * the page's own clock reads it, whatever the system clock says (a day in the middle of 2025春, with months due and
 * months to come).
 */
export const WEB_TODAY = '2025-05-20T10:00:00+08:00';

/** The page built once and Chromium launched once: shared by a file's tests, neither keeps anything of a test. */
export interface Web {
  webDist: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds the page into a temp dir and launches Debian's Chromium. */
export async function startWeb(): Promise<Web> {
  const dir = mkdtempSync(join(tmpdir(), 'yanbiao-web-'));
  const webDist = join(dir, 'dist');
  await buildWeb(webDist);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    webDist,
    browser,
    async close() {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A running server + browser. */
export interface Harness {
  base: string;
  tokens: DemoTokens;
  store: Store;
  browser: Browser;
  /** The clock the server, the demo district and every page opened with openPage run on. */
  now: () => Date;
  close(): Promise<void>;
}

/** How a harness is made: group robots for 催交, the clock (from WEB_TODAY by default), a shared page and browser. */
export interface HarnessOptions {
  webhooks?: Webhooks;
  now?: () => Date;
  /** Built and launched by the caller (startWeb) and left running by close(); otherwise the harness makes its own. */
  web?: Web;
}

/** Starts the app on a temp store with the demo district made as of the clock's today, and the page and browser. */
export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const now = opts.now ?? clockFrom(WEB_TODAY);
  const web = opts.web ?? (await startWeb());
  const dir = mkdtempSync(join(tmpdir(), 'yanbiao-web-store-'));
  const store = await openStore({ sqliteFile: join(dir, 'store.sqlite') });
  const tokens = await createDemoDistrict(store, now());
  const app = createApp({ store, now, logger: pino({ level: 'silent' }), webDist: web.webDist, addinDist: join(dir, 'no-addin'), webhooks: opts.webhooks ?? {} });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    tokens,
    store,
    browser: web.browser,
    now,
    async close() {
      if (!opts.web) await web.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await (app.locals.pool as UploadPool).close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh browser context (no shared storage; the harness's clock) and page, collecting page errors to assert on. */
export async function openPage(h: Harness, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await h.browser.newContext({ viewport, acceptDownloads: true, locale: 'zh-CN' });
  // The page's today (its term picker) is the harness's, not the system's; time then runs on at the real pace.
  await context.clock.install({ time: h.now() });
  const page = await context.newPage();
  // Fail fast: every wait here is for something the local server answers in well under a second.
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(h.base + '/');
  return { context, page, errors };
}

/** Signs in through the form and waits for the signed-in shell. */
export async function signIn(page: Page, token: string): Promise<void> {
  await page.fill('[data-testid=token-input]', token);
  await page.click('[data-testid=sign-in]');
  await page.waitForSelector('[data-testid=who]');
}

/** Full-page screenshot into the artifacts folder. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
