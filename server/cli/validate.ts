/** `yanbiao validate <file.xlsx>`: every sheet of a workbook checked, as a readable Chinese table or JSON. */
import { basename } from 'node:path';
import { isTerm, parseTerm, TEMPLATES, validateWorkbook, type Finding, type ValidateOptions, type WorkbookResult } from '../../shared';
import type { CompiledRegisters } from '../../shared/types';
import { readWorkbook } from '../xlsx/read';
import { flag, parseArgs, type Command, OPTIONS } from './command';
import { registersFromFlags } from './registers-flag';
import { displayWidth, pad } from './format';

/** Reads and validates a workbook file; throws XlsxError (or a term/date error) when it cannot. */
export async function validateFile(file: string, opts: ValidateOptions): Promise<WorkbookResult> {
  const sheets = await readWorkbook(file, basename(file));
  return validateWorkbook(sheets, opts);
}

/** The options of validate/fix from command-line flags (reads and checks --registers 定义.xlsx when given). */
export async function optionsFromFlags(flags: Record<string, string | true>): Promise<ValidateOptions> {
  const registers = await registersFromFlags(flags);
  const term = flag(flags, 'term');
  // 2025秋季, 2025年秋 … are read as 2025秋 (a term that does not parse is left for the engine to refuse in Chinese).
  return { term: term && isTerm(term) ? parseTerm(term).term : term, asOf: flag(flags, 'as-of', 'asof'), ...(registers ? { registers } : {}) };
}

/** The JSON shape of `--json`. */
export function toJson(file: string, r: WorkbookResult): unknown {
  return {
    file,
    sheets: r.sheets.map((s) => ({
      sheet: s.sheet,
      kind: s.kind,
      headerRow: s.headerRow,
      dataRows: s.dataRows,
      findings: s.findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        sheet: f.sheet,
        row: f.row,
        col: f.col,
        field: f.field,
        value: f.value ?? null,
        message: f.message,
        fix: f.fix ?? null,
      })),
    })),
    errors: r.errors,
    warnings: r.warnings,
  };
}

function line(f: Finding, fieldWidth: number): string {
  const sev = f.severity === 'error' ? '错误' : '警告';
  const fix = f.fix !== undefined ? `  [可修正 → ${f.fix}]` : '';
  return `  ${pad(String(f.row), 6)}${pad(f.col || '-', 4)}${pad(f.field || '-', fieldWidth)}${sev}  ${f.message}${fix}`;
}

/** The readable report: grouped by sheet, with a one-line summary. */
export function toText(file: string, r: WorkbookResult, registers?: CompiledRegisters): string {
  const templates: Record<string, { title: string }> = registers?.templates ?? TEMPLATES;
  const out: string[] = [`文件：${file}`];
  for (const s of r.sheets) {
    const e = s.findings.filter((f) => f.severity === 'error').length;
    const w = s.findings.length - e;
    if (!s.kind) {
      out.push(`\n【${s.sheet}】${s.findings.length ? '未识别的工作表（表头与任何模板都不符），已跳过' : '空工作表，已跳过'}`);
      continue;
    }
    out.push(`\n【${s.sheet}】${templates[s.kind]?.title ?? s.kind}，表头在第 ${s.headerRow} 行，数据 ${s.dataRows} 行：${e} 个错误，${w} 个警告`);
    if (!s.findings.length) continue;
    // The field column is as wide as this sheet's longest field name (计划结题日期, 关联课题编号) and two spaces more.
    const fieldWidth = Math.max(...s.findings.map((f) => displayWidth(f.field || '-')), displayWidth('字段')) + 2;
    out.push(`  ${pad('行', 6)}${pad('列', 4)}${pad('字段', fieldWidth)}级别  问题`);
    for (const f of s.findings) out.push(line(f, fieldWidth));
  }
  const verdict = r.errors ? '有错误，需修改后才能上报' : r.warnings ? '无错误，可以上报（请留意警告）' : '全部通过';
  out.push(`\n合计：${r.errors} 个错误，${r.warnings} 个警告 —— ${verdict}`);
  return out.join('\n') + '\n';
}

export const validateCommand: Command = {
  options: { term: OPTIONS.term, ...OPTIONS.asOf, json: OPTIONS.json, registers: OPTIONS.registers },
  name: 'validate',
  usage: 'validate <文件.xlsx> [--term 2025春] [--as-of 2025-06-30] [--registers 定义.xlsx] [--json]',
  summary: '校验工作簿中的每一张登记表（退出码：0 无错误，1 有错误，2 文件无法使用）',
  async run(args) {
    const { positional, flags } = parseArgs(args, ['json']);
    const file = positional[0];
    if (!file) {
      process.stderr.write(`用法：yanbiao ${this.usage}\n`);
      return 2;
    }
    let result: WorkbookResult;
    let opts: ValidateOptions;
    try {
      opts = await optionsFromFlags(flags);
      result = await validateFile(file, opts);
    } catch (e) {
      process.stderr.write(`无法校验：${(e as Error).message}\n`);
      return 2;
    }
    if (flags.json) process.stdout.write(JSON.stringify(toJson(file, result)) + '\n');
    else process.stdout.write(toText(file, result, opts.registers));
    return result.errors ? 1 : 0;
  },
};
