/** spreadsheets.batchUpdate requests the stand-in understands, applied atomically as Google does. */
import { masks } from './fields';
import { formatRange } from './range';
import { GoogleError, invalid, newSheet, StandInSheet, StandInSpreadsheet, StoredCell } from './model';

type Json = Record<string, unknown>;

/** SheetProperties as Google returns them (sheetId and index even when 0; frozenRowCount only when set). */
export function sheetProperties(s: StandInSheet): Json {
  const grid: Json = { rowCount: s.rowCount, columnCount: s.columnCount };
  if (s.frozenRowCount) grid.frozenRowCount = s.frozenRowCount;
  return { sheetId: s.sheetId, title: s.title, index: s.index, sheetType: 'GRID', gridProperties: grid };
}

/** The Spreadsheet resource of spreadsheets.get. */
export function spreadsheetResource(book: StandInSpreadsheet): Json {
  return {
    spreadsheetId: book.spreadsheetId,
    properties: { title: book.title, locale: 'zh_CN', autoRecalc: 'ON_CHANGE', timeZone: 'Asia/Shanghai' },
    sheets: [...book.sheets].sort((a, b) => a.index - b.index).map((s) => ({ properties: sheetProperties(s) })),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${book.spreadsheetId}/edit`,
  };
}

function sheetById(book: StandInSpreadsheet, id: unknown, where: string): StandInSheet {
  const s = book.sheets.find((x) => x.sheetId === (id ?? 0));
  if (!s) throw invalid(`Invalid ${where}: No grid with id: ${String(id)}`);
  return s;
}

function addSheet(book: StandInSpreadsheet, req: Json, where: string): Json {
  const props = (req.properties ?? {}) as Json;
  const title = typeof props.title === 'string' ? props.title : `Sheet${book.sheets.length + 1}`;
  if (book.sheets.some((s) => s.title === title)) {
    throw invalid(`Invalid ${where}: A sheet with the name "${title}" already exists. Please enter another name.`);
  }
  const id = typeof props.sheetId === 'number' ? props.sheetId : book.nextSheetId++;
  if (book.sheets.some((s) => s.sheetId === id)) throw invalid(`Invalid ${where}: Sheet with id ${id} already exists.`);
  const s = newSheet(id, title, book.sheets.length);
  const grid = (props.gridProperties ?? {}) as Json;
  if (typeof grid.rowCount === 'number') s.rowCount = grid.rowCount;
  if (typeof grid.columnCount === 'number') s.columnCount = grid.columnCount;
  if (typeof grid.frozenRowCount === 'number') s.frozenRowCount = grid.frozenRowCount;
  book.sheets.push(s);
  return { addSheet: { properties: sheetProperties(s) } };
}

function updateSheetProperties(book: StandInSpreadsheet, req: Json, where: string): Json {
  const fields = req.fields;
  if (typeof fields !== 'string' || !fields) throw invalid(`Invalid ${where}: You must specify which fields to update.`);
  const props = (req.properties ?? {}) as Json;
  const s = sheetById(book, props.sheetId, where);
  const grid = (props.gridProperties ?? {}) as Json;
  if (masks(fields, 'title')) s.title = String(props.title);
  if (masks(fields, 'gridProperties.rowCount')) s.rowCount = Number(grid.rowCount ?? 0);
  if (masks(fields, 'gridProperties.columnCount')) s.columnCount = Number(grid.columnCount ?? 0);
  if (masks(fields, 'gridProperties.frozenRowCount')) s.frozenRowCount = Number(grid.frozenRowCount ?? 0);
  if (s.frozenRowCount >= s.rowCount) throw invalid(`Invalid ${where}: You can't freeze all visible rows on the sheet.`);
  return {};
}

function repeatCell(book: StandInSpreadsheet, req: Json, where: string): Json {
  const range = (req.range ?? {}) as Json;
  const s = sheetById(book, range.sheetId, where);
  const r0 = Number(range.startRowIndex ?? 0);
  const r1 = Number(range.endRowIndex ?? s.rowCount);
  const c0 = Number(range.startColumnIndex ?? 0);
  const c1 = Number(range.endColumnIndex ?? s.columnCount);
  if (r1 > s.rowCount || c1 > s.columnCount) {
    throw invalid(
      `Invalid ${where}: Range (${formatRange(s.title, r0, c0, r1, c1)}) exceeds grid limits. Max rows: ${s.rowCount}, max columns: ${s.columnCount}`,
    );
  }
  const fields = req.fields;
  if (typeof fields !== 'string' || !fields) throw invalid(`Invalid ${where}: You must specify which fields to update.`);
  const cell = (req.cell ?? {}) as { userEnteredFormat?: { textFormat?: { bold?: boolean }; numberFormat?: StoredCell['numberFormat'] } };
  const setBold = masks(fields, 'userEnteredFormat.textFormat.bold');
  const setFormat = masks(fields, 'userEnteredFormat.numberFormat');
  const bold = cell.userEnteredFormat?.textFormat?.bold === true;
  const numberFormat = cell.userEnteredFormat?.numberFormat;
  for (let i = r0; i < r1; i++) {
    const row = (s.cells[i] ??= []);
    for (let j = c0; j < c1; j++) {
      const c = row[j] ?? { value: '' };
      if (setBold) c.bold = bold;
      if (setFormat) c.numberFormat = numberFormat ? { ...numberFormat } : undefined;
      row[j] = c.value === '' && !c.bold && !c.numberFormat ? undefined : c;
    }
  }
  return {};
}

function deleteSheet(book: StandInSpreadsheet, req: Json, where: string): Json {
  const s = sheetById(book, req.sheetId, where);
  if (book.sheets.length === 1) throw invalid(`Invalid ${where}: You can't remove all the sheets in a document.`);
  book.sheets.splice(book.sheets.indexOf(s), 1);
  book.sheets.forEach((x, i) => (x.index = i));
  return {};
}

const HANDLERS: Record<string, (book: StandInSpreadsheet, req: Json, where: string) => Json> = {
  addSheet,
  updateSheetProperties,
  repeatCell,
  deleteSheet,
};

/** Applies every request or none (Google's batchUpdate is atomic); returns the replies. */
export function applyRequests(book: StandInSpreadsheet, requests: unknown): Json[] {
  if (!Array.isArray(requests) || requests.length === 0) throw invalid('Must specify at least one request.');
  const draft: StandInSpreadsheet = structuredClone(book);
  const replies = requests.map((req: Json, i) => {
    const keys = Object.keys(req ?? {});
    if (keys.length !== 1) throw invalid(`Invalid requests[${i}]: request must have exactly one kind set.`);
    const kind = keys[0];
    const handler = HANDLERS[kind];
    if (!handler) {
      throw new GoogleError(400, 'INVALID_ARGUMENT', `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`);
    }
    return handler(draft, req[kind] as Json, `requests[${i}].${kind}`);
  });
  Object.assign(book, draft);
  return replies;
}
