/** The real server on 127.0.0.1 (temp SQLite store, demo district), the page built fresh, and Debian's Chromium. */
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
import { buildWeb } from '../../server/web/build';

/** Screenshots land here (git-ignored). */
export const ARTIFACTS = join(__dirname, '..', 'artifacts', 'web');

/** Viewports the page must read well on. */
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** A running server + browser. */
export interface Harness {
  base: string;
  tokens: DemoTokens;
  store: Store;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds the page into a temp dir, starts the app on a temp store with the demo district, launches Chromium. */
export async function startHarness(opts: { webhooks?: Webhooks } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'yanbiao-web-'));
  const webDist = join(dir, 'dist');
  await buildWeb(webDist);
  const store = await openStore({ sqliteFile: join(dir, 'store.sqlite') });
  const tokens = await createDemoDistrict(store);
  const app = createApp({ store, logger: pino({ level: 'silent' }), webDist, addinDist: join(dir, 'no-addin'), webhooks: opts.webhooks ?? {} });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    base,
    tokens,
    store,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh browser context (no shared storage) and page, collecting page errors for the test to assert on. */
export async function openPage(h: Harness, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await h.browser.newContext({ viewport, acceptDownloads: true, locale: 'zh-CN' });
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
