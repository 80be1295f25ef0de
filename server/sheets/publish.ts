/**
 * Writes tabs (rows of cells, header first) into a Google spreadsheet: create or clear each tab, write every
 * value in one values.batchUpdate with valueInputOption=RAW, then bold and freeze the header rows (and set number formats) in one batchUpdate.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { Cell } from '../../shared/types';
import type { SheetsClient } from './client';
import { toSheetsError } from './errors';
import { quoteSheetTitle } from './range';

/** One tab to write: its title and its rows, the first row being the header. */
export interface Tab {
  title: string;
  rows: Cell[][];
  /** Number format per column (`0.0%`, `0.00`), applied to the data rows below the header. */
  formats?: (string | undefined)[];
  /** How many data rows get `formats` (default: all). */
  formatRows?: number;
}

/** The batchUpdate requests that give the data rows of a tab their number formats. */
function numberFormats(tab: Tab, sheetId: number | undefined): sheets_v4.Schema$Request[] {
  const last = 1 + Math.min(tab.formatRows ?? Infinity, tab.rows.length - 1);
  if (!tab.formats || last <= 1) return [];
  return tab.formats.flatMap((pattern, col): sheets_v4.Schema$Request[] =>
    pattern
      ? [
          {
            repeatCell: {
              range: { sheetId, startRowIndex: 1, endRowIndex: last, startColumnIndex: col, endColumnIndex: col + 1 },
              cell: { userEnteredFormat: { numberFormat: { type: pattern.includes('%') ? 'PERCENT' : 'NUMBER', pattern } } },
              fields: 'userEnteredFormat.numberFormat',
            },
          },
        ]
      : [],
  );
}

/** What was written. */
export interface PublishResult {
  spreadsheetId: string;
  tabs: { title: string; sheetId: number; rows: number; columns: number; created: boolean }[];
  updatedCells: number;
}

/** A cell as it goes to Google: empty cells as '' (null would mean "leave as is"), never NaN. */
function outCell(c: Cell): string | number | boolean {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number' && !Number.isFinite(c)) return '';
  return c;
}

// One publish per spreadsheet at a time in this process: a button press during an automatic publish would
// otherwise race it (both adding the same tab, or clearing what the other just wrote).
const inFlight = new Map<string, Promise<unknown>>();

/** Publishes the tabs; other tabs of the spreadsheet are left alone. Throws SheetsError. */
export async function publishTabs(client: SheetsClient, spreadsheetId: string, tabs: Tab[]): Promise<PublishResult> {
  const before = inFlight.get(spreadsheetId) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(() => publish(client.api, spreadsheetId, tabs));
  inFlight.set(spreadsheetId, mine);
  try {
    return await mine;
  } catch (err) {
    throw toSheetsError(err, { spreadsheetId, account: client.account, action: 'publish' });
  } finally {
    if (inFlight.get(spreadsheetId) === mine) inFlight.delete(spreadsheetId);
  }
}

async function publish(api: sheets_v4.Sheets, spreadsheetId: string, tabs: Tab[]): Promise<PublishResult> {
  const got = await api.spreadsheets.get({
    spreadsheetId,
    fields: 'sheets.properties(sheetId,title,gridProperties(rowCount,columnCount))',
  });
  const existing = new Map((got.data.sheets ?? []).map((s) => [s.properties?.title ?? '', s.properties ?? {}]));
  const shapes = tabs.map((t) => ({
    tab: t,
    rows: t.rows.length,
    columns: Math.max(1, ...t.rows.map((r) => r.length)),
  }));

  // Missing tabs are added big enough for their rows; existing ones grow if they are too small
  // (Google refuses values outside the grid). One row to spare so the frozen header never covers all rows.
  const structural: sheets_v4.Schema$Request[] = [];
  for (const s of shapes) {
    const props = existing.get(s.tab.title);
    const rowCount = Math.max(s.rows + 1, props?.gridProperties?.rowCount ?? 1000);
    const columnCount = Math.max(s.columns, props?.gridProperties?.columnCount ?? 26);
    if (!props) {
      structural.push({ addSheet: { properties: { title: s.tab.title, gridProperties: { rowCount, columnCount } } } });
    } else if (rowCount !== props.gridProperties?.rowCount || columnCount !== props.gridProperties?.columnCount) {
      structural.push({
        updateSheetProperties: {
          properties: { sheetId: props.sheetId, gridProperties: { rowCount, columnCount } },
          fields: 'gridProperties.rowCount,gridProperties.columnCount',
        },
      });
    }
  }
  const ids = new Map<string, number>();
  for (const [title, p] of existing) ids.set(title, p.sheetId ?? 0);
  if (structural.length) {
    const res = await api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests: structural } });
    for (const reply of res.data.replies ?? []) {
      const p = reply.addSheet?.properties;
      if (p?.title) ids.set(p.title, p.sheetId ?? 0);
    }
  }

  const toClear = tabs.filter((t) => existing.has(t.title)).map((t) => quoteSheetTitle(t.title));
  if (toClear.length) {
    await api.spreadsheets.values.batchClear({ spreadsheetId, requestBody: { ranges: toClear } });
  }

  const written = await api.spreadsheets.values.batchUpdate({
    spreadsheetId,
    requestBody: {
      valueInputOption: 'RAW',
      data: tabs.map((t) => ({ range: `${quoteSheetTitle(t.title)}!A1`, majorDimension: 'ROWS', values: t.rows.map((r) => r.map(outCell)) })),
    },
  });

  await api.spreadsheets.batchUpdate({
    spreadsheetId,
    requestBody: {
      requests: tabs.flatMap((t): sheets_v4.Schema$Request[] => [
        {
          repeatCell: {
            range: { sheetId: ids.get(t.title), startRowIndex: 0, endRowIndex: 1 },
            cell: { userEnteredFormat: { textFormat: { bold: true } } },
            fields: 'userEnteredFormat.textFormat.bold',
          },
        },
        {
          updateSheetProperties: {
            properties: { sheetId: ids.get(t.title), gridProperties: { frozenRowCount: 1 } },
            fields: 'gridProperties.frozenRowCount',
          },
        },
        ...numberFormats(t, ids.get(t.title)),
      ]),
    },
  });

  return {
    spreadsheetId,
    tabs: shapes.map((s) => ({
      title: s.tab.title,
      sheetId: ids.get(s.tab.title) ?? 0,
      rows: s.rows,
      columns: s.columns,
      created: !existing.has(s.tab.title),
    })),
    updatedCells: written.data.totalUpdatedCells ?? 0,
  };
}
