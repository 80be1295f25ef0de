/** Validating one recognised sheet: data rows found, cells normalised, row and sheet rules run. */
import { colLetter } from './a1';
import { compileColumn, type CellParser } from './cells';
import { CHECKS, type CheckContext, type Report, type Row } from './checks';
import { keyOf } from './checks/unique';
import { DEFAULT_SEVERITY } from './findings/severity';
import type { Finding } from './findings/finding';
import { describe } from './findings/messages-zh';
import type { HeaderMatch, MappedColumn } from './header';
import type { Rule } from './templates';
import type { TermInfo } from './term';
import { cellText, foldHeader, halfWidthAlnum, isBlank } from './text';
import type { Cell, Grid, ValidateOptions } from './types';

/** The state of a sheet after validation, before workbook-level checks. */
export interface SheetState {
  sheet: string;
  match: HeaderMatch;
  rows: Row[];
  findings: Finding[];
  report(r: Report, col?: string): void;
  column(field: string): MappedColumn | undefined;
}

const FOOTER_RE = /^(合计|总计|小计|共计|填表人|审核人|制表人|制表|校长|负责人|备注[:：]|注[:：]|说明[:：]|填报人|联系电话)/;

/** First characters of the footer words above, to skip the regex on ordinary rows. */
const FOOTER_FIRST = new Set(Array.from('合总小共填审制校负备注说联'));

/** A footer (合计…, 填表人：…) or a note line below the data, judged by the row's first filled cell. */
function isFooter(cells: Cell[]): boolean {
  for (const c of cells) {
    if (isBlank(c)) continue;
    if (typeof c !== 'string') return false;
    const t = cellText(c);
    if (FOOTER_FIRST.has(t[0]) && FOOTER_RE.test(t)) return true;
    return t.length > 6 && (t.includes('填表人') || t.includes('审核人'));
  }
  return false;
}

/** A row repeating the header (blocks pasted one under another); cheap unless the first column looks like its header. */
function isRepeatedHeader(cells: Cell[], match: HeaderMatch): boolean {
  const first = match.columns[0];
  const v = cells[first.index];
  const label = match.labels[first.index];
  if (typeof v !== 'string' || v.length > label.length + 8 || v.indexOf(label[0]) < 0) return false;
  let same = 0;
  for (const col of match.columns) if (foldHeader(cells[col.index]) === match.labels[col.index]) same++;
  return same >= Math.max(2, match.columns.length / 2);
}

/** Rows by the comparison key of a field; a key seen once maps to its row, a repeated key to a list (most are unique). */
function groupRows(rows: Row[], field: string): Map<string, Row | Row[]> {
  const out = new Map<string, Row | Row[]>();
  for (const row of rows) {
    const v = row.values[field];
    if (v === null || v === undefined || v === '') continue;
    const k = keyOf(v);
    const seen = out.get(k);
    if (seen === undefined) out.set(k, row);
    else if (Array.isArray(seen)) seen.push(row);
    else out.set(k, [seen, row]);
  }
  return out;
}

/** Finding builder shared by the sheet and workbook stages. */
export function makeFinding(sheet: string, r: Report, col: string): Finding {
  const severity = r.severity ?? DEFAULT_SEVERITY[r.code];
  const value = r.value === undefined ? null : r.value;
  const f: Finding = { code: r.code, severity, sheet, row: r.row, col, field: r.field, value, message: '' };
  if (r.fix !== undefined) f.fix = r.fix;
  if (r.params) f.params = r.params;
  f.message = describe(f);
  return f;
}

/** Validates the data rows of a sheet whose header is known. */
export function validateSheetRows(
  sheet: string,
  grid: Grid,
  match: HeaderMatch,
  term: TermInfo,
  asOf: string,
  options: ValidateOptions,
): SheetState {
  const findings: Finding[] = [];
  const byField = new Map(match.columns.map((c) => [c.field, c]));
  const column = (field: string) => byField.get(field);
  const report = (r: Report, col?: string) => findings.push(makeFinding(sheet, r, col ?? byField.get(r.field)?.col ?? ''));

  for (const f of match.missing) report({ code: 'header_missing', row: match.headerRow, field: f, value: null }, '');
  for (const u of match.unknown) report({ code: 'header_unknown', row: match.headerRow, field: '', value: u.text }, colLetter(u.index));

  const parsers: { col: MappedColumn; parse: CellParser }[] = match.columns.map((col) => ({ col, parse: compileColumn(col.def, term) }));
  const rows: Row[] = [];
  for (let r = match.headerRow; r < grid.length; r++) {
    const cells = grid[r];
    if (!cells) continue;
    let any = false;
    for (const p of parsers) if (!isBlank(cells[p.col.index])) { any = true; break; }
    if (!any || isFooter(cells) || isRepeatedHeader(cells, match)) continue;
    const row: Row = { row: r + 1, values: {}, cells };
    for (const { col, parse } of parsers) {
      const raw = cells[col.index];
      const def = col.def;
      if (isBlank(raw)) {
        row.values[col.field] = def.default ?? null;
        if (def.required) report({ code: 'required', row: row.row, field: col.field, value: raw ?? null }, col.col);
        continue;
      }
      if (col.def.type === 'text') {
        // Plain text cannot fail: skip the parser and its result object (题目 and the like are on every row).
        // Full-width digits and letters (ＫＴ－２０２３) are read as half-width, so codes match their references.
        row.values[col.field] = halfWidthAlnum(cellText(raw));
        continue;
      }
      const n = parse(raw);
      if (n.ok) {
        row.values[col.field] = n.value;
        if (n.note) report({ code: n.note.code, row: row.row, field: col.field, value: raw, fix: n.note.fix, params: n.note.params }, col.col);
        if (def.inTerm && typeof n.value === 'string' && (n.value < term.start || n.value > term.end))
          report({ code: 'out_of_term', row: row.row, field: col.field, value: raw, params: { expected: `${term.term}：${term.start} 至 ${term.end}` } }, col.col);
      } else {
        row.values[col.field] = null;
        report({ code: n.code, row: row.row, field: col.field, value: raw, params: n.params }, col.col);
      }
    }
    rows.push(row);
  }

  const groupCache = new Map<string, Map<string, Row | Row[]>>();
  const ctx: CheckContext = {
    sheet,
    template: match.template,
    term,
    asOf,
    options,
    column,
    cell: (row, field) => {
      const c = byField.get(field);
      return c ? row.cells[c.index] : undefined;
    },
    report: (r) => report(r),
    groups: (field) => {
      let g = groupCache.get(field);
      if (!g) groupCache.set(field, (g = groupRows(rows, field)));
      return g;
    },
  };
  const rules = match.template.rules;
  const rowRules = rules.filter((rule) => CHECKS[rule.rule].row);
  for (const row of rows) for (const rule of rowRules) (CHECKS[rule.rule].row as (r: Rule, row: Row, c: CheckContext) => void)(rule, row, ctx);
  for (const rule of rules) {
    const end = CHECKS[rule.rule].end as ((r: Rule, rows: Row[], c: CheckContext) => void) | undefined;
    if (end) end(rule, rows, ctx);
  }
  return { sheet, match, rows, findings, report, column };
}
