/** Puts the district report into the workbook: insertWorksheetsFromBase64 (ExcelApi 1.13) or, without it,
 *  values and formats written block by block; plus a chart of the school against the district. */
import { colLetter } from '../../shared/a1';
import type { Grid } from '../../shared/types';
import { PAYLOAD_BUDGET, rowsPerBlock } from '../core/blocks';
import { capabilities } from './host';
import { docSetting, refreshDocSettings, saveDocSettings } from './settings';

/** Document-settings key: the sheets Yanbiao inserted last time (replaced on the next download). */
export const REPORT_KEY = 'yanbiao.reportSheets';

/** A sheet of the report as plain data; `formats`: the file's number formats (0.0%, dates…) where not General. */
export interface ReportSheet { name: string; grid: Grid; formats?: (string | null)[][] }

/** How the report got in: inserted as a file (keeps every format), written as values and formats, or both. */
export interface InsertOutcome { mode: 'base64' | 'values' | 'mixed'; sheets: string[]; renamed: string[] }

function cellValue(v: unknown): string | number | boolean {
  return v === null || v === undefined ? '' : (v as string | number | boolean);
}

/** Writes rows [from, to) of a sheet into `ws`; text cells get '@' first so no text ever becomes a formula, other
 *  cells keep the file's number format (a rate stays 85.7%, not 0.857). */
function writeGrid(ws: Excel.Worksheet, sheet: ReportSheet, from: number, to: number, cols: number): void {
  const rows = sheet.grid.slice(from, to).map((r) => Array.from({ length: cols }, (_, c) => r?.[c]));
  const range = ws.getRange(`A${from + 1}:${colLetter(cols - 1)}${to}`);
  range.numberFormat = rows.map((r, i) => r.map((v, c) => (typeof v === 'string' ? '@' : sheet.formats?.[from + i]?.[c] ?? 'General')));
  range.values = rows.map((r) => r.map(cellValue));
}

/** A name free in `taken` for a report sheet that clashes with one of the user's: 教师名册（汇总）, …（汇总2）. */
function reportName(name: string, taken: Set<string>): string {
  let out = `${name}（汇总）`;
  for (let i = 2; taken.has(out); i++) out = `${name}（汇总${i}）`;
  return out;
}

/**
 * Inserts the report sheets, replacing the ones a previous download inserted. A report sheet whose name is taken
 * by one of the user's own sheets (their 教师名册, say) is never allowed to touch it: it is written under a new
 * name as values and formats; the others go in with insertWorksheetsFromBase64 where ExcelApi 1.13 is there.
 */
export async function insertReport(base64: string, sheets: ReportSheet[]): Promise<InsertOutcome> {
  await refreshDocSettings();
  const prior = docSetting<string[]>(REPORT_KEY) ?? [];
  // the whole file travels in one request: past Excel on the web's 5 MB limit it would be refused, so write values
  const canBase64 = capabilities().insertSheets && base64.length <= PAYLOAD_BUDGET;
  const outcome = await Excel.run(async (context) => {
    const book = context.workbook;
    const ws = book.worksheets.load('items/name');
    await context.sync();
    const existing = new Set(ws.items.map((w) => w.name));
    for (const name of prior) if (existing.has(name)) { book.worksheets.getItem(name).delete(); existing.delete(name); }
    const direct = canBase64 ? sheets.filter((s) => !existing.has(s.name)) : [];
    const written = sheets.filter((s) => !direct.includes(s));
    if (direct.length) {
      book.insertWorksheetsFromBase64(base64, { positionType: 'End', sheetNamesToInsert: direct.map((s) => s.name) });
      await context.sync();
      for (const s of direct) existing.add(s.name);
    }
    const renamed: string[] = [];
    const names = new Map<ReportSheet, string>(direct.map((s) => [s, s.name]));
    for (const s of written) {
      const name = existing.has(s.name) ? reportName(s.name, existing) : s.name;
      if (name !== s.name) renamed.push(name);
      existing.add(name);
      names.set(s, name);
      const sheet = book.worksheets.add(name);
      const cols = Math.max(1, ...s.grid.map((r) => r?.length ?? 0));
      const step = Math.max(1, Math.floor(rowsPerBlock(cols) / 2)); // writes carry values and formats
      for (let r = 0; r < s.grid.length; r += step) {
        // each block is its own request: suspend recalculation for the sync that carries it
        book.application.suspendApiCalculationUntilNextSync();
        writeGrid(sheet, s, r, Math.min(s.grid.length, r + step), cols);
        if (r + step < s.grid.length) await context.sync();
      }
      sheet.getRange(`A1:${colLetter(cols - 1)}1`).format.font.bold = true;
      sheet.freezePanes.freezeRows(1);
      sheet.getRange(`A:${colLetter(cols - 1)}`).format.autofitColumns();
    }
    await context.sync();
    const mode: InsertOutcome['mode'] = !written.length ? 'base64' : direct.length ? 'mixed' : 'values';
    return { mode, sheets: sheets.map((s) => names.get(s)!), renamed };
  });
  await saveDocSettings({ [REPORT_KEY]: outcome.sheets });
  return outcome;
}

/** One bar pair of the comparison chart. */
export interface ComparisonRow { label: string; school: number; district: number }

/** Writes a small table on sheet `name` and a clustered column chart of the school against the district. */
export async function addComparisonChart(name: string, school: string, rows: ComparisonRow[]): Promise<void> {
  await refreshDocSettings();
  const prior = docSetting<string[]>(REPORT_KEY) ?? [];
  await Excel.run(async (context) => {
    const book = context.workbook;
    const old = book.worksheets.getItemOrNullObject(name);
    await context.sync();
    if (!old.isNullObject) old.delete();
    const ws = book.worksheets.add(name);
    const grid: (string | number)[][] = [['指标', school, '全区'], ...rows.map((r) => [r.label, r.school, r.district])];
    const range = ws.getRange(`A1:C${grid.length}`);
    range.numberFormat = grid.map((r, i) => r.map((_v, j) => (i === 0 || j === 0 ? '@' : '0.00')));
    range.values = grid;
    ws.getRange('A1:C1').format.font.bold = true;
    ws.getRange('A:C').format.autofitColumns();
    const chart = ws.charts.add('ColumnClustered', range, 'Columns');
    chart.title.text = `${school}与全区对比`;
    chart.setPosition('E2', 'N20');
    ws.activate();
    await context.sync();
  });
  if (!prior.includes(name)) await saveDocSettings({ [REPORT_KEY]: [...prior, name] });
}
