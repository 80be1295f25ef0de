/** Browser rig for the task pane: builds addin/dist into a temp dir, starts the real district app on 127.0.0.1
 *  (SQLite), launches Debian's Chromium, and opens the pane with the Excel stand-in served in place of office.js. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildAddin } from '../../addin/build';
import { createApp } from '../../server/app';
import { openStore } from '../../server/store/open';
import type { Store } from '../../server/store/schema';
import { addSchool } from '../../server/store/schools';
import { issueDistrictToken, issueSchoolToken } from '../../server/store/tokens';
import { APP_TODAY } from './district-app';
import { clockFrom } from './clock';
import type { BrowserSeed } from './excel-host-browser';

/** Where Office add-ins load office.js from (intercepted: the stand-in is served instead). */
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Screenshots go here (git-ignored). */
export const ARTIFACTS = join(__dirname, '..', 'artifacts');

/** A running rig. */
export interface PaneRig {
  base: string;
  store: Store;
  browser: Browser;
  standIn: string;
  /** School code → token; `district` is a district token. */
  tokens: Record<string, string>;
  district: string;
  api(path: string, bearer: string, body?: unknown): Promise<Response>;
  openPane(seed: BrowserSeed): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts the rig with the given schools. The server and every page opened share one clock (APP_TODAY unless given):
 * the pane's term picker and the server's deadlines never read the system's date.
 */
export async function startPaneRig(schools: { code: string; name: string }[], now: () => Date = clockFrom(APP_TODAY)): Promise<PaneRig> {
  const dir = mkdtempSync(join(tmpdir(), 'yb-addin-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  await buildAddin(join(dir, 'dist'));
  const standIn = (await build({ entryPoints: [join(__dirname, 'excel-host-browser.ts')], bundle: true, write: false, format: 'iife', logLevel: 'silent' })).outputFiles[0].text;
  const store = await openStore({ sqliteFile: join(dir, 'yb.sqlite') });
  const tokens: Record<string, string> = {};
  for (const s of schools) {
    await addSchool(store.db, { ...s, type: '小学' });
    tokens[s.code] = await issueSchoolToken(store.db, s.code);
  }
  const district = await issueDistrictToken(store.db);
  const app = createApp({ store, now, addinDist: join(dir, 'dist'), logger: pino({ level: 'silent' }) });
  const server = await new Promise<Server>((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const api = (path: string, bearer: string, body?: unknown) => fetch(`${base}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { Authorization: `Bearer ${bearer}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const openPane = async (seed: BrowserSeed): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 380, height: 820 }, deviceScaleFactor: 1 });
    // The page's today is the rig's; time then runs on at the real pace.
    await page.clock.install({ time: now() });
    await page.addInitScript((value) => { (window as unknown as { __YANBIAO_SEED__: unknown }).__YANBIAO_SEED__ = value; }, seed);
    await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'application/javascript', body: standIn }));
    // nothing else may leave the machine
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
      if (route.request().url() !== OFFICE_JS) throw new Error(`外部请求：${route.request().url()}`);
      return route.fallback();
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/addin/taskpane.html`);
    await page.waitForSelector('#tab-validate[aria-selected="true"]');
    if (errors.length) throw new Error(`页面错误：${errors.join('；')}`);
    return page;
  };
  const close = async () => {
    await browser.close();
    await new Promise((r) => server.close(r));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { base, store, browser, standIn, tokens, district, api, openPane, close };
}

/** Calls a function of `window.__excelHost` (the stand-in) in the page. */
export function host<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(([f, a]) => (window as unknown as { __excelHost: Record<string, (...x: unknown[]) => unknown> }).__excelHost[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;
}

/** The report's sheets decoded in Node with exceljs, independently of the pane's own reader. */
export async function reportSheets(rig: PaneRig, term: string, token: string): Promise<{ name: string; grid: unknown[][] }[]> {
  const res = await rig.api(`/api/v1/terms/${encodeURIComponent(term)}/report.xlsx`, token);
  if (res.status !== 200) throw new Error(`report.xlsx: HTTP ${res.status}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const grid: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const out: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.value as unknown;
        out[c - 1] = v && typeof v === 'object' ? ('result' in v ? (v as { result: unknown }).result : v instanceof Date ? v.toISOString() : cell.text) : v;
      });
      grid[r - 1] = Array.from(out, (x) => x ?? null);
    });
    return { name: ws.name, grid: Array.from(grid, (x) => x ?? []) };
  });
}
