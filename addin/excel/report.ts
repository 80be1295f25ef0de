/** Puts the district report into the workbook: insertWorksheetsFromBase64 (ExcelApi 1.13) or, without it,
 *  values and formats written block by block; plus a chart of the school against the district. */
import { colLetter } from '../../shared/a1';
import type { Grid } from '../../shared/types';
import { cellBytes, HOST_LIMITS, isPayloadError, PAYLOAD_BUDGET } from '../core/limits';
import { asInput } from '../core/text-guard';
import { capabilities } from './host';
import { docSetting, refreshDocSettings, saveDocSettings } from './settings';

/** Document-settings key: the sheets Yanbiao inserted last time (replaced on the next download). */
export const REPORT_KEY = 'yanbiao.reportSheets';

/** A sheet of the report as plain data; `formats`: the file's number formats (0.0%, dates…) where not General. */
export interface ReportSheet { name: string; grid: Grid; formats?: (string | null)[][] }

/** How the report got in: inserted as a file (keeps every format), written as values and formats, or both. */
export interface InsertOutcome { mode: 'base64' | 'values' | 'mixed'; sheets: string[]; renamed: string[] }

/** The number format of each cell of a row: text gets '@' (numbers-as-text stay text), others keep the file's format
 *  (a rate stays 85.7%, not 0.857). */
function rowFormats(sheet: ReportSheet, r: number, cols: number): string[] {
  const row = sheet.grid[r];
  return Array.from({ length: cols }, (_, c) => (typeof row?.[c] === 'string' ? '@' : sheet.formats?.[r]?.[c] ?? 'General'));
}

/** Request bytes of writing row `r`: its values and number formats, as JSON. */
function rowBytes(sheet: ReportSheet, r: number, cols: number): number {
  const row = sheet.grid[r];
  let n = 0;
  for (let c = 0; c < cols; c++) n += cellBytes(row?.[c]);
  for (const f of rowFormats(sheet, r, cols)) n += f.length + 3;
  return n;
}

/** Rows [from, to) of a sheet into `ws`: number formats, then the values through `formulas` so text stays text. */
function writeRows(ws: Excel.Worksheet, sheet: ReportSheet, from: number, to: number, cols: number): void {
  const range = ws.getRange(`A${from + 1}:${colLetter(cols - 1)}${to}`);
  const rows: number[] = [];
  for (let r = from; r < to; r++) rows.push(r);
  range.numberFormat = rows.map((r) => rowFormats(sheet, r, cols));
  range.formulas = rows.map((r) => Array.from({ length: cols }, (_, c) => asInput(sheet.grid[r]?.[c])));
}

/**
 * Writes a sheet in blocks whose request (values and formats, measured row by row) stays under the budget, one sync
 * each with calculation suspended. A block Excel still refuses as too large is applied not at all, so it is
 * written again in halves.
 */
async function writeSheet(context: Excel.RequestContext, ws: Excel.Worksheet, sheet: ReportSheet, cols: number): Promise<void> {
  const book = context.workbook;
  const budget = PAYLOAD_BUDGET / 2; // headroom: values and formats are reckoned, JSON framing is not
  let from = 0;
  while (from < sheet.grid.length) {
    let to = from;
    let bytes = 0;
    while (to < sheet.grid.length && (to === from || bytes + rowBytes(sheet, to, cols) <= budget) && to - from < HOST_LIMITS.blockRows) {
      bytes += rowBytes(sheet, to, cols);
      to++;
    }
    for (;;) {
      book.application.suspendApiCalculationUntilNextSync();
      writeRows(ws, sheet, from, to, cols);
      try {
        await context.sync();
        break;
      } catch (err) {
        if (!isPayloadError(err) || to - from === 1) throw err;
        to = from + Math.ceil((to - from) / 2);
      }
    }
    from = to;
  }
}

/** A name free in `taken` for a report sheet that clashes with one of the user's: 教师名册（汇总）, …（汇总2）. */
function reportName(name: string, taken: Set<string>): string {
  let out = `${name}（汇总）`;
  for (let i = 2; taken.has(out); i++) out = `${name}（汇总${i}）`;
  return out;
}

/** True where insertWorksheetsFromBase64 can be used: ExcelApi 1.13, but not Excel on iPad, which reports 1.13 without
 *  the API ("only supported for Office on Windows, Mac, and the web", @types/office-js). */
function canInsertFile(): boolean {
  return capabilities().insertSheets && String(Office.context.platform ?? '') !== 'iOS';
}

/**
 * Inserts the report sheets, replacing the ones a previous download inserted. A report sheet whose name is taken
 * by one of the user's own sheets (their 教师名册, say) is never allowed to touch it: it is written under a new
 * name as values and formats. The others go in with insertWorksheetsFromBase64 where the host has it, and as values
 * and formats where it has not, or where inserting the file fails.
 */
export async function insertReport(base64: string, sheets: ReportSheet[]): Promise<InsertOutcome> {
  await refreshDocSettings();
  const prior = docSetting<string[]>(REPORT_KEY) ?? [];
  // the whole file travels in one request: past Excel on the web's 5 MB limit it would be refused, so write values
  const canBase64 = canInsertFile() && base64.length <= PAYLOAD_BUDGET;
  const outcome = await Excel.run(async (context) => {
    const book = context.workbook;
    const ws = book.worksheets.load('items/name');
    await context.sync();
    const existing = new Set(ws.items.map((w) => w.name));
    const stale = prior.filter((name) => existing.has(name));
    if (stale.length) {
      for (const name of stale) { book.worksheets.getItem(name).delete(); existing.delete(name); }
      await context.sync();
    }
    let direct = canBase64 ? sheets.filter((s) => !existing.has(s.name)) : [];
    if (direct.length) {
      try {
        book.insertWorksheetsFromBase64(base64, { positionType: 'End', sheetNamesToInsert: direct.map((s) => s.name) });
        await context.sync();
        for (const s of direct) existing.add(s.name);
      } catch {
        // not there after all (Excel on iPad), or refused: the same sheets are written as values and formats;
        // whatever the failed request managed to add is looked up again first
        const added = direct.map((s) => book.worksheets.getItemOrNullObject(s.name));
        direct = [];
        await context.sync();
        for (const w of added) if (!w.isNullObject) w.delete();
        await context.sync();
      }
    }
    const written = sheets.filter((s) => !direct.includes(s));
    const renamed: string[] = [];
    const names = new Map<ReportSheet, string>(direct.map((s) => [s, s.name]));
    for (const s of written) {
      const name = existing.has(s.name) ? reportName(s.name, existing) : s.name;
      if (name !== s.name) renamed.push(name);
      existing.add(name);
      names.set(s, name);
      const sheet = book.worksheets.add(name);
      const cols = Math.max(1, ...s.grid.map((r) => r?.length ?? 0));
      await writeSheet(context, sheet, s, cols);
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
    range.formulas = grid.map((r) => r.map(asInput));
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
