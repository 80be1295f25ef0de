/**
 * Near-duplicate detection alone (issue 14): the band keys of every reflection title of the consolidate bench's
 * schools, computed by today's code and by the code before the string-free shingle hashing
 * (bench/baseline/similarity.ts), alternately in this process, best of several runs; then the district-wide check
 * (ReflectionCheck: sort the band keys, confirm candidates) over the same rows. Each run bands texts it has not seen
 * (the current code remembers recent texts' keys, which the per-sheet check and the district check share). Figures
 * and ratios only.
 *   node -r tsx/cjs bench/near-dup.ts   (env BENCH_SCHOOLS, default 300; BENCH_ROWS, default 3000)
 */
import { bandTable, ReflectionCheck } from '../server/report/consolidate/near-dup';
import { LSH_BANDS } from '../shared/similarity';
import * as before from './baseline/similarity';
import { schoolSheets } from './consolidate-data';

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 300);
const ROWS = Number(process.env.BENCH_ROWS ?? 3000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** The old path: band keys as strings, then each hashed to a number, as bandTable did. */
function oldTable(titles: string[]): Uint32Array {
  const out = new Uint32Array(titles.length * LSH_BANDS);
  titles.forEach((t, n) => out.set(before.textBands(t, before.RULES.title).map(before.hash32), n * LSH_BANDS));
  return out;
}

/** Runs the benchmark and prints its figures. */
export async function main(): Promise<void> {
  const rows: { school: string; title: string; teacher: string; row: number }[] = [];
  for (let i = 0; i < SCHOOLS; i++) {
    const refl = schoolSheets(i, ROWS).sheets.find((s) => s.sheet === '学月反思')!;
    refl.rows.forEach((r, n) => rows.push({ school: String(i), title: String(r[2] ?? ''), teacher: String(r[1] ?? ''), row: n + 3 }));
  }
  const titles = rows.map((r) => r.title);
  let oldBest = Infinity;
  let newBest = Infinity;
  let same = true;
  let table: Uint32Array = new Uint32Array(0);
  for (let i = 0; i < RUNS; i++) {
    // Titles new to each run (the current code remembers recent texts' keys: a repeat would be a lookup).
    const these = i === RUNS - 1 ? titles : titles.map((x) => `${x}${i}`);
    let t = performance.now();
    const a = oldTable(these);
    oldBest = Math.min(oldBest, performance.now() - t);
    t = performance.now();
    table = bandTable(these);
    newBest = Math.min(newBest, performance.now() - t);
    same &&= a.length === table.length && a.every((v, k) => v === table[k]);
  }
  const t = performance.now();
  const check = new ReflectionCheck((s) => s, rows.length);
  rows.forEach((r, n) => check.add(r.school, '学月反思', r.row, { 题目: r.title, 教师: r.teacher }, table.subarray(n * LSH_BANDS, (n + 1) * LSH_BANDS)));
  const found = check.finish().length;
  const checkMs = performance.now() - t;
  const rate = (ms: number) => Math.round(rows.length / (ms / 1000)).toLocaleString();
  process.stdout.write(
    [
      `学月反思题目 ${rows.length.toLocaleString()} 条（${SCHOOLS} 校，取 ${RUNS} 次中最快）：`,
      `  分带哈希（现在）：${newBest.toFixed(0)} ms，${rate(newBest)} 条/秒`,
      `  分带哈希（改前，基线）：${oldBest.toFixed(0)} ms，${rate(oldBest)} 条/秒；快 ${(oldBest / newBest).toFixed(2)} 倍，结果${same ? '完全一致' : '不一致！'}`,
      `  全区比对（排序分带键 + 核实候选）：${checkMs.toFixed(0)} ms，${rate(checkMs)} 条/秒，发现 ${found} 条疑似雷同`,
    ].join('\n') + '\n',
  );
}

if (require.main === module) main();
