/** The stand-in's spreadsheets in memory, and how Sheets renders and writes their cells. */
import { formatRange, parseRange, ParsedRange, quoteTitle, RangeParseError } from './range';

/** A typed cell value as Google keeps it (effective value). */
export type StoredValue = string | number | boolean;

/** One non-empty cell: its value, its formula (USER_ENTERED `=…`), its number format, and bold. */
export interface StoredCell {
  value: StoredValue;
  formula?: string;
  /** DATE / DATE_TIME make a number render as a date; the pattern is used for FORMATTED values. */
  numberFormat?: { type: 'DATE' | 'DATE_TIME' | 'NUMBER' | 'PERCENT' | 'TEXT'; pattern?: string };
  bold?: boolean;
}

/** One tab. */
export interface StandInSheet {
  sheetId: number;
  title: string;
  index: number;
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  cells: (StoredCell | undefined)[][];
}

/** One spreadsheet; `shared` false means the caller's account was not given access (403). */
export interface StandInSpreadsheet {
  spreadsheetId: string;
  title: string;
  sheets: StandInSheet[];
  shared: boolean;
  nextSheetId: number;
}

/** An error Google answers with `{"error":{"code","message","status"}}`. */
export class GoogleError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
  ) {
    super(message);
  }
}

/** 400 INVALID_ARGUMENT, the answer to most malformed requests. */
export function invalid(message: string): GoogleError {
  return new GoogleError(400, 'INVALID_ARGUMENT', message);
}

/** A sheet with Google's default 1000 × 26 grid unless given. */
export function newSheet(sheetId: number, title: string, index: number, rows: StoredCell[][] = []): StandInSheet {
  return {
    sheetId,
    title,
    index,
    rowCount: Math.max(1000, rows.length),
    columnCount: Math.max(26, ...rows.map((r) => r.length)),
    frozenRowCount: 0,
    cells: rows.map((r) => r.map((c) => (c.value === '' && !c.formula ? undefined : c))),
  };
}

/** The sheet a parsed range points at (no title = the first sheet), or 400 as Google says it. */
export function sheetOf(book: StandInSpreadsheet, range: string): { sheet: StandInSheet; r: ParsedRange } {
  let r: ParsedRange;
  try {
    r = parseRange(range, book.sheets.map((s) => s.title));
  } catch (e) {
    if (e instanceof RangeParseError || e instanceof RangeError) throw invalid(`Unable to parse range: ${range}`);
    throw e;
  }
  const sheet = r.sheet === null ? book.sheets[0] : book.sheets.find((s) => s.title === r.sheet);
  if (!sheet) throw invalid(`Unable to parse range: ${range}`);
  return { sheet, r };
}

/** Excel/Sheets serial day number → `YYYY-MM-DD` (epoch 1899-12-30, as both use). */
export function serialToIso(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` → serial day number. */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** The FORMATTED_VALUE of a cell: what the user sees. */
function formatted(c: StoredCell): string {
  if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  if (typeof c.value === 'number' && (c.numberFormat?.type === 'DATE' || c.numberFormat?.type === 'DATE_TIME')) {
    const [y, m, d] = serialToIso(c.value).split('-');
    const pattern = c.numberFormat.pattern ?? 'yyyy-mm-dd';
    return pattern.replace('yyyy', y).replace('mm', m).replace('dd', d).replace('m', String(+m)).replace('d', String(+d));
  }
  if (typeof c.value === 'number' && c.numberFormat?.pattern) {
    const decimals = (/\.(0+)/.exec(c.numberFormat.pattern)?.[1] ?? '').length;
    if (c.numberFormat.type === 'PERCENT') return `${(c.value * 100).toFixed(decimals)}%`;
    if (c.numberFormat.type === 'NUMBER') return c.value.toFixed(decimals);
  }
  return String(c.value);
}

/** A cell rendered as values.get would for the given render options. */
export function render(c: StoredCell, valueRender: string, dateRender: string): StoredValue {
  if (valueRender === 'FORMATTED_VALUE') return formatted(c);
  if (valueRender === 'FORMULA' && c.formula) return c.formula;
  const isDate = c.numberFormat?.type === 'DATE' || c.numberFormat?.type === 'DATE_TIME';
  if (isDate && typeof c.value === 'number' && dateRender === 'FORMATTED_STRING') return formatted(c);
  return c.value;
}

/** values.get: rows of rendered cells, trailing empty cells and rows omitted as Google does. */
export function readValues(
  book: StandInSpreadsheet,
  range: string,
  valueRender: string,
  dateRender: string,
  majorDimension: string,
): { range: string; majorDimension: string; values?: StoredValue[][] } {
  const { sheet, r } = sheetOf(book, range);
  const endRow = Math.min(r.endRow ?? sheet.rowCount, sheet.rowCount);
  const endCol = Math.min(r.endCol ?? sheet.columnCount, sheet.columnCount);
  if (r.startRow >= sheet.rowCount || r.startCol >= sheet.columnCount) {
    throw invalid(
      `Range (${formatRange(sheet.title, r.startRow, r.startCol, r.startRow + 1, r.startCol + 1)}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
    );
  }
  let rows: StoredValue[][] = [];
  for (let i = r.startRow; i < endRow; i++) {
    const row: StoredValue[] = [];
    for (let j = r.startCol; j < endCol; j++) {
      const c = sheet.cells[i]?.[j];
      row.push(c ? render(c, valueRender, dateRender) : '');
    }
    while (row.length && row[row.length - 1] === '') row.pop();
    rows.push(row);
  }
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  if (majorDimension === 'COLUMNS') {
    const width = Math.max(0, ...rows.map((x) => x.length));
    const cols: StoredValue[][] = [];
    for (let j = 0; j < width; j++) {
      const col = rows.map((x) => (j < x.length ? x[j] : ''));
      while (col.length && col[col.length - 1] === '') col.pop();
      cols.push(col);
    }
    rows = cols;
  }
  const out: { range: string; majorDimension: string; values?: StoredValue[][] } = {
    range: formatRange(sheet.title, r.startRow, r.startCol, endRow, endCol),
    majorDimension,
  };
  if (rows.length) out.values = rows;
  return out;
}

/** How a USER_ENTERED string is parsed (formulas, numbers, booleans, ISO dates); RAW keeps it as typed. */
function parse(v: StoredValue, input: string): StoredCell {
  if (input === 'RAW' || typeof v !== 'string') return { value: v };
  if (v.startsWith('=')) return { value: '#NAME?', formula: v };
  if (/^-?\d+(\.\d+)?$/.test(v)) return { value: Number(v) };
  if (/^(TRUE|FALSE)$/i.test(v)) return { value: v.toUpperCase() === 'TRUE' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return { value: isoToSerial(v), numberFormat: { type: 'DATE', pattern: 'yyyy-mm-dd' } };
  return { value: v };
}

/** A new value in a cell keeps the cell's formats (a typed date brings its own); empty unformatted = no cell. */
function withFormat(next: StoredCell, prev: StoredCell | undefined): StoredCell | undefined {
  const cell: StoredCell = { ...next, bold: prev?.bold, numberFormat: next.numberFormat ?? prev?.numberFormat };
  if (!cell.bold) delete cell.bold;
  if (!cell.numberFormat) delete cell.numberFormat;
  return cell.value === '' && !cell.formula && !cell.bold && !cell.numberFormat ? undefined : cell;
}

/** Writes one ValueRange (values.batchUpdate `data[i]`); returns Google's UpdateValuesResponse fields. */
export function writeValues(
  book: StandInSpreadsheet,
  range: string,
  values: unknown,
  input: string,
): { updatedRange: string; updatedRows: number; updatedColumns: number; updatedCells: number; sheetId: number } {
  if (!Array.isArray(values) || values.some((row) => !Array.isArray(row))) {
    throw invalid(`Invalid value at 'data.values' (type.googleapis.com/google.protobuf.ListValue)`);
  }
  const { sheet, r } = sheetOf(book, range);
  const rows = values as unknown[][];
  const height = rows.length;
  const width = Math.max(0, ...rows.map((x) => x.length));
  if (!r.single) {
    if (r.endRow !== undefined && r.startRow + height > r.endRow)
      throw invalid(`Requested writing within range [${range}], but tried writing to row [${r.startRow + height}]`);
    if (r.endCol !== undefined && r.startCol + width > r.endCol)
      throw invalid(`Requested writing within range [${range}], but tried writing to column [${r.startCol + width}]`);
  }
  if (r.startRow + height > sheet.rowCount || r.startCol + width > sheet.columnCount) {
    throw invalid(
      `Range (${quoteTitle(sheet.title)}!${range.split('!').pop()}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
    );
  }
  let cells = 0;
  rows.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v === null) return; // Google: "Null values will be skipped."
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
        throw invalid(`Invalid values[${i}][${j}]: ${JSON.stringify(v)}`);
      }
      const target = (sheet.cells[r.startRow + i] ??= []);
      target[r.startCol + j] = withFormat(v === '' ? { value: '' } : parse(v, input), target[r.startCol + j]);
      cells++;
    });
  });
  return {
    sheetId: sheet.sheetId,
    updatedRange: formatRange(sheet.title, r.startRow, r.startCol, r.startRow + height, r.startCol + width),
    updatedRows: rows.filter((x) => x.length).length,
    updatedColumns: width,
    updatedCells: cells,
  };
}

/** values.batchClear for one range: values go, formats (bold, number formats) stay, as Google's clear does. */
export function clearValues(book: StandInSpreadsheet, range: string): string {
  const { sheet, r } = sheetOf(book, range);
  const endRow = Math.min(r.endRow ?? sheet.rowCount, sheet.rowCount);
  const endCol = Math.min(r.endCol ?? sheet.columnCount, sheet.columnCount);
  for (let i = r.startRow; i < endRow; i++) {
    const row = sheet.cells[i];
    if (!row) continue;
    for (let j = r.startCol; j < endCol; j++) {
      const c = row[j];
      if (c) row[j] = withFormat({ value: '' }, c);
    }
  }
  return formatRange(sheet.title, r.startRow, r.startCol, endRow, endCol);
}
