/** Validating one recognised sheet: data rows found, cells normalised, every rule run over the rows column by column. */
import { colLetter } from './a1';
import { compileColumn, freezeNorm, MEMO_LIMIT, type CellParser, type ValueSets } from './cells';
import { CHECKS, type Check, type CheckContext, type Report } from './checks';
import { Table } from './table';
import { keyOf } from './checks/unique';
import { KeyIndex } from './key-index';
import { DEFAULT_SEVERITY } from './findings/severity';
import type { Finding } from './findings/finding';
import { describe } from './findings/messages-zh';
import type { HeaderMatch, MappedColumn } from './header';
import type { TermInfo } from './term';
import { cellText as cellTextImport, foldHeader, halfWidthAlnum as halfWidthAlnumImport, isBlank as isBlankImport, isSpace as isSpaceImport, trimAll as trimAllImport } from './text';
import type { Norm } from './normalise/result';
import type { Value } from './checks/check';
import type { Cell, Grid, ValidateOptions } from './types';

// Imported helpers the row loop calls for every cell, bound once here: tsx (how the CLI and the server run) compiles
// each use of an import to a property getter, a call per cell that the add-in's single bundle does not make.
const cellText = cellTextImport;
const halfWidthAlnum = halfWidthAlnumImport;
const isBlank = isBlankImport;
const isSpace = isSpaceImport;
const trimAll = trimAllImport;

/** The state of a sheet after validation, before workbook-level checks. */
export interface SheetState {
  sheet: string;
  match: HeaderMatch;
  /** The data rows, column by column. */
  table: Table;
  findings: Finding[];
  report(r: Report, col?: string): void;
  column(field: string): MappedColumn | undefined;
}

const FOOTER_RE = /^(合计|总计|小计|共计|填表人|审核人|制表人|制表|校长|负责人|备注[:：]|注[:：]|说明[:：]|填报人|联系电话)/;

/** First characters of the footer words above (as UTF-16 code units), to skip the regex on ordinary rows. */
const FOOTER_FIRST = new Set(Array.from('合总小共填审制校负备注说联', (ch) => ch.charCodeAt(0)));

/** isBlank for the row loop: the usual filled cell is decided without a call into trimming. */
function blank(v: Cell): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (typeof v !== 'string' || !(isSpace(v.charCodeAt(0)) || isSpace(v.charCodeAt(v.length - 1)))) return false;
  return isBlank(v);
}

/** Is the text of a row's first filled cell a footer (合计…, 填表人：…) or a note line below the data? */
function isFooterText(c: string): boolean {
  const t = trimAll(c);
  if (FOOTER_FIRST.has(t.charCodeAt(0)) && FOOTER_RE.test(t)) return true;
  return t.length > 6 && (t.includes('填表人') || t.includes('审核人'));
}

/**
 * Is this grid row a data row? Not when it is blank in every mapped column, when its first filled cell is a footer or
 * a note, or when it repeats the header. One look at the first filled cell settles the usual row.
 */
function isDataRow(cells: Cell[], match: HeaderMatch, mapped: Uint8Array, firstChar: string): boolean {
  let i = 0;
  while (i < cells.length && blank(cells[i])) i++;
  if (i === cells.length) return false;
  const first = cells[i];
  if (typeof first === 'string' && isFooterText(first)) return false;
  if (!mapped[i]) {
    // The first filled cell is outside the register's columns (序号, a note): look for a filled mapped column.
    let any = false;
    for (const col of match.columns) {
      if (!blank(cells[col.index])) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  return !isRepeatedHeader(cells, match, firstChar);
}

/** A row repeating the header (blocks pasted one under another); cheap unless the first column looks like its header. */
function isRepeatedHeader(cells: Cell[], match: HeaderMatch, firstChar: string): boolean {
  const first = match.columns[0];
  const v = cells[first.index];
  const label = match.labels[first.index];
  if (typeof v !== 'string' || v.length > label.length + 8 || v.indexOf(firstChar) < 0) return false;
  let same = 0;
  for (const col of match.columns) if (foldHeader(cells[col.index]) === match.labels[col.index]) same++;
  return same >= Math.max(2, match.columns.length / 2);
}

/** What a remembered cell reads as: its normalised value (or the reason it has none), or BLANK for spaces only. */
type Reading = Norm<Value> | typeof BLANK;
const BLANK = Object.freeze({ blank: true });

/** Free-text columns try remembering for this many cells, and stop if most of them were new. */
const TEXT_TRIAL = 256;

/** One sheet column compiled for the row loop. */
interface ColumnPlan {
  field: string;
  index: number;
  col: string;
  /** Free text (题目, 评比或刊物): read as it is, with no parser and no result object. */
  text: boolean;
  /** Short text (not 正文): full-width digits and letters read as half-width. */
  shortText: boolean;
  /** The column's flags, copied here so the row loop reads one object shape (column definitions vary). */
  required: boolean;
  inTerm: boolean;
  parse: CellParser;
  /**
   * Readings remembered by raw cell; null once a free-text column has stopped remembering. Names, dates and
   * categories repeat thousands of times, so a hit (one Map lookup, nothing allocated) is the usual case. Free text is
   * remembered on trial: 评比或刊物 repeats, 题目 does not, and a column that mostly misses stops trying.
   */
  seen: Map<Cell, Reading> | null;
  lookups: number;
  misses: number;
  /** The value of a blank cell. */
  blankValue: Value;
  /** Normalised values, one per data row. */
  out: Value[];
}

function planColumn(col: MappedColumn, term: TermInfo, size: number, valueSets?: ValueSets): ColumnPlan {
  const def = col.def;
  const text = def.type === 'text' || def.type === 'longtext';
  return {
    field: col.field,
    index: col.index,
    col: col.col,
    text,
    shortText: def.type === 'text',
    required: def.required === true,
    inTerm: def.inTerm === true,
    parse: compileColumn(def, term, valueSets),
    seen: new Map(),
    lookups: 0,
    misses: 0,
    blankValue: def.default ?? null,
    // Sized once: a column grown by push is copied a dozen times on the way to 100k rows.
    out: new Array(size),
  };
}

/** The reading of a filled cell: BLANK for spaces only, else what the column's parser makes of it. */
function readCell(p: ColumnPlan, raw: Cell): Reading {
  if (typeof raw === 'string' && isBlank(raw)) return BLANK;
  return freezeNorm(p.parse(raw));
}

/** Data rows by the comparison key of a field (keyOf), for the checks that look for repeats (unique, same_title). */
function groupRows(t: Table, field: string): KeyIndex {
  const out = new KeyIndex(t.length);
  const col = t.values(field);
  for (let i = 0; i < t.length; i++) {
    const v = col[i];
    // Blank values belong to no group.
    if (v === undefined || v === null || v === '') continue;
    if (typeof v === 'string') out.addText(v, i);
    else out.add(keyOf(v), i);
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

  const size = Math.max(0, grid.length - match.headerRow);
  const plans = match.columns.map((col) => planColumn(col, term, size, options.registers?.valueSets));
  const rowNos: number[] = new Array(size);
  const cellRows: Cell[][] = new Array(size);
  const firstChar = match.labels[match.columns[0].index][0];
  const mapped = new Uint8Array(Math.max(0, ...match.columns.map((c) => c.index)) + 1);
  for (const c of match.columns) mapped[c.index] = 1;
  let k = 0;
  for (let r = match.headerRow; r < grid.length; r++) {
    const cells = grid[r];
    if (!cells) continue;
    if (!isDataRow(cells, match, mapped, firstChar)) continue;
    const rowNo = r + 1;
    rowNos[k] = rowNo;
    cellRows[k] = cells;
    for (let j = 0; j < plans.length; j++) {
      const p = plans[j];
      const raw = cells[p.index];
      let v: Value;
      let n: Reading | undefined;
      if (raw === null || raw === undefined || raw === '') n = BLANK;
      else if (p.seen !== null) {
        n = p.seen.get(raw);
        if (n === undefined) {
          n = readCell(p, raw);
          if (p.seen.size >= MEMO_LIMIT) p.seen.clear();
          p.seen.set(raw, n);
          p.misses++;
        }
        // Free text that keeps missing is not worth remembering: read it directly from here on.
        if (p.text && ++p.lookups === TEXT_TRIAL && p.misses * 2 > TEXT_TRIAL) p.seen = null;
      } else {
        // Free text past its trial. Plain text cannot fail: no parser, no result object (题目 is on every row).
        if (typeof raw !== 'string') n = readCell(p, raw);
        else if (blank(raw)) n = BLANK;
        else {
          // Full-width digits and letters (ＫＴ－２０２３) are read as half-width, so codes match their references.
          v = p.shortText ? halfWidthAlnum(trimAll(raw)) : raw.trim();
          p.out[k] = v;
          continue;
        }
      }
      if (n === BLANK) {
        v = p.blankValue;
        if (p.required) report({ code: 'required', row: rowNo, field: p.field, value: raw ?? null }, p.col);
        p.out[k] = v;
        continue;
      }
      const m = n as Norm<Value>;
      if (m.ok) {
        v = m.value;
        if (m.note) report({ code: m.note.code, row: rowNo, field: p.field, value: raw, fix: m.note.fix, params: m.note.params }, p.col);
        if (p.inTerm && typeof v === 'string' && (v < term.start || v > term.end))
          report({ code: 'out_of_term', row: rowNo, field: p.field, value: raw, params: { expected: `${term.term}：${term.start} 至 ${term.end}` } }, p.col);
      } else {
        v = null;
        report({ code: m.code, row: rowNo, field: p.field, value: raw, params: m.params }, p.col);
      }
      p.out[k] = v;
    }
    k++;
  }
  for (const p of plans) p.out.length = k;
  rowNos.length = k;
  cellRows.length = k;

  const table = new Table(
    plans.map((p) => p.field),
    new Map(plans.map((p) => [p.field, p.out])),
    rowNos,
    cellRows,
    new Map(plans.map((p) => [p.field, p.index])),
  );

  const groupCache = new Map<string, number[][]>();
  const ctx: CheckContext = {
    sheet,
    template: match.template,
    term,
    asOf,
    options,
    column,
    report: (r) => report(r),
    groups: (field) => {
      let g = groupCache.get(field);
      if (!g) groupCache.set(field, (g = [...groupRows(table, field).groups()]));
      return g;
    },
  };
  for (const rule of match.template.rules) (CHECKS[rule.rule] as Check).run(rule, table, ctx);
  return { sheet, match, table, findings, report, column };
}
