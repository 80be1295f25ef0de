/**
 * `yanbiao inspect <file.xlsx> [--json]`: what Yanbiao sees in a workbook — each sheet's name, the register it was
 * recognised as, the header row and how each header was matched (for a coordinator whose column is "not found"),
 * and with --json the very grid the engine receives.
 */
import { basename } from 'node:path';
import { detectHeader, type HeaderMatch } from '../../shared/header';
import { colLetter } from '../../shared/a1';
import { TEMPLATES } from '../../shared/templates';
import { foldHeader } from '../../shared/text';
import type { Cell, CompiledRegisters, SheetInput } from '../../shared/types';
import { readWorkbook } from '../xlsx/read';
import { parseArgs, type Command, OPTIONS } from './command';
import { RegistersFlagError, registersFromFlags } from './registers-flag';

/** How one header cell was matched. */
export interface InspectedColumn {
  col: string;
  header: string;
  /** The register's column it was taken as, or null. */
  field: string | null;
  /** 列名: its own name; 别名: one of its aliases; 忽略括号: after dropping a bracketed note; 未识别: none; 忽略: a column Yanbiao does not use (序号, 备注). */
  match: '列名' | '别名' | '忽略括号' | '未识别' | '忽略';
}

/** What Yanbiao sees in one sheet. */
export interface InspectedSheet {
  sheet: string;
  kind: string | null;
  title: string | null;
  headerRow: number;
  columns: InspectedColumn[];
  missing: string[];
  cells: (string | number | boolean | null)[][];
}

function howMatched(header: string, field: string, m: HeaderMatch): InspectedColumn['match'] {
  const label = foldHeader(header).toUpperCase();
  if (label === foldHeader(field).toUpperCase()) return '列名';
  const def = m.template.columns.find((d) => d.name === field);
  if (def?.aliases?.some((a) => foldHeader(a).toUpperCase() === label)) return '别名';
  return '忽略括号';
}

/** The inspection of a workbook's sheets (as read, before any validation). */
export function inspectSheets(sheets: SheetInput[], registers?: CompiledRegisters): InspectedSheet[] {
  const templates = registers?.templates ?? TEMPLATES;
  return sheets.map(({ sheet, grid }) => {
    const cells = grid.map((row) => Array.from(row, (v: Cell) => (v === undefined ? null : v)));
    const m = detectHeader(grid, sheet, templates);
    if (!m) return { sheet, kind: null, title: null, headerRow: 0, columns: [], missing: [], cells };
    const columns: InspectedColumn[] = [];
    const mapped = new Map(m.columns.map((c) => [c.index, c]));
    const unknown = new Set(m.unknown.map((u) => u.index));
    const headerCells = grid[m.headerRow - 1] ?? [];
    const width = Math.max(headerCells.length, ...m.columns.map((c) => c.index + 1));
    for (let i = 0; i < width; i++) {
      const c = mapped.get(i);
      if (c) columns.push({ col: c.col, header: c.header, field: c.field, match: howMatched(c.header, c.field, m) });
      else if (unknown.has(i)) columns.push({ col: colLetter(i), header: m.unknown.find((u) => u.index === i)!.text, field: null, match: '未识别' });
      else if (m.labels[i]) columns.push({ col: colLetter(i), header: String(headerCells[i] ?? m.labels[i]), field: null, match: '忽略' });
    }
    return { sheet, kind: m.kind, title: templates[m.kind].title, headerRow: m.headerRow, columns, missing: m.missing, cells };
  });
}

function toText(file: string, sheets: InspectedSheet[]): string {
  const out = [`文件：${file}`];
  for (const s of sheets) {
    const rows = s.cells.length;
    if (!s.kind) {
      out.push(`\n【${s.sheet}】${rows ? `${rows} 行，未识别为任何登记表（前 10 行中没有找到足够的已知列名）` : '空工作表'}`);
      continue;
    }
    out.push(`\n【${s.sheet}】识别为${s.title}，表头在第 ${s.headerRow} 行，其下 ${Math.max(0, rows - s.headerRow)} 行`);
    for (const c of s.columns) {
      const what = c.field ? `→ ${c.field}（${c.match}）` : c.match === '忽略' ? '（不使用的列，已忽略）' : '（未识别：不是这张表的列名或别名）';
      out.push(`  ${c.col.padEnd(4)}${c.header} ${what}`);
    }
    if (s.missing.length) out.push(`  缺少必填列：${s.missing.join('、')}`);
  }
  return out.join('\n') + '\n';
}

export const inspectCommand: Command = {
  options: { json: OPTIONS.json, registers: OPTIONS.registers },
  name: 'inspect',
  usage: 'inspect <文件.xlsx> [--registers 定义.xlsx] [--json]',
  summary: '查看研表在工作簿中看到的内容：每张工作表识别为哪种登记表、表头在哪一行、每个列名如何对应（--json 另附读取到的单元格）',
  async run(args) {
    const { positional, flags } = parseArgs(args, ['json']);
    const file = positional[0];
    if (!file) {
      process.stderr.write(`用法：yanbiao ${this.usage}\n`);
      return 2;
    }
    let sheets: SheetInput[];
    let registers: CompiledRegisters | undefined;
    try {
      registers = await registersFromFlags(flags);
      sheets = await readWorkbook(file, basename(file));
    } catch (e) {
      process.stderr.write(`${e instanceof RegistersFlagError ? '' : '无法读取：'}${(e as Error).message}\n`);
      return 2;
    }
    const inspected = inspectSheets(sheets, registers);
    if (flags.json) {
      const body = { file, sheets: inspected.map(({ sheet, kind, headerRow, columns, missing, cells }) => ({ sheet, kind, headerRow, columns, missing, cells })) };
      process.stdout.write(JSON.stringify(body) + '\n');
    } else process.stdout.write(toText(file, inspected));
    return 0;
  },
};
