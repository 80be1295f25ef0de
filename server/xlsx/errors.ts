/**
 * The reader's bounds and its two failures: Excel's own limits and the caller's, a limit passed (the server answers
 * 413) and a file that is not a readable workbook (400).
 */

/** Raised when a limit is passed; the message says which, in Chinese. */
export class LimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LimitError';
  }
}

/** Raised for a file that cannot be read as a workbook; the message says where and why, in Chinese. */
export class BrokenFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrokenFileError';
  }
}

/** Excel's own bounds (Excel specifications and limits). */
export const EXCEL = { maxRows: 1_048_576, maxCols: 16_384, maxText: 32_767 } as const;

/** The caller's limits against hostile files. */
export interface OoxmlLimits {
  /** Cells (`<c>` elements) over all sheets, plus the cells merged ranges cover (each area counted, repeats too). */
  maxCells: number;
  /** Inflated bytes over every part read. */
  maxUncompressed: number;
  /** Entries in the zip. */
  maxEntries: number;
  /** Rows × columns of one sheet's grid from A1 (a lone value at XFD1048576 must not allocate 17 billion). */
  maxArea: number;
  /**
   * Characters of text over all cells as the grid holds them: shared strings and merges repeat one text in many
   * cells, so a 46 KB file can stand for gigabytes of text once read.
   */
  maxTextChars: number;
}
