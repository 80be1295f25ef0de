/** Plans the blocks a used range is read in, keeping each request well under Excel on the web's 5 MB limit. */

import { HOST_LIMITS, PAYLOAD_BUDGET } from './limits';

export { PAYLOAD_BUDGET };
/** Bytes a cell is assumed to take before any block has been measured. */
export const FIRST_GUESS_BYTES_PER_CELL = 20;
/** Microsoft's guidance: blocks of 5,000–20,000 rows. */
export const MAX_BLOCK_ROWS = HOST_LIMITS.blockRows;

/** Rows per block for `cols` columns at `bytesPerCell` (never more than 20,000 rows, never fewer than 1). */
export function rowsPerBlock(cols: number, bytesPerCell = FIRST_GUESS_BYTES_PER_CELL): number {
  const rows = Math.floor(PAYLOAD_BUDGET / (Math.max(cols, 1) * Math.max(bytesPerCell, 1)));
  return Math.max(1, Math.min(MAX_BLOCK_ROWS, rows));
}

/** One block: 0-based first row and row count over columns 0..cols-1. */
export interface Block { sheet: string; row: number; rows: number; cols: number }

/** Cuts a sheet of `rows` × `cols` into blocks. */
export function planBlocks(sheet: string, rows: number, cols: number, bytesPerCell?: number): Block[] {
  const step = rowsPerBlock(cols, bytesPerCell);
  const out: Block[] = [];
  for (let r = 0; r < rows; r += step) out.push({ sheet, row: r, rows: Math.min(step, rows - r), cols });
  return out;
}

/** Groups blocks into syncs whose estimated payload stays under the budget (small sheets share one sync). */
export function groupBlocks(blocks: Block[], bytesPerCell = FIRST_GUESS_BYTES_PER_CELL): Block[][] {
  const out: Block[][] = [];
  let cur: Block[] = [];
  let bytes = 0;
  for (const b of blocks) {
    const est = b.rows * b.cols * bytesPerCell;
    if (cur.length && bytes + est > PAYLOAD_BUDGET) { out.push(cur); cur = []; bytes = 0; }
    cur.push(b);
    bytes += est;
  }
  if (cur.length) out.push(cur);
  return out;
}
