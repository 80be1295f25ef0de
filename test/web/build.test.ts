/** The page is one bundle served by the district server: ECharts inside it, nothing fetched from a CDN or any other host. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWeb } from '../../server/web/build';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yanbiao-web-build-'));
  await buildWeb(dir);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('index.html loads only its own app.js and app.css (relative paths), no external host', () => {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  expect([...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]).sort()).toEqual(['app.css', 'app.js', 'data:,']);
  expect(html).not.toMatch(/https?:\/\//);
  expect(readFileSync(join(dir, 'app.css'), 'utf8')).not.toMatch(/https?:\/\/|@import/);
});

test('app.js carries ECharts itself; its only addresses are in the licence comments at the end', () => {
  const js = readFileSync(join(dir, 'app.js'), 'utf8');
  const legal = js.lastIndexOf('/*! Bundled license information:');
  expect(legal).toBeGreaterThan(0);
  const code = js.slice(0, legal);
  // The library itself is in the code (ECharts marks each chart's element with this attribute), not loaded from elsewhere.
  expect(code).toContain('_echarts_instance_');
  expect(js.slice(legal)).toContain('ZRender, a high performance 2d drawing library');
  expect(code.match(/https?:\/\/[^\s"'`)]+/g) ?? []).toEqual([]);
  expect(code).not.toMatch(/\bimport\(|importScripts|cdn\./i);
});
