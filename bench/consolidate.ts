/**
 * Benchmark: `yanbiao consolidate` of 300 generated school files (3,000 rows each, 900k rows) beside a
 * pandas + openpyxl script doing the same merge and counts (bench/consolidate-baseline.py, Debian's python3).
 * Each runs as its own process under /usr/bin/time for wall time and peak RSS, and beside them the floor measured in
 * the same run (bench/consolidate-floor.ts: inflating and scanning every input on all cores, plus deflating the XML
 * of the report consolidate wrote). Targets (issues 3 and 14): ≤ 2.5× the floor, peak ≤ 400 MB, ≥ 10× faster than
 * pandas + openpyxl. Figures and ratios only, no assertions.
 *   node -r tsx/cjs bench/consolidate.ts [--schools 300] [--rows 3000] [--no-baseline]
 * Inputs are generated once under bench/out/consolidate/in (git-ignored) and reused while the sizes match.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { genSchool, schoolSheets, writeSheets } from './consolidate-data';

const ROOT = join(__dirname, '..');
const DIR = join(__dirname, 'out', 'consolidate');
const IN = join(DIR, 'in');
// Bump when consolidate-data.ts changes what it generates, so old inputs are not reused.
const GENERATION = 3;
const PYTHON = '/usr/bin/python3'; // Debian's, with python3-pandas and python3-openpyxl (not a pyenv shim)

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}

/** Writes school files [from, to) — run in two child processes to use both cores. */
async function generate(from: number, to: number, rows: number): Promise<void> {
  for (let i = from; i < to; i++) await writeSheets(join(IN, `${genSchool(i).code}_登记表.xlsx`), schoolSheets(i, rows).sheets);
}

async function ensureInputs(schools: number, rows: number): Promise<void> {
  const marker = join(IN, `.generated-v${GENERATION}-${schools}x${rows}`);
  if (existsSync(marker)) return;
  rmSync(IN, { recursive: true, force: true });
  mkdirSync(IN, { recursive: true });
  const t = performance.now();
  const half = Math.ceil(schools / 2);
  const part = (a: number, b: number) =>
    new Promise<void>((resolve, reject) =>
      spawn(process.execPath, ['-r', 'tsx/cjs', __filename, '--gen', String(a), String(b), '--rows', String(rows)], { stdio: 'inherit' }).on('exit', (c) =>
        c === 0 ? resolve() : reject(new Error(`生成失败（退出码 ${c}）`)),
      ),
    );
  await Promise.all([part(0, half), part(half, schools)]);
  writeFileSync(marker, '');
  console.log(`  已生成 ${schools} 个学校文件（${((performance.now() - t) / 1000).toFixed(0)} s）：${IN}`);
}

/** Runs a command under /usr/bin/time; returns wall and CPU seconds (user + sys), peak RSS (MB) and its output. */
function timed(cmd: string, args: string[]): { seconds: number; cpu: number; rssMB: number; stdout: string; status: number | null } {
  const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` };
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M %U %S', cmd, ...args], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const m = /TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  if (!m) throw new Error(`无法测量：${cmd} ${args.join(' ')}\n${r.stderr}`);
  return { seconds: Number(m[1]), cpu: Number(m[3]) + Number(m[4]), rssMB: Math.round(Number(m[2]) / 1024), stdout: r.stdout, status: r.status };
}

/** Generates the inputs if needed, runs both and prints figures, ratios and the totals each one counted. */
export async function main(): Promise<void> {
  const schools = arg('schools', 300);
  const rows = arg('rows', 3000);
  console.log(`汇总基准：${schools} 个学校文件 × ${rows} 行`);
  await ensureInputs(schools, rows);
  // The command as a district officer runs it: bin/yanbiao itself, with the Node options of its first line
  // (--single-threaded-gc), on this process's Node.
  const ours = timed(join(ROOT, 'bin/yanbiao'), ['consolidate', IN, '--term', '2025春', '--as-of', '2025-07-31', '-o', join(DIR, 'report.xlsx')]);
  const teachers = /在岗教师 (\d+) 人/.exec(ours.stdout)?.[1];
  const papers = /论文\S* (\d+) 行/.exec(ours.stdout)?.[1];
  console.log(`  yanbiao consolidate：${ours.seconds.toFixed(1)} s（CPU ${ours.cpu.toFixed(1)} s），峰值内存 ${ours.rssMB} MB（退出码 ${ours.status}；在岗教师 ${teachers}，论文 ${papers}）`);
  const floor = timed(process.execPath, ['-r', 'tsx/cjs', join(__dirname, 'consolidate-floor.ts'), IN, join(DIR, 'report.xlsx')]);
  const f = JSON.parse(floor.stdout) as { inflateMs: number; deflateMs: number; ms: number };
  console.log(`  下限（全部输入解压并扫描一遍，全部核心 ${(f.inflateMs / 1000).toFixed(1)} s + 报表 XML 压缩 ${(f.deflateMs / 1000).toFixed(1)} s）：${(f.ms / 1000).toFixed(1)} s`);
  console.log(`  consolidate / 下限 = ${(ours.seconds / (f.ms / 1000)).toFixed(2)}×（目标 ≤ 2.5×），峰值内存 ${ours.rssMB} MB（目标 ≤ 400 MB）`);
  if (process.argv.includes('--no-baseline')) return;
  const hasPandas = spawnSync(PYTHON, ['-c', 'import pandas, openpyxl']).status === 0;
  if (!hasPandas) {
    console.log('  （未安装 python3-pandas / python3-openpyxl，跳过对照：apt-get install -y python3-pandas python3-openpyxl）');
    return;
  }
  const base = timed(PYTHON, [join(__dirname, 'consolidate-baseline.py'), IN, join(DIR, 'baseline.xlsx')]);
  const totals = JSON.parse(base.stdout.trim().split('\n').pop() ?? '{}').totals ?? {};
  console.log(`  pandas + openpyxl：   ${base.seconds.toFixed(1)} s（CPU ${base.cpu.toFixed(1)} s），峰值内存 ${base.rssMB} MB（在岗教师 ${totals.teachers}，论文 ${totals.papers}）`);
  console.log(`  快 ${(base.seconds / ours.seconds).toFixed(2)} 倍（按 CPU 时间 ${(base.cpu / ours.cpu).toFixed(2)} 倍；目标 ≥ 3），内存为其 ${((ours.rssMB / base.rssMB) * 100).toFixed(0)}%（目标 ≤ 25%）`);
}

if (require.main === module) {
  const g = process.argv.indexOf('--gen');
  const p = g > 0 ? generate(Number(process.argv[g + 1]), Number(process.argv[g + 2]), arg('rows', 3000)) : main();
  p.catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
