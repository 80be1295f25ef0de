/** The engine's entry points: validate a workbook (all sheets at once, so a roster in it is used) or one sheet. */
import { colIndex } from './a1';
import type { Finding } from './findings/finding';
import { detectHeader } from './header';
import { checkReferences, type ReferenceSources } from './references';
import { makeFinding, validateSheetRows, type SheetState } from './sheet';
import { parseTerm, termOf, todayIso, type TermInfo } from './term';
import { isBlank } from './text';
import type { Table } from './table';
import type { Grid, KindId, NormRecord, SheetInput, ValidateOptions } from './types';

/** The result for one sheet. */
export interface SheetResult {
  sheet: string;
  /** null when the sheet matches no register kind (reported, never guessed). */
  kind: KindId | null;
  /** 1-based row of the header (0 when none was found). */
  headerRow: number;
  dataRows: number;
  columns: { field: string; col: string; index: number; header: string }[];
  records: NormRecord[];
  findings: Finding[];
}

/** The result for a workbook. */
export interface WorkbookResult {
  sheets: SheetResult[];
  errors: number;
  warnings: number;
}

/** Resolves term and as-of date from the options (as-of defaults to today, term to the one containing as-of). */
export function resolveOptions(opts: ValidateOptions = {}): { term: TermInfo; asOf: string } {
  const asOf = opts.asOf ?? todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`日期格式不正确：“${asOf}”，应为如 2025-06-30`);
  return { term: parseTerm(opts.term ?? termOf(asOf)), asOf };
}

function hasContent(grid: Grid): boolean {
  for (const row of grid) if (row) for (const c of row) if (!isBlank(c)) return true;
  return false;
}

/** Sort key of a finding's place: row, then column (letters compared as numbers, A < Z < AA). */
function placeKey(f: Finding, letters: Map<string, number>): number {
  let c = -1;
  if (f.col) {
    c = letters.get(f.col) ?? -1;
    if (c < 0) letters.set(f.col, (c = colIndex(f.col)));
  }
  return f.row * 20_000 + c + 1;
}

/** Findings in reading order: by row, then column; findings at the same place keep the order they were made in. */
function sortByPlace(findings: Finding[]): Finding[] {
  const letters = new Map<string, number>();
  const keys = new Map<Finding, number>();
  for (const f of findings) keys.set(f, placeKey(f, letters));
  return findings.sort((a, b) => (keys.get(a) as number) - (keys.get(b) as number));
}

function toResult(state: SheetState): SheetResult {
  // The raw cells were needed only while checking; the result keeps the normalised columns, not the grid.
  const table = state.table.withoutCells();
  const result: SheetResult = {
    sheet: state.sheet,
    kind: state.match.kind,
    headerRow: state.match.headerRow,
    dataRows: table.length,
    columns: state.match.columns.map(({ field, col, index, header }) => ({ field, col, index, header })),
    records: [],
    findings: sortByPlace(state.findings),
  };
  // Records are built from the columns the first time they are read: the add-in and the CLI never read them, the
  // server does once. An own, enumerable property, so spreading or serialising a result includes them.
  // Once built, the records are kept and the columns let go.
  let records: NormRecord[] | null = null;
  let source: Table | null = table;
  Object.defineProperty(result, 'records', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (records === null) {
        records = (source as Table).records();
        source = null;
      }
      return records;
    },
    set: (v: NormRecord[]) => {
      records = v;
      source = null;
    },
  });
  return result;
}

/** Roster names and project codes from the workbook's own sheets, else from the options. */
function referenceSources(states: SheetState[], opts: ValidateOptions): ReferenceSources {
  let roster: Set<string> | null = null;
  let projectCodes: Set<string> | null = null;
  for (const s of states) {
    if (s.match.kind === 'roster') {
      roster ??= new Set();
      for (const v of s.table.values('姓名')) if (typeof v === 'string') roster.add(v);
    } else if (s.match.kind === 'projects') {
      projectCodes ??= new Set();
      for (const v of s.table.values('课题编号')) if (v) projectCodes.add(String(v));
    }
  }
  if (!roster && opts.roster) roster = new Set(opts.roster.map((t) => t.name));
  if (!projectCodes && opts.projectCodes) projectCodes = new Set(opts.projectCodes);
  return { roster, projectCodes };
}

/** Validates every sheet of a workbook at once: kinds detected, rows normalised, every rule of DOMAIN.md run. */
export function validateWorkbook(sheets: SheetInput[], opts: ValidateOptions = {}): WorkbookResult {
  const { term, asOf } = resolveOptions(opts);
  const states: SheetState[] = [];
  const results: (SheetResult | SheetState)[] = [];
  for (const { sheet, grid } of sheets) {
    const match = detectHeader(grid, sheet, opts.registers?.templates);
    if (!match) {
      const findings = hasContent(grid)
        ? [makeFinding(sheet, { code: 'header_unknown', row: 1, field: '', value: sheet }, '')]
        : [];
      results.push({ sheet, kind: null, headerRow: 0, dataRows: 0, columns: [], records: [], findings });
      continue;
    }
    const state = validateSheetRows(sheet, grid, match, term, asOf, opts);
    states.push(state);
    results.push(state);
  }
  const sources = referenceSources(states, opts);
  for (const s of states) checkReferences(s, sources);
  const out = results.map((r) => ('match' in r ? toResult(r) : r));
  let errors = 0;
  let warnings = 0;
  for (const s of out) for (const f of s.findings) f.severity === 'error' ? errors++ : warnings++;
  return { sheets: out, errors, warnings };
}

/** Validates a single sheet on its own (no roster unless given in the options). */
export function validateSheet(input: SheetInput, opts: ValidateOptions = {}): SheetResult {
  return validateWorkbook([input], opts).sheets[0];
}
