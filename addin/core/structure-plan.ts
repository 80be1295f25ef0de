/** Plans 结构化: a new sheet from a template, or the active sheet converted in place — as plain data the
 *  adapter applies (table, formats, dropdown lists, frozen header, widths, optional reorder/rename). */
import { colLetter } from '../../shared/a1';
import { allowedValues, detectHeader, TEMPLATES, validateSheet, type ColumnDef, type Template } from '../../shared';
import type { CompiledRegisters } from '../../shared/types';
import type { Cell, Grid } from '../../shared/types';

/** Rows prepared below the header of a new template sheet. */
export const TEMPLATE_ROWS = 500;

/** Format and dropdown of one column. */
export interface ColumnFormat { index: number; numberFormat: string; width: number; list?: string[]; hint?: string }

/** Everything the adapter does to a sheet. */
export interface StructurePlan {
  sheet: string;
  create: boolean;
  headerRow: number; // 1-based
  lastRow: number; // last row of the table
  lastCol: number; // 0-based
  formatToRow: number; // formats and dropdowns reach this row
  rewrite?: { row: number; values: Cell[][] }; // rows rewritten from `row` (reorder/rename)
  columns: ColumnFormat[];
}

/** Excel number format for a column type. */
export function numberFormatOf(def: ColumnDef): string {
  switch (def.type) {
    case 'date': return 'yyyy-mm-dd';
    case 'month': return 'yyyy-mm';
    case 'integer': return '0';
    case 'number': return 'General';
    default: return '@'; // names, codes and enums stay text (工号 001 keeps its zeros)
  }
}

/** Column width in points from the template's width in characters. */
export function widthPoints(chars: number): number {
  return Math.round(chars * 5.6 + 4);
}

function formatOf(def: ColumnDef, index: number, registers?: CompiledRegisters): ColumnFormat {
  const list = allowedValues(def, registers?.valueSets);
  return { index, numberFormat: numberFormatOf(def), width: widthPoints(def.width), ...(list.length ? { list } : {}), ...(def.hint ? { hint: def.hint } : {}) };
}

/** Header text of a template column (`*` marks required, as DOMAIN.md's templates show). */
export function headerText(def: ColumnDef): string {
  return def.required ? `${def.name}*` : def.name;
}

/** The templates of a definition (the built-in ones without). */
export const templatesOf = (registers?: CompiledRegisters): Record<string, Template> => registers?.templates ?? TEMPLATES;

/** A new sheet named `name` holding the template of `kind` (a register of `registers`, or a built-in one). */
export function templatePlan(kind: string, name: string, registers?: CompiledRegisters): StructurePlan {
  const cols = templatesOf(registers)[kind].columns;
  return {
    sheet: name,
    create: true,
    headerRow: 1,
    lastRow: 2,
    lastCol: cols.length - 1,
    formatToRow: 1 + TEMPLATE_ROWS,
    rewrite: { row: 1, values: [cols.map(headerText)] },
    columns: cols.map((def, i) => formatOf(def, i, registers)),
  };
}

/** A name not yet used among `names` (教师名册, 教师名册 (2), …). */
export function freeName(base: string, names: string[]): string {
  const taken = new Set(names.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} (${i})`.toLowerCase())) return `${base} (${i})`;
}

/** Converts the sheet `sheet` with grid `grid` to `kind` in place; throws a Chinese message when it cannot. */
export function convertPlan(sheet: string, grid: Grid, kind: string, reorder: boolean, registers?: CompiledRegisters): StructurePlan {
  const templates = templatesOf(registers);
  const match = detectHeader(grid, sheet, templates);
  const title = templates[kind].title;
  if (!match) throw new Error(`工作表“${sheet}”的前 10 行里没有找到可识别的表头，请改用“新建模板表”。`);
  if (match.kind !== kind) throw new Error(`工作表“${sheet}”的表头看起来是“${templates[match.kind].title}”，不是“${title}”。`);
  const result = validateSheet({ sheet, grid }, registers ? { registers } : {});
  const headerRow = match.headerRow;
  const lastData = result.records.reduce((m, r) => Math.max(m, r.row), headerRow + 1);
  const width = Math.max(...grid.slice(headerRow - 1, lastData).map((r) => r?.length ?? 0), 1);
  const mapped = new Map(match.columns.map((c) => [c.index, c]));
  if (!reorder) {
    const columns = match.columns.map((c) => formatOf(c.def, c.index, registers));
    return { sheet, create: false, headerRow, lastRow: lastData, lastCol: width - 1, formatToRow: lastData, columns };
  }
  // template columns in template order (added empty when missing), then every other column as it was
  const defs = templates[kind].columns;
  const order: { from: number | null; header: string; def?: ColumnDef }[] = defs.map((def) => {
    const found = match.columns.find((c) => c.def === def || c.field === def.name);
    return { from: found ? found.index : null, header: headerText(def), def };
  });
  for (let i = 0; i < width; i++) {
    if (mapped.has(i)) continue;
    const text = grid[headerRow - 1]?.[i];
    if (text === null || text === undefined || text === '') {
      const anyData = grid.slice(headerRow, lastData).some((r) => r?.[i] !== null && r?.[i] !== undefined && r?.[i] !== '');
      if (!anyData) continue; // an empty column is dropped from the table
    }
    order.push({ from: i, header: String(text ?? `列${colLetter(i)}`) });
  }
  const values: Cell[][] = [];
  for (let r = headerRow - 1; r < lastData; r++) {
    const row = grid[r] ?? [];
    values.push(order.map((o) => (r === headerRow - 1 ? o.header : o.from === null ? null : row[o.from] ?? null)));
  }
  const rewriteWidth = Math.max(order.length, width);
  // pad so columns the new order no longer uses are blanked rather than left behind
  for (const row of values) while (row.length < rewriteWidth) row.push(null);
  const columns = order.flatMap((o, j) => (o.def ? [formatOf(o.def, j, registers)] : []));
  return { sheet, create: false, headerRow, lastRow: lastData, lastCol: order.length - 1, formatToRow: lastData, rewrite: { row: headerRow, values }, columns };
}
