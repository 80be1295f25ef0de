/** Reads worksheets' used ranges (from A1) in row blocks: one context.sync() per group of blocks, never per row. */
import { parseAddress } from '../../shared/a1';
import { fillMerged, type Area } from '../../shared/grid';
import type { Cell, Grid, SheetInput } from '../../shared/types';
import { FIRST_GUESS_BYTES_PER_CELL, groupBlocks, PAYLOAD_BUDGET, planBlocks, type Block } from '../core/blocks';
import { cellBytes, isPayloadError } from '../core/limits';

/** What readWorkbook returns: every visible sheet's grid, the active sheet's name, and every sheet's name and id (hidden too). */
export interface WorkbookRead { sheets: SheetInput[]; active: string; all: { name: string; id: string }[] }

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

/** Rows of each sheet in the first data request: small enough for any cell size, big enough to measure them. */
const PROBE_ROWS = 200;

/** Reads all visible sheets, or only `names` when given. */
export async function readWorkbook(names?: string[]): Promise<WorkbookRead> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/visibility,items/id');
    const active = sheets.getActiveWorksheet();
    active.load('name');
    await context.sync();
    const wanted = sheets.items.filter((s) => s.visibility === 'Visible' && (!names || names.includes(s.name)));
    const usedRanges = () => wanted.map((s) => s.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
    let used = usedRanges();
    // Merged cells hold their value in the top-left cell only; their areas come in the same round trip (ExcelApi
    // 1.13). A sheet with more than 512 merged areas fails that request: then the used ranges are asked again alone
    // and the merged areas afterwards, in parts (readMergedAreas).
    const hasMerged = Office.context.requirements.isSetSupported('ExcelApi', '1.13');
    let merged = hasMerged ? used.map((u) => u.getMergedAreasOrNullObject().load('address')) : null;
    try {
      await context.sync();
    } catch (err) {
      if (!merged) throw err;
      merged = null;
      used = usedRanges();
      await context.sync();
    }

    const grids = new Map<string, Grid>();
    const sizes = new Map<string, { rows: number; cols: number }>();
    let blocks: Block[] = [];
    wanted.forEach((s, i) => {
      const u = used[i];
      if (u.isNullObject) { grids.set(s.name, []); return; }
      // the engine wants the grid from A1, so read from row 1 / column A even when data starts lower
      const rows = u.rowIndex + u.rowCount;
      const cols = u.columnIndex + u.columnCount;
      grids.set(s.name, new Array(rows));
      sizes.set(s.name, { rows, cols });
      // the first block of each sheet is a probe: what its cells really weigh sizes every block after it
      const probe = Math.min(rows, PROBE_ROWS);
      blocks.push({ sheet: s.name, row: 0, rows: probe, cols });
      if (rows > probe) blocks.push({ sheet: s.name, row: probe, rows: rows - probe, cols });
    });

    const byName = new Map(wanted.map((s) => [s.name, s]));
    let bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
    let first = true;
    while (blocks.length) {
      // the probes go together in the first request; after that, blocks are cut to what was measured
      const group = first ? blocks.filter((b) => b.row === 0) : groupBlocks(blocks, bytesPerCell)[0];
      const ranges = group.map((b) => byName.get(b.sheet)!.getRangeByIndexes(b.row, 0, b.rows, b.cols).load('values'));
      try {
        await context.sync();
      } catch (err) {
        // more than Excel on the web moves in one request or answer: read the first block in quarters, reckoning
        // its cells at least as heavy as that block's share of the whole budget
        if (!isPayloadError(err) || (group.length === 1 && group[0].rows === 1)) throw err;
        const head = group[0];
        const rows = Math.max(1, Math.floor(head.rows / 4));
        bytesPerCell = Math.max(bytesPerCell, Math.ceil(PAYLOAD_BUDGET / (head.cols * Math.max(1, rows))));
        const parts: Block[] = [];
        for (let r = 0; r < head.rows; r += rows) parts.push({ ...head, row: head.row + r, rows: Math.min(rows, head.rows - r) });
        blocks = [...parts, ...blocks.filter((b) => b !== head)];
        first = false;
        continue;
      }
      blocks = blocks.filter((b) => !group.includes(b));
      first = false;
      let bytes = 0;
      let cells = 0;
      group.forEach((b, i) => {
        const values = ranges[i].values;
        const grid = grids.get(b.sheet)!;
        for (let r = 0; r < values.length; r++) {
          const row = values[r];
          grid[b.row + r] = row.map(toCell);
          for (const v of row) bytes += cellBytes(v);
        }
        cells += b.rows * b.cols;
      });
      // learn the real size of this workbook's cells so later blocks stay under the budget
      if (cells > 0) {
        bytesPerCell = Math.max(FIRST_GUESS_BYTES_PER_CELL / 2, Math.ceil((bytes / cells) * 1.5));
        blocks = blocks.flatMap((b) => planBlocks(b.sheet, b.rows, b.cols, bytesPerCell).map((x) => ({ ...x, row: x.row + b.row })));
      }
    }
    // Every cell of a merged range gets its value, as the .xlsx reader does (a teacher's name merged down her papers).
    if (merged) {
      merged.forEach((m, i) => {
        if (!m.isNullObject) fillMerged(grids.get(wanted[i].name)!, mergedAreasOf(m.address));
      });
    } else if (hasMerged) {
      const parts = await readMergedAreas(context, wanted.filter((s) => sizes.has(s.name)), sizes);
      for (const [name, areas] of parts) if (areas.length) fillMerged(grids.get(name)!, areas);
    }
    return { sheets: wanted.map((s) => ({ sheet: s.name, grid: grids.get(s.name)! })), active: active.name, all: sheets.items.map((s) => ({ name: s.name, id: s.id })) };
  });
}

/**
 * The merged areas of each sheet's used range (ExcelApi 1.13). All sheets are asked in one request; a range with more
 * than 512 merged areas makes `getMergedAreasOrNullObject` fail, and with it the whole request, so then each sheet is
 * asked on its own, in halves of its rows until every part is under the limit. A single row still over it (thousands
 * of merges side by side) is left unfilled rather than failing the read.
 */
async function readMergedAreas(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  sizes: Map<string, { rows: number; cols: number }>,
): Promise<Map<string, Area[]>> {
  const out = new Map<string, Area[]>(sheets.map((s) => [s.name, []]));
  type Part = { sheet: Excel.Worksheet; row: number; rows: number; cols: number };
  const ask = async (parts: Part[]): Promise<boolean> => {
    const got = parts.map((p) => p.sheet.getRangeByIndexes(p.row, 0, p.rows, p.cols).getMergedAreasOrNullObject().load('address'));
    try {
      await context.sync();
    } catch (err) {
      if (isPayloadError(err) && parts.length === 1 && parts[0].rows === 1) return true; // one row too large to ask about
      return false;
    }
    got.forEach((m, i) => {
      if (!m.isNullObject) out.get(parts[i].sheet.name)!.push(...mergedAreasOf(m.address));
    });
    return true;
  };
  const whole = sheets.map((sheet) => ({ sheet, row: 0, ...sizes.get(sheet.name)! }));
  if (!whole.length || (await ask(whole))) return dedupe(out);
  const pending: Part[] = [...whole];
  while (pending.length) {
    const p = pending.shift()!;
    if (await ask([p])) continue;
    if (p.rows === 1) continue; // more than 512 merged areas in one row: left as read
    const half = Math.ceil(p.rows / 2);
    pending.unshift({ ...p, rows: half }, { ...p, row: p.row + half, rows: p.rows - half });
  }
  return dedupe(out);
}

/** An area crossing a block boundary is reported by both blocks. */
function dedupe(m: Map<string, Area[]>): Map<string, Area[]> {
  for (const [k, areas] of m) {
    const seen = new Set<string>();
    m.set(k, areas.filter((a) => {
      const key = `${a.r0}:${a.c0}:${a.r1}:${a.c1}`;
      return seen.has(key) ? false : (seen.add(key), true);
    }));
  }
  return m;
}
