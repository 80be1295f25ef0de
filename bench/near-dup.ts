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

/** The band values the old code's keys spell (`<band>:<value in base 36>`), exact. */
function exactTable(titles: string[]): Uint32Array {
  const out = new Uint32Array(titles.length * LSH_BANDS);
  titles.forEach((t, n) => out.set(before.textBands(t, before.RULES.title).map((k) => parseInt(k.slice(k.indexOf(':') + 1), 36)), n * LSH_BANDS));
  return out;
}

/**
 * How a table of grouping keys groups the rows against the stored keys' band values: `split` counts values whose rows
 * got different keys, `merged` keys shared by different values. Both are 32-bit collisions, of the stored values (a
 * hash of the band's four signature values) or of the grouping keys (another hash of the same four values).
 */
function grouping(exact: Uint32Array, keys: Uint32Array): { split: number; merged: number } {
  const keyOf = new Map<number, number>();
  const valueOf = new Map<number, number>();
  let split = 0;
  let merged = 0;
  for (let k = 0; k < exact.length; k++) {
    const band = k % LSH_BANDS;
    const x = exact[k] * LSH_BANDS + band;
    const y = keys[k] * LSH_BANDS + band;
    const seen = keyOf.get(x);
    if (seen === undefined) keyOf.set(x, y);
    else if (seen !== y) split++;
    const had = valueOf.get(y);
    if (had === undefined) valueOf.set(y, x);
    else if (had !== x) merged++;
  }
  return { split, merged };
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
  let groups = { split: -1, merged: -1 };
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
    // The old table holds 32-bit hashes of the keys (which collide now and then); the grouping is checked against
    // the keys themselves: the band values they spell.
    if (i === RUNS - 1) groups = grouping(exactTable(these), table);
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
      `  分带哈希（改前，基线）：${oldBest.toFixed(0)} ms，${rate(oldBest)} 条/秒；快 ${(oldBest / newBest).toFixed(2)} 倍`,
      `  分组与服务器所存分带键相比：键相同而分组不同 ${groups.split} 处，分组相同而键不同 ${groups.merged} 处——都是某一边 32 位哈希的碰撞（每带 27 万个值，两边各约百处）；同一带的 4 个签名值相同的题目总在一组（按构造），碰撞只多出或少出个别本不共带、需核实的候选`,
      `  全区比对（排序分带键 + 核实候选）：${checkMs.toFixed(0)} ms，${rate(checkMs)} 条/秒，发现 ${found} 条疑似雷同`,
    ].join('\n') + '\n',
  );
}

if (require.main === module) main();
