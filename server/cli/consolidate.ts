/**
 * `yanbiao consolidate <files or folders> --term 2025春 -o report.xlsx`: the district's merged report from files
 * received by chat or e-mail, with no server. Each file's school comes from its name (`WTQ-SY_论文.xlsx`) or title
 * row (`五通桥区实验小学2025年春季学期论文统计表`). A file with any error is left out whole (as the server refuses
 * such an upload) and listed; the report of the usable files is still written. Exit code: 0 every file merged,
 * 1 some file left out or unreadable, 2 nothing to do (bad arguments, no .xlsx found).
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isValidYmd } from '../../shared/normalise/date';
import { isTerm, termOf, todayIso } from '../../shared/term';
import { consolidate, type ConsolidateResult } from '../report/consolidate/run';
import { flag, parseArgs, type Command } from './command';
import { definitionFromFlags } from './registers-flag';

/** Every .xlsx named on the command line or inside a named folder (recursively; Excel's ~$ lock files skipped). */
export async function listXlsx(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  async function walk(p: string): Promise<void> {
    const s = await stat(p).catch(() => null);
    if (!s) throw new Error(`找不到“${p}”`);
    if (s.isDirectory()) {
      for (const e of (await readdir(p)).sort()) {
        const full = join(p, e);
        if ((await stat(full)).isDirectory()) await walk(full);
        else if (/\.xlsx$/i.test(e) && !e.startsWith('~$')) out.push(full);
      }
    } else out.push(p);
  }
  for (const p of paths) await walk(p);
  return [...new Set(out.map((f) => resolve(f)))];
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null) => (x === null ? '—' : x.toFixed(2));

/** The Chinese summary printed at the end. */
export function describeRun(r: ConsolidateResult, out: string): string {
  const d = r.summary.district;
  const merged = r.outcomes.filter((o) => o.status === 'merged');
  const left = r.outcomes.filter((o) => o.status !== 'merged');
  const lines = [
    `汇总完成：${r.summary.term}（统计截至 ${r.summary.asOf}）`,
    `  文件 ${r.outcomes.length} 个：汇总 ${merged.length} 个，未汇总 ${left.length} 个`,
    `  学校 ${r.schools.length} 所，在岗教师 ${d.teachers} 人`,
    `  ${(r.summary.registers ?? []).map((x) => `${x.name} ${r.stats.rows[x.code] ?? 0} 行`).join('，')}`,
    // The definition's targets (the built-in ones: 县二等奖及以上或发表人均 ≥ 1, 40岁以下论文参与率 = 100%).
    ...(d.metrics ?? []).filter((m) => m.target).map((m) => `  ${m.name} ${m.value === null ? '未上报' : m.format === 'percent' ? pct(m.value) : num(m.value)}（目标 ${m.target}，${m.schoolsMet ?? 0} 所学校达标）`),
    `  问题清单 ${r.stats.issues} 条${r.duplicates ? `，其中跨校重复（论文题目相同、反思高度相似）${r.duplicates} 条` : ''}`,
  ];
  if (left.length) {
    lines.push('', '未汇总的文件（请学校修改后重新报送）：');
    for (const o of left) {
      const why = o.reason ?? `${o.errors} 个错误`;
      const first = o.findings.find((f) => f.severity === 'error');
      const where = first ? `，如 ${first.sheet} 第 ${first.row} 行${first.col ? ` ${first.col} 列` : ''}：${first.message}` : '';
      lines.push(`  ${basename(o.file)}：${why}${where}`);
    }
  }
  lines.push('', `报表已写入：${out}`);
  return lines.join('\n') + '\n';
}

export const consolidateCommand: Command = {
  name: 'consolidate',
  usage: 'consolidate <文件或文件夹…> --term 2025春 [-o 汇总.xlsx] [--as-of 2025-06-30] [--jobs 2] [--registers 定义.xlsx]',
  summary: '不经服务器，把各校报来的登记表汇总成区级报表（退出码：0 全部汇总，1 有文件因错误未汇总，2 参数有误）',
  async run(args) {
    const { positional, flags } = parseArgs(args);
    const asOf = flag(flags, 'as-of', 'asof') ?? todayIso();
    const term = flag(flags, 'term') ?? termOf(asOf);
    const bad = !positional.length
      ? `用法：yanbiao ${this.usage}`
      : !isTerm(term)
        ? `学期格式不正确：“${term}”，应为如 2025春 或 2025秋`
        : !/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isValidYmd(+asOf.slice(0, 4), +asOf.slice(5, 7), +asOf.slice(8, 10))
          ? `日期格式不正确：“${asOf}”，应为如 2025-06-30`
          : null;
    const jobs = flag(flags, 'jobs') === undefined ? undefined : Number(flag(flags, 'jobs'));
    if (bad || (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1))) {
      process.stderr.write(`${bad ?? `--jobs 应为正整数`}\n`);
      return 2;
    }
    const out = resolve(flag(flags, 'o', 'out', 'output') ?? `区级汇总_${term}.xlsx`);
    let files: string[];
    try {
      files = (await listXlsx(positional)).filter((f) => f !== out);
    } catch (e) {
      process.stderr.write(`${(e as Error).message}\n`);
      return 2;
    }
    if (!files.length) {
      process.stderr.write('没有找到 .xlsx 文件\n');
      return 2;
    }
    let definition;
    try {
      definition = await definitionFromFlags(flags);
    } catch (e) {
      process.stderr.write(`${(e as Error).message}\n`);
      return 2;
    }
    await mkdir(dirname(out), { recursive: true });
    const tty = process.stderr.isTTY;
    const result = await consolidate(files, {
      term,
      asOf,
      out,
      jobs,
      definition,
      onFile: tty ? (_o, done, total) => process.stderr.write(`\r读取 ${done}/${total}`) : undefined,
    });
    if (tty) process.stderr.write('\n');
    process.stdout.write(describeRun(result, out));
    return result.outcomes.some((o) => o.status !== 'merged') ? 1 : 0;
  },
};
