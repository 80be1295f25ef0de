/** Grid helpers shared by the .xlsx reader and the Excel adapter. */
import type { Cell, Grid } from './types';

/** A rectangle of 0-based rows and columns, inclusive. */
export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function filled(v: Cell): boolean {
  return v !== null && v !== undefined && v !== '';
}

/**
 * Merged cells carry their value in the top-left cell only. Schools merge a teacher's name down over the rows of
 * her papers; every cell of the merge gets the value, as the person reading the sheet sees it. The merge's first
 * row is filled across; a row below it only when that row holds a value of its own (a name merged down over blank
 * rows must not make them look like data rows). Only rows the grid has are filled. Every area counts its cells
 * (rows clamped to the grid) against `budget`, repeats too, before anything is written: past it, a RangeError.
 * Returns the number of cells filled.
 */
export function fillMerged(grid: Grid, areas: Iterable<Area>, budget = Infinity): number {
  const list = [...areas];
  let cost = 0;
  for (const a of list) {
    const rows = Math.max(0, Math.min(a.r1, grid.length - 1) - a.r0 + 1);
    cost += rows * Math.max(0, a.c1 - a.c0 + 1);
    if (cost > budget) throw new RangeError('合并单元格展开后的单元格数量超过上限');
  }
  if (!list.length) return 0;
  const hasValue: boolean[] = grid.map((row) => row !== undefined && row.some(filled));
  let count = 0;
  for (const a of list) {
    const value = grid[a.r0]?.[a.c0];
    if (!filled(value)) continue;
    const last = Math.min(a.r1, grid.length - 1);
    for (let r = a.r0; r <= last; r++) {
      if (r > a.r0 && !hasValue[r]) continue;
      const row = grid[r] ?? (grid[r] = []);
      for (let c = a.c0; c <= a.c1; c++) {
        if ((r === a.r0 && c === a.c0) || filled(row[c])) continue;
        for (let k = row.length; k < c; k++) row[k] = null;
        row[c] = value;
        count++;
      }
    }
  }
  return count;
}
