/**
 * Benchmark: the merged report for 300 schools × 3,000 rows (900k rows) beside the floor — exceljs's streaming
 * writer writing the same rows with nothing else. The report is written by our own lean .xlsx writer
 * (server/report/xlsx: inline strings, a fixed style table, deflate level 2 on zlib's thread pool) from the rows read
 * once, school by school, each school tallied as they pass, as the server does (views/summary.ts termRows). Both
 * variants read the same rows in pages, as a store hands them over. Each variant runs in its own child process so its
 * peak RSS is its own. Targets (issue 14): time ≤ 0.5× the floor, peak ≤ 400 MB. Figures and ratios only, no
 * assertions.
 *   node -r tsx/cjs bench/report.ts [--schools 300] [--rows 3000] [--rounds 2]
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SchoolTally, assembleSummary, type SchoolSummary } from '../shared/metrics';
import { KINDS, type KindId } from '../shared/types';
import { TEMPLATES } from '../shared/templates';
import { writeReport, type KindRow, type ReportRow } from '../server/report/write';
import { genSchool } from './consolidate-data';
import { fieldsOf, schoolRecords } from './report-rows';

const OUT = join(__dirname, 'out');
const TERM = { term: '2025春', asOf: '2025-07-31' };

/** Where the rows wait as JSON lines: per kind `[school, values]`, and school by school `[school, kind, values]`. */
const rowsFile = (part: KindId | 'by-school', schools: number, rows: number) => join(OUT, `report-rows-${schools}x${rows}-${part}.jsonl`);
const PARTS = [...KINDS, 'by-school'] as const;

/**
 * The rows as a store hands them over, written once (not timed): every school's records generated once, into a
 * JSON-lines file per kind (the report's sheets read them kind by kind) and one school by school (the summary reads
 * them as the server's termSummary does, one school's tally at a time). Both variants read and parse them row by
 * row, as the server decodes rows from its store, so neither pays for the generator (which makes every school's
 * five registers to hand out one).
 */
function prepare(schools: number, rows: number): void {
  if (PARTS.every((k) => existsSync(rowsFile(k, schools, rows)))) return;
  const tmp = (k: (typeof PARTS)[number]) => `${rowsFile(k, schools, rows)}.part`;
  for (const k of PARTS) writeFileSync(tmp(k), '');
  for (let i = 0; i < schools; i++) {
    const code = genSchool(i).code;
    const recs = schoolRecords(i, rows);
    for (const k of KINDS) appendFileSync(tmp(k), recs[k].map((r) => JSON.stringify([code, r.values]) + '\n').join(''));
    appendFileSync(tmp('by-school'), KINDS.flatMap((k) => recs[k].map((r) => JSON.stringify([code, k, r.values]) + '\n')).join(''));
  }
  for (const k of PARTS) renameSync(tmp(k), rowsFile(k, schools, rows));
}

/**
 * One file's lines read back and parsed, a page at a time (a store hands rows over in pages too), in 64 KB
 * chunks: with 1 MB ones each chunk's thousands of line strings outlived two scavenges, went to the old
 * generation, and both variants' peak RSS grew with the district (354 MB at 100 schools instead of 230 MB).
 */
async function* readPages<T>(file: string): AsyncGenerator<T[]> {
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    yield lines.map((line) => JSON.parse(line) as T);
  }
}

/** One kind's rows, every school's in turn, in pages. */
async function* readRows(kind: KindId, schools: number, rows: number): AsyncGenerator<ReportRow[]> {
  for await (const page of readPages<[string, ReportRow['values']]>(rowsFile(kind, schools, rows))) yield page.map(([school, values]) => ({ school, values }));
}

/** Floor: one sheet per kind, rows added and committed, nothing else (no styles, widths, summary or waiting). */
async function floor(schools: number, rows: number): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(OUT, 'report-floor.xlsx'), useStyles: false, useSharedStrings: false });
  const names = new Map<string, string>();
  for (let i = 0; i < schools; i++) names.set(genSchool(i).code, genSchool(i).name);
  let n = 0;
  for (const kind of KINDS) {
    const ws = wb.addWorksheet(TEMPLATES[kind].title);
    const fields = fieldsOf(kind);
    ws.addRow(['学校代码', '学校', ...fields]).commit();
    for await (const page of readRows(kind, schools, rows))
      for (const r of page) {
        ws.addRow([r.school, names.get(r.school), ...fields.map((f) => { const v = r.values[f]; return Array.isArray(v) ? v.join('、') : v ?? undefined; })]).commit();
        n++;
      }
    ws.commit();
  }
  await wb.commit();
  return n;
}

/** Wall and CPU milliseconds since `t`/`c` (CPU of every thread: the main one and zlib's pool). */
function since(t: number, c: NodeJS.CpuUsage): { ms: number; cpuMs: number } {
  const u = process.cpuUsage(c);
  return { ms: Math.round(performance.now() - t), cpuMs: Math.round((u.user + u.system) / 1000) };
}

/**
 * The product, as the server writes it (views/summary.ts termRows): the rows read once, school by school, each
 * school's tally fed as they pass while writeReport fills the register sheets side by side; the summary sheet is
 * written when the last row has gone by. Returns the rows written and the time the tally took within it.
 */
async function report(schools: number, rows: number): Promise<{ n: number; summary: { ms: number; cpuMs: number } }> {
  const lines: SchoolSummary[] = [];
  let tallyNs = 0n;
  async function* allRows(): AsyncGenerator<KindRow[]> {
    // School by school, one tally open at a time (300 open tallies would hold ~250 MB).
    let tally: SchoolTally | undefined;
    for await (const page of readPages<[string, KindId, ReportRow['values']]>(rowsFile('by-school', schools, rows))) {
      const t = process.hrtime.bigint();
      const out: KindRow[] = new Array(page.length);
      for (let j = 0; j < page.length; j++) {
        const [school, kind, values] = page[j];
        if (tally?.school.code !== school) {
          if (tally) lines.push(tally.finish());
          const i = lines.length;
          if (genSchool(i).code !== school) throw new Error(`rows out of school order: ${school}`);
          tally = new SchoolTally({ ...genSchool(i), type: '小学' }, TERM);
        }
        tally.add(kind, values);
        out[j] = { school, kind, values };
      }
      tallyNs += process.hrtime.bigint() - t;
      yield out;
    }
    if (tally) lines.push(tally.finish());
  }
  const names = Array.from({ length: schools }, (_, i) => genSchool(i));
  const stats = await writeReport(createWriteStream(join(OUT, 'report-merged.xlsx')), {
    schools: names,
    summary: () => assembleSummary(TERM, lines),
    allRows: allRows(),
  });
  return { n: Object.values(stats.rows).reduce((a, b) => a + b, 0), summary: { ms: Number(tallyNs / 1_000_000n), cpuMs: Number(tallyNs / 1_000_000n) } };
}

/** Runs one variant in this process and prints {ms, cpuMs, rows, rssMB} (and the summary's share for the report). */
async function child(variant: string, schools: number, rows: number): Promise<void> {
  const t = performance.now();
  const c = process.cpuUsage();
  const r = variant === 'floor' ? { n: await floor(schools, rows), summary: undefined } : await report(schools, rows);
  const took = since(t, c);
  process.stdout.write(JSON.stringify({ variant, ...took, rows: r.n, summary: r.summary, rssMB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
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
  prepare(schools, rows);
  const run = (variant: string) =>
    JSON.parse(execFileSync(process.execPath, ['-r', 'tsx/cjs', __filename, '--child', variant, '--schools', String(schools), '--rows', String(rows)], { encoding: 'utf8', maxBuffer: 1 << 20 }));
  const rounds = arg('rounds', 2);
  console.log(`合并报表基准：${schools} 所学校 × ${rows} 行（各行预先写成 JSON 行文件，两种写法都逐行读出解析），两种写法交替各跑 ${rounds} 次（取最快一次的时间、最高一次的内存）`);
  type Took = { ms: number; cpuMs: number };
  type Fig = Took & { rows: number; rssMB: number; summary?: Took };
  const min = (a: Took, b: Took): Took => ({ ms: Math.min(a.ms, b.ms), cpuMs: Math.min(a.cpuMs, b.cpuMs) });
  const best = (a: Fig | undefined, b: Fig): Fig =>
    a ? { rows: b.rows, ...min(a, b), rssMB: Math.max(a.rssMB, b.rssMB), summary: a.summary && b.summary ? min(a.summary, b.summary) : b.summary } : b;
  let f: Fig | undefined;
  let r: Fig | undefined;
  for (let i = 0; i < rounds; i++) {
    // Alternating evens out the noise of other processes on the machine.
    f = best(f, run('floor'));
    r = best(r, run('report'));
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const line = (x: Fig) => `${x.rows} 行，${s(x.ms)}（CPU ${s(x.cpuMs)}），峰值内存 ${x.rssMB} MB`;
  console.log(`  exceljs 流式写入（下限）：${line(f!)}`);
  console.log(`  研表合并报表（自写精简 xlsx 写入器，含汇总）：${line(r!)}`);
  const sum = r!.summary!;
  console.log(`    其中汇总统计（逐行计算指标）${s(sum.ms)}（CPU ${s(sum.cpuMs)}），写入报表 ${s(r!.ms - sum.ms)}（CPU ${s(r!.cpuMs - sum.cpuMs)}）`);
  console.log(`  时间比 ${(r!.ms / f!.ms).toFixed(2)}×（目标 ≤ 0.5×；CPU 比 ${(r!.cpuMs / f!.cpuMs).toFixed(2)}×），不含汇总统计 ${((r!.ms - sum.ms) / f!.ms).toFixed(2)}×`);
  console.log(`  峰值内存 ${r!.rssMB} MB（目标 ≤ 400 MB），下限的峰值内存 ${f!.rssMB} MB`);
}

if (require.main === module) {
  const i = process.argv.indexOf('--child');
  const p = i > 0 ? child(process.argv[i + 1], arg('schools', 300), arg('rows', 3000)) : main();
  p.catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
