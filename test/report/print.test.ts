/**
 * The merged report as a district prints it: consolidated from generated school files, then printed to PDF by
 * LibreOffice (what `libreoffice --headless --convert-to pdf` makes of Excel's page setup), checked page by page:
 * A4 landscape, text no smaller than legible print, 区级汇总's header row and school columns on every page of it, the
 * cross tables on their own pages. The pages are also rendered to PNG under test/artifacts/report/ to be looked at.
 * LibreOffice and poppler-utils come from Debian (.ci/deps installs them).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schoolSheets, writeSheets } from '../../bench/consolidate-data';
import { consolidate } from '../../server/report/consolidate/run';

const ARTIFACTS = join(__dirname, '..', 'artifacts', 'report');
const dir = mkdtempSync(join(tmpdir(), 'yanbiao-print-'));
const xlsx = join(dir, '区级汇总.xlsx');
let pages: { text: string; words: { h: number }[] }[] = [];
let size = '';

beforeAll(async () => {
  const files = [];
  for (let i = 0; i < 8; i++) {
    const f = join(dir, `WTQ-00${i + 1}_登记表.xlsx`);
    await writeSheets(f, schoolSheets(i, 40).sheets);
    files.push(f);
  }
  await consolidate(files, { term: '2025春', asOf: '2025-07-31', out: xlsx, jobs: 1 });
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', dir, xlsx], { timeout: 180_000, stdio: 'ignore' });
  const pdf = join(dir, '区级汇总.pdf');
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  size = /Page size:\s+(.+)/.exec(info)?.[1] ?? '';
  const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  // Each page's text, and each word's box height (≈ its font size in points).
  const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pageXml = bbox.split('<page ').slice(1);
  pages = pageXml.map((p) => ({
    text: [...p.matchAll(/>([^<]*)<\/word>/g)].map((m) => m[1]).join(' '),
    words: [...p.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => ({ h: Number(m[2]) - Number(m[1]) })),
  }));
  expect(pages).toHaveLength(count);
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-l', '12', pdf, join(ARTIFACTS, 'page')], { timeout: 120_000 });
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The median word height of a page, in points. */
function median(p: { words: { h: number }[] }): number {
  const hs = p.words.map((w) => w.h).sort((a, b) => a - b);
  return hs[Math.floor(hs.length / 2)] ?? 0;
}

test('A4 landscape, and every page readable: the median text at least 7 pt (the 11 pt text at 64% or more)', () => {
  expect(size).toMatch(/^841\.\d+ x 595\.\d+ pts/);
  const small = pages.map((p, i) => ({ page: i + 1, pt: Math.round(median(p) * 10) / 10 })).filter((p) => p.pt < 7);
  expect(small).toEqual([]);
});

test('区级汇总 takes few pages, each with its header row and the school names', () => {
  const summary = pages.filter((p) => p.text.includes('在岗教师') || p.text.includes('反思完成率'));
  expect(summary.length).toBeGreaterThan(0);
  expect(summary.length).toBeLessThanOrEqual(4);
  for (const p of summary) {
    expect(p.text).toContain('学校');
    expect(p.text).toMatch(/竹根实验小学/); // the school names repeat on every page of it
  }
});

test('the cross tables print on their own pages, not under 区级汇总’s header row', () => {
  const cross = pages.filter((p) => p.text.includes('全区分类统计'));
  expect(cross).toHaveLength(1);
  expect(cross[0].text).toContain('级别 × 获奖等级');
  expect(cross[0].text).not.toContain('在岗教师');
});
