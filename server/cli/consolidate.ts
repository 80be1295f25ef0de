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
import { isTerm, parseTerm, termOf, todayIso } from '../../shared/term';
import { consolidate, type ConsolidateResult } from '../report/consolidate/run';
import { flag, parseArgs, type Command, OPTIONS } from './command';
import { definitionFromFlags } from './registers-flag';

/** A file in a named folder that is not merged, and why (in Chinese, what the school should do). */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** Why a file found in a folder is not read, by its extension. */
function skipReason(name: string): string {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  switch (ext) {
    case 'xls':
      return '旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后重新报送';
    case 'et':
    case 'ett':
      return 'WPS 表格格式（.et），请在 WPS 中另存为 .xlsx 后重新报送';
    case 'xlsm':
    case 'xlsb':
    case 'ods':
    case 'numbers':
      return `.${ext} 文件，请另存为 Excel 工作簿（.xlsx）后重新报送`;
    case 'csv':
    case 'txt':
      return `.${ext} 文本文件不带登记表的格式，请用模板填写并保存为 .xlsx`;
    case 'doc':
    case 'docx':
    case 'wps':
      return 'Word 文档，不是登记表；请把表格放进 Excel 工作簿（.xlsx）';
    case 'pdf':
      return 'PDF 文件，无法读取其中的表格；请报送 .xlsx 原文件';
    case 'jpg':
    case 'jpeg':
    case 'png':
      return '图片（截图、照片），无法读取其中的表格；请报送 .xlsx 原文件';
    case 'zip':
    case 'rar':
    case '7z':
      return '压缩包，请先解压，再把其中的 .xlsx 放进文件夹';
    default:
      return '不是 .xlsx 文件';
  }
}

/** Files every folder holds that are no one's report (Excel's ~$ lock files, system files): passed over in silence. */
const NOISE = /^(~\$|\.)|^(thumbs\.db|desktop\.ini)$/i;

/**
 * Every .xlsx named on the command line or inside a named folder (recursively), and every other file found in a
 * folder with the reason it is not merged. A file named on the command line is always read (the reader says
 * what it is when it is not a workbook).
 */
export async function listInputs(paths: string[]): Promise<{ files: string[]; skipped: SkippedFile[] }> {
  const out: string[] = [];
  const skipped: SkippedFile[] = [];
  async function walk(p: string): Promise<void> {
    const s = await stat(p).catch(() => null);
    if (!s) throw new Error(`找不到“${p}”`);
    if (s.isDirectory()) {
      for (const e of (await readdir(p)).sort()) {
        const full = join(p, e);
        if ((await stat(full)).isDirectory()) await walk(full);
        else if (NOISE.test(e)) continue;
        else if (/\.xlsx$/i.test(e)) out.push(full);
        else skipped.push({ file: resolve(full), reason: skipReason(e) });
      }
    } else out.push(p);
  }
  for (const p of paths) await walk(p);
  return { files: [...new Set(out.map((f) => resolve(f)))], skipped };
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null) => (x === null ? '—' : x.toFixed(2));

/** Where a finding sits, without the file name the list line already starts with (`［论文］第 3 行 C 列`). */
function placeIn(file: string, sheet: string, row: number, col: string): string {
  const name = basename(file);
  const inner = sheet.startsWith(`${name}［`) ? sheet.slice(name.length) : sheet;
  return `${inner}第 ${row} 行${col ? ` ${col} 列` : ''}`;
}

/** The Chinese summary printed at the end. */
export function describeRun(r: ConsolidateResult, out: string, skipped: SkippedFile[] = []): string {
  const d = r.summary.district;
  const merged = r.outcomes.filter((o) => o.status === 'merged');
  const left = r.outcomes.filter((o) => o.status !== 'merged');
  // A school counts once something of it was merged; schools whose every file was left out are named apart.
  const reported = new Set(r.summary.schools.filter((s) => s.reported.length > 0).map((s) => s.code));
  const none = r.schools.length - r.schools.filter((s) => reported.has(s.code)).length;
  const lines = [
    `汇总完成：${r.summary.term}（统计截至 ${r.summary.asOf}）`,
    `  文件 ${r.outcomes.length + skipped.length} 个：汇总 ${merged.length} 个，未汇总 ${left.length + skipped.length} 个`,
    `  学校 ${r.schools.length - none} 所${none ? `（另有 ${none} 所没有可汇总的数据）` : ''}，在岗教师 ${d.teachers} 人`,
    `  ${(r.summary.registers ?? []).map((x) => `${x.name} ${r.stats.rows[x.code] ?? 0} 行`).join('，')}`,
    // The definition's targets (the built-in ones: 县二等奖及以上或发表人均 ≥ 1, 40岁以下论文参与率 = 100%).
    ...(d.metrics ?? []).filter((m) => m.target).map((m) => `  ${m.name} ${m.value === null ? '未上报' : m.format === 'percent' ? pct(m.value) : num(m.value)}（目标 ${m.target}，${m.schoolsMet ?? 0} 所学校达标）`),
    `  问题清单 ${r.stats.issues} 条${r.duplicates ? `，其中跨校重复（论文题目相同、反思高度相似）${r.duplicates} 条` : ''}`,
  ];
  if (left.length || skipped.length) {
    lines.push('', '未汇总的文件（请学校修改后重新报送）：');
    for (const o of left) {
      const why = o.reason ?? `${o.errors} 个错误`;
      const first = o.findings.find((f) => f.severity === 'error');
      const where = first ? `，如 ${placeIn(o.file, first.sheet, first.row, first.col)}：${first.message}` : '';
      lines.push(`  ${basename(o.file)}：${why}${where}`);
    }
    for (const s of skipped) lines.push(`  ${basename(s.file)}：${s.reason}`);
  }
  lines.push('', `报表已写入：${out}`);
  return lines.join('\n') + '\n';
}

export const consolidateCommand: Command = {
  options: { term: OPTIONS.term, ...OPTIONS.asOf, ...OPTIONS.output, out: { type: 'string' }, jobs: { type: 'string' }, registers: OPTIONS.registers },
  name: 'consolidate',
  usage: 'consolidate <文件或文件夹…> --term 2025春 [-o 汇总.xlsx] [--as-of 2025-06-30] [--jobs 2] [--registers 定义.xlsx]',
  summary: '不经服务器，把各校报来的登记表汇总成区级报表（退出码：0 全部汇总，1 有文件因错误未汇总，2 参数有误）',
  async run(args) {
    const { positional, flags } = parseArgs(args);
    const asOf = flag(flags, 'as-of', 'asof') ?? todayIso();
    const given = flag(flags, 'term') ?? termOf(asOf);
    // 2025秋季, 2025年秋 … are read as 2025秋 and said so.
    const term = isTerm(given) ? parseTerm(given).term : given;
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
    let skipped: SkippedFile[];
    try {
      const found = await listInputs(positional);
      files = found.files.filter((f) => f !== out);
      skipped = found.skipped;
    } catch (e) {
      process.stderr.write(`${(e as Error).message}\n`);
      return 2;
    }
    if (!files.length) {
      const why = skipped.map((s) => `  ${basename(s.file)}：${s.reason}`);
      process.stderr.write(skipped.length ? `没有可汇总的 .xlsx 文件。找到的文件都未汇总：\n${why.join('\n')}\n` : '没有找到 .xlsx 文件\n');
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
      skipped,
      onFile: tty ? (_o, done, total) => process.stderr.write(`\r读取 ${done}/${total}`) : undefined,
    });
    if (tty) process.stderr.write('\n');
    process.stdout.write(describeRun(result, out, skipped));
    return skipped.length || result.outcomes.some((o) => o.status !== 'merged') ? 1 : 0;
  },
};
