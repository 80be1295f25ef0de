/** Size limits of an upload: request bodies, and what an .xlsx may expand to (zip bombs answer 413, not a crash). */
import type { SheetInput } from '../../shared/types';
import { HttpError } from '../http/errors';
import type { ReadLimits } from '../xlsx/read';

/** All upload limits. */
export interface UploadLimits {
  /** Bytes of a request body (multipart file or JSON). */
  bodyBytes: number;
  /** Total uncompressed bytes of all entries of an .xlsx. */
  uncompressedBytes: number;
  /** Number of zip entries. */
  entries: number;
  /** Non-empty cells over all sheets. */
  cells: number;
  /** Rows × columns of the used range from A1 of one sheet (a lone cell at XFD1048576 must not allocate 17 billion). */
  area: number;
  /** Characters of text over all cells once read (a shared string repeated in every cell multiplies a small file). */
  textChars: number;
}

/** Defaults: 20 MB bodies; a workbook may expand to 200 MB, 1 M cells, 5 M grid positions per sheet, 50 M characters of text. */
export const DEFAULT_LIMITS: UploadLimits = {
  bodyBytes: 20 * 1024 * 1024,
  uncompressedBytes: 200 * 1024 * 1024,
  entries: 2000,
  cells: 1_000_000,
  area: 5_000_000,
  textChars: 50_000_000,
};

/** The reader's limits (server/xlsx/read.ts) for an uploaded workbook. */
export function readLimitsOf(l: UploadLimits): ReadLimits {
  return { maxCells: l.cells, maxUncompressed: l.uncompressedBytes, maxEntries: l.entries, maxArea: l.area, maxTextChars: l.textChars };
}

/** The 413 answer for an oversized workbook. */
export function tooLarge(what: string): HttpError {
  return new HttpError(413, 'too_large', `工作簿过大：${what}`);
}

/** Checks grids sent as JSON (the add-in's upload) against the cell and area limits. */
export function checkGrids(sheets: SheetInput[], limits: UploadLimits): void {
  let cells = 0;
  for (const s of sheets) {
    let width = 0;
    for (const row of s.grid) {
      if (row.length > width) width = row.length;
      for (const v of row) if (v !== null && v !== undefined && v !== '') cells++;
    }
    if (s.grid.length * width > limits.area) throw tooLarge(`工作表“${s.sheet}”有 ${s.grid.length} 行 × ${width} 列，超过上限`);
  }
  if (cells > limits.cells) throw tooLarge(`共 ${cells} 个非空单元格，超过上限 ${limits.cells}`);
}
