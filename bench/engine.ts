/**
 * Engine speed: 100,000 paper rows through validateWorkbook, beside a bare zod.safeParse loop over a hand-written
 * schema of the same rows (the baseline), in the same process. Prints rows/second and the ratio.
 */
import { z } from 'zod';
import { validateWorkbook } from '../shared';
import { paperGrid, PAPER_HEADER } from './papers-data';

const N = Number(process.env.BENCH_ROWS ?? 100_000);

const level = z.enum(['国家级', '省级', '市级', '区县级', '校级']);
const award = z.enum(['特等奖', '一等奖', '二等奖', '三等奖', '优秀奖']);
const date = z.union([z.number(), z.string().regex(/^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/)]);
/** The hand-written baseline: the same columns, typed, with the value sets, no normalising and no rules. */
const Baseline = z.object({
  教师: z.string().min(1),
  题目: z.string().min(1),
  类型: z.enum(['论文', '教学案例', '教学设计', '教育叙事', '课例', '随笔']),
  去向: z.enum(['评比', '投稿']),
  评比或刊物: z.string().min(1),
  级别: level.or(z.string()).nullable(),
  提交日期: date,
  状态: z.enum(['已提交', '已录用', '已发表', '获奖', '未获奖']),
  获奖等级: award.nullable(),
  刊号: z.string().nullable(),
  发表期次: z.string().nullable(),
  发表日期: z.string().nullable(),
});

/** Best of `runs`, in CPU milliseconds of this process (steadier than wall time when the machine is shared). */
function best(runs: number, f: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = process.cpuUsage();
    f();
    const d = process.cpuUsage(t);
    min = Math.min(min, (d.user + d.system) / 1000);
  }
  return min;
}

/** Runs the benchmark and prints its figures. */
export function main(): { engineRowsPerSec: number; baselineRowsPerSec: number; ratio: number } {
  const { papers, roster } = paperGrid(N);
  const objects = papers.slice(1).map((row) => Object.fromEntries(PAPER_HEADER.map((h, i) => [h, row[i] ?? null])));
  let findings = 0;
  let ok = 0;
  const engineMs = best(5, () => {
    const r = validateWorkbook(
      [
        { sheet: '名册', grid: roster },
        { sheet: '论文', grid: papers },
      ],
      { term: '2025春', asOf: '2025-06-30' },
    );
    findings = r.errors + r.warnings;
  });
  const baseMs = best(5, () => {
    ok = 0;
    for (const o of objects) if (Baseline.safeParse(o).success) ok++;
  });
  const engineRps = Math.round((N / engineMs) * 1000);
  const baseRps = Math.round((N / baseMs) * 1000);
  const ratio = engineMs / baseMs;
  process.stdout.write(
    [
      `引擎 engine：${N.toLocaleString()} 行论文，${engineMs.toFixed(0)} ms（CPU 时间），${engineRps.toLocaleString()} 行/秒（发现 ${findings} 条问题）`,
      `基线 zod.safeParse：${baseMs.toFixed(0)} ms，${baseRps.toLocaleString()} 行/秒（${ok} 行通过）`,
      `比值 engine/baseline：${ratio.toFixed(2)}×（目标 ≤ 2×，且 ≥ 200,000 行/秒）`,
    ].join('\n') + '\n',
  );
  return { engineRowsPerSec: engineRps, baselineRowsPerSec: baseRps, ratio };
}

if (require.main === module) main();
