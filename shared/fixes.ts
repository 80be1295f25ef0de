/** Applying safe fixes: every finding that carries a `fix` rewrites its cell; nothing else changes. */
import { colIndex } from './a1';
import type { Finding } from './findings/finding';
import type { Cell, Grid } from './types';

/** The findings that have a safe fix. */
export function fixable(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.fix !== undefined && f.col !== '');
}

/** Returns a copy of the grid with every safe fix of these findings (of this one sheet) applied. */
export function applyFixes(grid: Grid, findings: Finding[]): { grid: Grid; applied: number } {
  const out: Grid = grid.map((row) => (row ? row.slice() : []));
  let applied = 0;
  for (const f of fixable(findings)) {
    const r = f.row - 1;
    const c = colIndex(f.col);
    const row = out[r];
    if (!row) continue;
    if (row[c] !== f.value && !(row[c] === undefined && f.value === null)) continue; // cell changed since validation
    row[c] = f.fix as Cell;
    applied++;
  }
  return { grid: out, applied };
}
