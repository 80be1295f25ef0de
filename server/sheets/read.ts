/** Reads a registered range of a Google spreadsheet as the same grid an .xlsx upload gives the engine. */
import type { Cell, SheetInput } from '../../shared/types';
import type { SheetsClient } from './client';
import { SheetsError, toSheetsError } from './errors';
import { splitReturnedRange } from './range';

/** Reads `range` with unformatted values and date serials (as Excel gives them); padded to a rectangle whose grid[0][0] is A1. */
export async function readSheetGrid(client: SheetsClient, spreadsheetId: string, range: string): Promise<SheetInput> {
  if (!range.trim()) throw new SheetsError('bad_range', '请填写要读取的范围，例如“论文投稿!A1:Z”或工作表名。');
  let data;
  try {
    const res = await client.api.spreadsheets.values.get({
      spreadsheetId,
      range,
      majorDimension: 'ROWS',
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    data = res.data;
  } catch (err) {
    throw toSheetsError(err, { spreadsheetId, account: client.account, range, action: 'import' });
  }
  const at = splitReturnedRange(data.range ?? range);
  // Sheets leaves out trailing empty cells and rows, and sends "" for empty cells in between;
  // the engine expects null for empty. Padding to A1 keeps row numbers and column letters as the user sees them.
  const lead: Cell[] = new Array<Cell>(at.col).fill(null);
  const rows: Cell[][] = new Array(Math.max(0, at.row - 1)).fill(null).map(() => []);
  for (const row of (data.values ?? []) as unknown[][]) {
    const cells = row.map((v): Cell => (v === '' || v === null || v === undefined ? null : typeof v === 'object' ? String(v) : (v as Cell)));
    rows.push(cells.length ? [...lead, ...cells] : []);
  }
  // Rectangular, like the used range of an .xlsx sheet.
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (const r of rows) while (r.length < width) r.push(null);
  return { sheet: at.sheet, grid: rows };
}
