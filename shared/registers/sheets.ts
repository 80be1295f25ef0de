/**
 * The definition workbook's sheets as read: their layout (sheets and headers, shared with the writer in
 * server/registers/workbook.ts), each data row's cells by header, and the problems found, each placed at its sheet,
 * row and column. What the rows mean is workbook.ts's business.
 */
import { colLetter } from '../a1';
import { cellText, foldHeader } from '../text';
import type { Cell } from '../types';

/** The sheets of the workbook and their headers, in order. Required sheets first; 取值集合 and 说明 are optional. */
export const LAYOUT = {
  登记表: ['代码', '名称', '识别词'],
  列: ['登记表', '列名', '别名', '类型', '必填', '取值集合', '最小', '最大', '引用', '默认值', '空格分隔', '限本学期', '列宽', '提示'],
  取值集合: ['名称', '代码'],
  取值: ['取值集合', '规范值', '别名'],
  规则: ['登记表', '规则', '字段', '条件字段', '条件取值', '其他字段', '其他取值', '数值', '级别', '说明'],
  指标: ['登记表', '指标', '计算', '字段', '条件字段', '条件取值', '数值', '目标', '条件', '名册条件', '排名'],
} as const;
export type LayoutSheet = keyof typeof LAYOUT;
/** Headers a sheet must have (the issue's; the rest may be left out). */
const REQUIRED_HEADERS: Record<LayoutSheet, string[]> = {
  登记表: ['代码', '名称', '识别词'],
  列: ['登记表', '列名', '别名', '类型', '必填', '取值集合', '最小', '最大', '引用'],
  取值集合: ['名称'],
  取值: ['取值集合', '规范值', '别名'],
  规则: ['登记表', '规则', '字段'],
  指标: ['登记表', '指标', '计算', '字段', '条件字段', '条件取值', '数值', '目标'],
};
export const OPTIONAL_SHEETS = new Set<LayoutSheet>(['取值集合']);

/** One problem of a definition workbook. */
export interface DefinitionProblem {
  sheet: string;
  /** Excel row (1-based); 0 for the whole sheet or workbook. */
  row: number;
  /** Column letter, '' when about the whole row or sheet. */
  col: string;
  /** The header of that column, '' when none. */
  field: string;
  message: string;
}

/** A list cell: 、 (and ，,;；) separated. */
export function splitList(s: string): string[] {
  return s
    .split(/[、，,;；\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Problems in reading order: sheet by sheet as the workbook lists them, row by row, column by column. */
export function ordered(list: DefinitionProblem[]): DefinitionProblem[] {
  const sheets = Object.keys(LAYOUT);
  const colNo = (c: string) => c.length * 100 + (c.charCodeAt(c.length - 1) || 0);
  return [...list].sort((a, b) => sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) || a.row - b.row || colNo(a.col) - colNo(b.col));
}

/** One data row of a layout sheet, its cells by header, and where it stands. */
export class Row {
  constructor(
    readonly sheet: LayoutSheet,
    readonly row: number,
    private readonly cells: Map<string, { text: string; col: number }>,
  ) {}

  text(h: string): string {
    return this.cells.get(h)?.text ?? '';
  }

  col(h: string): string {
    const c = this.cells.get(h);
    return c ? colLetter(c.col) : '';
  }
}

/** Collects problems, each placed at a row's cell; a cell the engine already reported is not reported again. */
export class Problems {
  readonly list: DefinitionProblem[] = [];
  private readonly engine = new Set<string>();

  /** The engine's findings on the sheets' cells (shared/registers/meta.ts). */
  fromEngine(found: DefinitionProblem[]): void {
    for (const f of found) {
      this.list.push(f);
      this.engine.add(`${f.sheet}\u0000${f.row}\u0000${f.field}`);
    }
  }

  at(r: Row, header: string, message: string): void {
    if (this.engine.has(`${r.sheet}\u0000${r.row}\u0000${header}`)) return;
    this.list.push({ sheet: r.sheet, row: r.row, col: r.col(header), field: header, message });
  }

  sheet(sheet: string, message: string): void {
    this.list.push({ sheet, row: 0, col: '', field: '', message });
  }
}

export function readSheet(grid: Cell[][], sheet: LayoutSheet, problems: Problems): Row[] {
  // The header is the first non-empty row.
  let h = 0;
  while (h < grid.length && !(grid[h] ?? []).some((v) => cellText(v) !== '')) h++;
  const header = grid[h] ?? [];
  const index = new Map<string, number>();
  header.forEach((v, i) => {
    const name = foldHeader(v);
    if (name && !index.has(name)) index.set(name, i);
  });
  const missing = REQUIRED_HEADERS[sheet].filter((x) => !index.has(x));
  if (missing.length) problems.list.push({ sheet, row: h + 1, col: '', field: '', message: `工作表“${sheet}”缺少列：${missing.join('、')}（表头应为：${LAYOUT[sheet].join('、')}）` });
  const rows: Row[] = [];
  for (let r = h + 1; r < grid.length; r++) {
    const cells = new Map<string, { text: string; col: number }>();
    let any = false;
    for (const name of LAYOUT[sheet]) {
      const i = index.get(name);
      if (i === undefined) continue;
      const text = cellText(grid[r]?.[i]);
      if (text) any = true;
      cells.set(name, { text, col: i });
    }
    if (any) rows.push(new Row(sheet, r + 1, cells));
  }
  return rows;
}

const YES = new Set(['是', '必填', 'Y', 'YES', 'TRUE', '√']);
const NO = new Set(['否', '', '选填', 'N', 'NO', 'FALSE', '×']);

export function yesNo(r: Row, h: string, p: Problems): boolean | undefined {
  const t = r.text(h).toUpperCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return t === '' ? undefined : false;
  p.at(r, h, `“${r.text(h)}”应为“是”或“否”`);
  return undefined;
}

export function number(r: Row, h: string, p: Problems): number | undefined {
  const t = r.text(h);
  if (!t) return undefined;
  const n = Number(t.replace(/%$/, ''));
  if (!Number.isFinite(n)) {
    p.at(r, h, `“${t}”不是数字`);
    return undefined;
  }
  return t.endsWith('%') ? n / 100 : n;
}
