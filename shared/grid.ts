/** Grid helpers shared by the .xlsx reader and the Excel adapter. */
import type { Grid } from './types';

/** A rectangle of 0-based rows and columns, inclusive. */
export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/**
 * Merged cells carry their value in the top-left cell only. Schools merge a teacher's name down over the rows of
 * her papers; every cell of the merge gets the value, as the person reading the sheet sees it. Only rows the grid
 * has are filled; past `budget` filled cells it throws (the caller's limit on cells). Returns the number filled.
 */
export function fillMerged(grid: Grid, areas: Iterable<Area>, budget = Infinity): number {
  let filled = 0;
  for (const a of areas) {
    const value = grid[a.r0]?.[a.c0];
    if (value === null || value === undefined || value === '') continue;
    const last = Math.min(a.r1, grid.length - 1);
    for (let r = a.r0; r <= last; r++) {
      const row = grid[r] ?? (grid[r] = []);
      for (let c = a.c0; c <= a.c1; c++) {
        if ((r === a.r0 && c === a.c0) || (row[c] !== null && row[c] !== undefined && row[c] !== '')) continue;
        if (++filled > budget) throw new RangeError('合并单元格展开后的单元格数量超过上限');
        for (let k = row.length; k < c; k++) row[k] = null;
        row[c] = value;
      }
    }
  }
  return filled;
}
