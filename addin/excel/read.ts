/** Reads worksheets' used ranges (from A1) in row blocks: one context.sync() per group of blocks, never per row. */
import { parseAddress } from '../../shared/a1';
import { fillMerged, type Area } from '../../shared/grid';
import type { Cell, Grid, SheetInput } from '../../shared/types';
import { FIRST_GUESS_BYTES_PER_CELL, groupBlocks, PAYLOAD_BUDGET, planBlocks, type Block } from '../core/blocks';

/** What readWorkbook returns: every visible sheet's grid, the active sheet's name, and every sheet's name and id (hidden too). */
export interface WorkbookRead { sheets: SheetInput[]; active: string; all: { name: string; id: string }[] }

/** Excel's error code when a request or its answer passes 5 MB. */
const PAYLOAD_ERROR = 'RequestPayloadSizeLimitExceeded';

/** `Sheet1!A2:A4, 'My sheet'!D2:D3` (RangeAreas.address) → areas. */
export function mergedAreasOf(address: string): Area[] {
  const out: Area[] = [];
  // Drop sheet prefixes first: a quoted sheet name may itself hold a comma.
  for (const part of address.replace(/(?:'(?:[^']|'')*'|[^,!']+)!/g, '').split(',')) {
    const ref = part.trim().replace(/\$/g, '');
    if (!ref) continue;
    const [a, b = a] = ref.split(':');
    const p = parseAddress(a);
    const q = parseAddress(b);
    out.push({ r0: p.row - 1, c0: p.col, r1: q.row - 1, c1: q.col });
  }
  return out;
}

function toCell(v: unknown): Cell {
  // Office.js gives '' for an empty cell; the engine treats null as empty
  if (v === '' || v === undefined) return null;
  return v as Cell;
}

/** Reads all visible sheets, or only `names` when given. */
export async function readWorkbook(names?: string[]): Promise<WorkbookRead> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/visibility,items/id');
    const active = sheets.getActiveWorksheet();
    active.load('name');
    await context.sync();
    const wanted = sheets.items.filter((s) => s.visibility === 'Visible' && (!names || names.includes(s.name)));
    const used = wanted.map((s) => s.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
    // Merged cells hold their value in the top-left cell only; their areas come in the same round trip (ExcelApi 1.13).
    const merged = Office.context.requirements.isSetSupported('ExcelApi', '1.13')
      ? used.map((u) => u.getMergedAreasOrNullObject().load('address'))
      : null;
    await context.sync();

    const grids = new Map<string, Grid>();
    const blocks: Block[] = [];
    wanted.forEach((s, i) => {
      const u = used[i];
      if (u.isNullObject) { grids.set(s.name, []); return; }
      // the engine wants the grid from A1, so read from row 1 / column A even when data starts lower
      const rows = u.rowIndex + u.rowCount;
      const cols = u.columnIndex + u.columnCount;
      grids.set(s.name, new Array(rows));
      blocks.push(...planBlocks(s.name, rows, cols));
    });

    let bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
    const byName = new Map(wanted.map((s) => [s.name, s]));
    let queue = blocks;
    while (queue.length) {
      const [group] = groupBlocks(queue, bytesPerCell);
      const ranges = group.map((b) => byName.get(b.sheet)!.getRangeByIndexes(b.row, 0, b.rows, b.cols).load('values'));
      try {
        await context.sync();
      } catch (err) {
        // cells far longer than guessed: Excel refuses the request; retry with a quarter of the rows
        if ((err as { code?: string }).code !== PAYLOAD_ERROR || group[0].rows === 1) throw err;
        const first = group[0];
        const rows = Math.max(1, Math.floor(first.rows / 4));
        bytesPerCell = Math.max(bytesPerCell, Math.ceil(PAYLOAD_BUDGET / (first.cols * rows)));
        const parts: Block[] = [];
        for (let r = 0; r < first.rows; r += rows) parts.push({ ...first, row: first.row + r, rows: Math.min(rows, first.rows - r) });
        queue = [...parts, ...queue.slice(1)];
        continue;
      }
      queue = queue.slice(group.length);
      let bytes = 0;
      let cells = 0;
      group.forEach((b, i) => {
        const values = ranges[i].values;
        const grid = grids.get(b.sheet)!;
        for (let r = 0; r < values.length; r++) {
          const row = values[r];
          grid[b.row + r] = row.map(toCell);
          for (const v of row) bytes += typeof v === 'string' ? v.length * 3 + 3 : 8;
        }
        cells += b.rows * b.cols;
      });
      // learn the real size of this workbook's cells so later blocks stay under the budget
      if (cells > 0) {
        bytesPerCell = Math.max(FIRST_GUESS_BYTES_PER_CELL / 2, Math.ceil((bytes / cells) * 1.5));
        queue = queue.flatMap((b) => planBlocks(b.sheet, b.rows, b.cols, bytesPerCell).map((x) => ({ ...x, row: x.row + b.row })));
      }
    }
    // Every cell of a merged range gets its value, as the .xlsx reader does (a teacher's name merged down her papers).
    merged?.forEach((m, i) => {
      if (!m.isNullObject) fillMerged(grids.get(wanted[i].name)!, mergedAreasOf(m.address));
    });
    return { sheets: wanted.map((s) => ({ sheet: s.name, grid: grids.get(s.name)! })), active: active.name, all: sheets.items.map((s) => ({ name: s.name, id: s.id })) };
  });
}
