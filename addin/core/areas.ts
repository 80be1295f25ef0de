/** Merges marked cells into rectangles and A1 area lists, so marks are written as a few RangeAreas, not per cell. */
import { colIndex, rangeAddress } from '../../shared/a1';

/** A rectangle: Excel rows (1-based) and 0-based columns, inclusive. */
export interface Area { r0: number; c0: number; r1: number; c1: number }

/** `B7` → { row: 7, col: 1 }. */
export function cellOf(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new RangeError(`bad cell ${address}`);
  return { row: Number(m[2]), col: colIndex(m[1]) };
}

/** Merges cells into rectangles: vertical runs per column, then equal runs in neighbouring columns side by side. */
export function mergeCells(cells: Iterable<{ row: number; col: number }>): Area[] {
  const byCol = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const rows = byCol.get(col) ?? [];
    rows.push(row);
    byCol.set(col, rows);
  }
  const runs = new Map<string, Area>(); // "r0:r1" → area still open to the right
  const out: Area[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(col))].sort((a, b) => a - b);
    const here: Area[] = [];
    for (const row of rows) {
      const last = here[here.length - 1];
      if (last && last.r1 === row - 1) last.r1 = row;
      else here.push({ r0: row, r1: row, c0: col, c1: col });
    }
    const next = new Map<string, Area>();
    for (const run of here) {
      const key = `${run.r0}:${run.r1}`;
      const open = runs.get(key);
      if (open && open.c1 === col - 1) { open.c1 = col; next.set(key, open); }
      else { out.push(run); next.set(key, run); }
    }
    runs.clear();
    for (const [k, v] of next) runs.set(k, v);
  }
  return out;
}

/** An area as an A1 address (`B3:B5`, or `C7` for one cell). */
export function areaAddress(a: Area): string {
  return rangeAddress(a.r0, a.c0, a.r1, a.c1);
}

/** Joins area addresses into getRanges() strings no longer than `maxChars` (Excel caps RangeAreas addresses). */
export function chunkAddresses(areas: Area[], maxChars = 2000): string[] {
  const out: string[] = [];
  let cur = '';
  for (const a of areas) {
    const addr = areaAddress(a);
    if (cur && cur.length + 2 + addr.length > maxChars) { out.push(cur); cur = ''; }
    cur = cur ? `${cur}, ${addr}` : addr;
  }
  if (cur) out.push(cur);
  return out;
}
