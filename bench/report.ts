/**
 * Benchmark: the merged report for 300 schools × 3,000 rows (900k rows) beside the floor — exceljs's streaming
 * writer writing the same rows with nothing else. Each variant runs in its own child process so its peak RSS is
 * its own. Targets (issue 3): time ≤ 1.5× the floor, peak ≤ 400 MB. Figures and ratios only, no assertions.
 *   node -r tsx/cjs bench/report.ts [--schools 300] [--rows 3000]
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SchoolTally, assembleSummary } from '../shared/metrics';
import { KINDS } from '../shared/types';
import { TEMPLATES } from '../shared/templates';
import { writeReport } from '../server/report/write';
import { genSchool } from './consolidate-data';
import { fieldsOf, kindRows, schoolRecords } from './report-rows';

const OUT = join(__dirname, 'out');
const TERM = { term: '2025春', asOf: '2025-07-31' };

/** Floor: one sheet per kind, rows added and committed, nothing else (no styles, widths, summary or waiting). */
async function floor(schools: number, rows: number): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(OUT, 'report-floor.xlsx'), useStyles: false, useSharedStrings: false });
  let n = 0;
  for (const kind of KINDS) {
    const ws = wb.addWorksheet(TEMPLATES[kind].title);
    const fields = fieldsOf(kind);
    ws.addRow(['学校代码', '学校', ...fields]).commit();
    const names = new Map<string, string>();
    for (let i = 0; i < schools; i++) names.set(genSchool(i).code, genSchool(i).name);
    for (const r of kindRows(kind, schools, rows)) {
      ws.addRow([r.school, names.get(r.school), ...fields.map((f) => { const v = r.values[f]; return Array.isArray(v) ? v.join('、') : v ?? undefined; })]).commit();
      n++;
    }
    ws.commit();
  }
  await wb.commit();
  return n;
}

/** The product: the summary tallied from the same rows, then writeReport with every sheet. */
async function report(schools: number, rows: number): Promise<number> {
  const lines = [];
  for (let i = 0; i < schools; i++) {
    const s = genSchool(i);
    const tally = new SchoolTally({ ...s, type: '小学' }, TERM);
    const recs = schoolRecords(i, rows);
    for (const kind of KINDS) for (const r of recs[kind]) tally.add(kind, r.values);
    lines.push(tally.finish());
  }
  const summary = assembleSummary(TERM, lines);
  const data = { summary, rows: Object.fromEntries(KINDS.map((k) => [k, kindRows(k, schools, rows)])) };
  const stats = await writeReport(createWriteStream(join(OUT, 'report-merged.xlsx')), data);
  return Object.values(stats.rows).reduce((a, b) => a + b, 0);
}

/** Runs one variant in this process and prints {ms, rows, rssMB}. */
async function child(variant: string, schools: number, rows: number): Promise<void> {
  const t = performance.now();
  const n = variant === 'floor' ? await floor(schools, rows) : await report(schools, rows);
  const ms = performance.now() - t;
  process.stdout.write(JSON.stringify({ variant, ms: Math.round(ms), rows: n, rssMB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
}

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}

/** Runs both variants (each in a child process) and prints the figures and ratios. */
export async function main(): Promise<void> {
  const schools = arg('schools', 300);
  const rows = arg('rows', 3000);
  mkdirSync(OUT, { recursive: true });
  const run = (variant: string) =>
    JSON.parse(execFileSync(process.execPath, ['-r', 'tsx/cjs', __filename, '--child', variant, '--schools', String(schools), '--rows', String(rows)], { encoding: 'utf8', maxBuffer: 1 << 20 }));
  const rounds = arg('rounds', 2);
  console.log(`合并报表基准：${schools} 所学校 × ${rows} 行，两种写法交替各跑 ${rounds} 次（取最快一次的时间、最高一次的内存）`);
  type Fig = { ms: number; rows: number; rssMB: number };
  const best = (a: Fig | undefined, b: Fig): Fig => (a ? { rows: b.rows, ms: Math.min(a.ms, b.ms), rssMB: Math.max(a.rssMB, b.rssMB) } : b);
  let f: Fig | undefined;
  let r: Fig | undefined;
  for (let i = 0; i < rounds; i++) {
    // Alternating evens out the noise of other processes on the machine.
    f = best(f, run('floor'));
    r = best(r, run('report'));
  }
  console.log(`  exceljs 流式写入（下限）：${f!.rows} 行，${(f!.ms / 1000).toFixed(1)} s，峰值内存 ${f!.rssMB} MB`);
  console.log(`  研表合并报表（含汇总）：  ${r!.rows} 行，${(r!.ms / 1000).toFixed(1)} s，峰值内存 ${r!.rssMB} MB`);
  console.log(`  时间比 ${(r!.ms / f!.ms).toFixed(2)}×（目标 ≤ 1.5×），峰值内存 ${r!.rssMB} MB（目标 ≤ 400 MB），下限的峰值内存 ${f!.rssMB} MB`);
}

if (require.main === module) {
  const i = process.argv.indexOf('--child');
  const p = i > 0 ? child(process.argv[i + 1], arg('schools', 300), arg('rows', 3000)) : main();
  p.catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
