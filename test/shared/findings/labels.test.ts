/**
 * One word for one thing on every surface a user reads (CLI, add-in, web page, report, Google Sheets): a finding
 * that does not block an upload is a 警告 (never 提醒 or 提示), ages are “40岁以下” (never ≤40岁 or 40周岁以下),
 * and 问题清单 names each problem in Chinese.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FINDING_CODES } from '../../../shared/findings/codes';
import { CODE_ZH, SEVERITY_ZH } from '../../../shared/findings/labels';

const ROOT = join(__dirname, '../../..');
/** Source files whose strings users read. */
const SURFACES = ['server/web/src', 'server/report', 'server/cli', 'server/views', 'server/sheets', 'server/upload', 'server/cross', 'addin', 'shared'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    if (e === 'dist' || e === 'node_modules') return [];
    return statSync(p).isDirectory() ? files(p) : /\.(ts|html)$/.test(e) ? [p] : [];
  });
}

/** The string literals of a file (quotes and template text), comments left out. */
function literals(src: string): string[] {
  const noComments = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return [...noComments.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

test('no surface calls a non-blocking finding 提醒 or 提示, nor writes ages as ≤40岁 or 40周岁以下', () => {
  const offenders: string[] = [];
  for (const f of SURFACES.flatMap((d) => files(join(ROOT, d)))) {
    for (const s of literals(readFileSync(f, 'utf8'))) {
      // 提示 as a column of the definition workbook (a cell's hint text) is another thing, and stays; so is an
      // indicator's 条件 (出生年月 ≤ 40岁 is a comparison, not a label).
      const label = s.replace(/出生年月\s*[≤<]\s*\d+\s*岁/g, '');
      if (/提醒|条提示|提示数|跨校提示|服务器提示|'提示'/.test(s) || /≤\s*40\s*岁|40\s*周岁以下/.test(label)) offenders.push(`${f.slice(ROOT.length + 1)}: ${s.slice(0, 60)}`);
    }
  }
  expect(offenders).toEqual([]);
});

test('警告 and 错误 are the severities; every finding code has its Chinese name', () => {
  expect(SEVERITY_ZH).toEqual({ error: '错误', warning: '警告' });
  for (const c of FINDING_CODES) expect([c, /[\u4e00-\u9fff]/.test(CODE_ZH[c])]).toEqual([c, true]);
  expect(new Set(Object.values(CODE_ZH)).size).toBe(Object.keys(CODE_ZH).length);
});
