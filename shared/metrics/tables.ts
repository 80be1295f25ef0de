/** Two-way count tables (级别 × 获奖等级 …) with every canonical row and column present, so shapes are stable. */
import type { Table } from './schema';

/** An all-zero table over the given rows and columns. */
export function emptyTable(rows: readonly string[], cols: readonly string[]): Table {
  const t: Table = {};
  for (const r of rows) {
    t[r] = {};
    for (const c of cols) t[r][c] = 0;
  }
  return t;
}

/** Adds one to (row, col); a value outside the canonical sets still counts, in a row/column of its own. */
export function bump(t: Table, row: string, col: string, by = 1): void {
  const r = (t[row] ??= {});
  r[col] = (r[col] ?? 0) + by;
}

/** Cell-wise sum of tables into a new table. */
export function sumTables(tables: Table[], rows: readonly string[], cols: readonly string[]): Table {
  const out = emptyTable(rows, cols);
  for (const t of tables) for (const r of Object.keys(t)) for (const c of Object.keys(t[r])) bump(out, r, c, t[r][c]);
  return out;
}
