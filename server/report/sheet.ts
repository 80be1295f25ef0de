/** One streamed table sheet: bold frozen header, fitted widths, rows committed as they come, filter on at the end. */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { colLetter, rangeAddress } from '../../shared/a1';
import type { PlainCell } from './cells';
import { relieve } from './pressure';

/** exceljs's streaming workbook. */
export type Book = ExcelJS.stream.xlsx.WorkbookWriter;

/** Number formats the report uses. */
export const FMT = { pct: '0.0%', dec: '0.00' } as const;

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
};
const BOLD: Partial<ExcelJS.Style> = { font: { bold: true } };
// Every plain cell shares this one style object: exceljs caches style ids by object identity, so a shared object
// costs one lookup, while the fresh `{}` it gives each new cell costs a full style serialisation (2× the time).
const PLAIN = {} as Partial<ExcelJS.Style>;

/** Cell fills that mark a figure against its target (Excel's own 好/差 colours, which print in grey too). */
export type Fill = 'good' | 'bad';
const FILLS: Record<Fill, Partial<ExcelJS.Style>> = {
  good: { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } }, font: { color: { argb: 'FF006100' } } },
  bad: { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } }, font: { color: { argb: 'FF9C0006' } } },
};

/** How a table sheet looks. */
export interface TableSpec {
  name: string;
  headers: string[];
  widths: number[];
  /** Number format per column (undefined: general), applied to rows added with `{ formats: true }`. */
  formats?: (string | undefined)[];
  /** Columns frozen on the left besides the header row. */
  freezeCols?: number;
  /** Rows between back-pressure checks. */
  checkEvery?: number;
}

/** Columns that still read well when shrunk to one A4 landscape page width. */
const FIT_COLUMNS = 14;

/**
 * Districts print these: A4 landscape with the header row on every page. A narrow sheet is shrunk to one page
 * width; a wide one (区级汇总 has 33 columns) keeps its size and repeats its frozen school columns on each page.
 */
function printSetup(columns: number, frozen: number): Partial<ExcelJS.PageSetup> {
  const base: Partial<ExcelJS.PageSetup> = { orientation: 'landscape', paperSize: 9, printTitlesRow: '1:1' };
  if (columns <= FIT_COLUMNS) return { ...base, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return frozen > 0 ? { ...base, printTitlesColumn: `A:${colLetter(frozen - 1)}` } : base;
}

/** A sheet being streamed; `finish()` must be awaited before the next sheet starts. */
export class TableSheet {
  private readonly ws: ExcelJS.Worksheet;
  private next = 2;
  private filterEnd = 0;
  private readonly every: number;

  constructor(book: Book, private readonly spec: TableSpec, private readonly out: Writable) {
    const xSplit = spec.freezeCols ?? 0;
    this.ws = book.addWorksheet(spec.name, {
      views: [{ state: 'frozen', xSplit, ySplit: 1, topLeftCell: rangeAddress(2, xSplit, 2, xSplit) }],
      pageSetup: printSetup(spec.headers.length, xSplit),
    });
    this.ws.columns = spec.widths.map((width) => ({ width }));
    const head = this.ws.addRow(spec.headers);
    head.eachCell((c) => (c.style = HEADER_STYLE));
    head.commit();
    this.every = spec.checkEvery ?? 256;
  }

  /** Number of data rows written so far. */
  get rows(): number {
    return this.next - 2;
  }

  /** Writes one row (cells in column order) and, every few hundred rows, waits for the zip to catch up. */
  add(cells: PlainCell[], look: { bold?: boolean; formats?: boolean; fills?: (Fill | undefined)[] } = {}): void | Promise<void> {
    const row = this.ws.addRow(cells);
    (row as unknown as { style: unknown }).style = PLAIN; // the row's own style is looked up too
    if (!look.bold && !look.formats && !look.fills) row.eachCell((c) => (c.style = PLAIN));
    else {
      const fmts = look.formats ? this.spec.formats : undefined;
      row.eachCell((c, n) => {
        const numFmt = fmts?.[n - 1];
        const fill = look.fills?.[n - 1];
        if (look.bold || numFmt || fill) c.style = { ...(look.bold ? BOLD : {}), ...(numFmt ? { numFmt } : {}), ...(fill ? FILLS[fill] : {}) };
      });
    }
    row.commit();
    // A promise only every `every` rows, so the common path costs no await.
    if (++this.next % this.every === 0) return relieve(this.ws, this.out);
  }

  /** Ends the filtered range here (rows after it — totals, notes — stay out of the filter). */
  endFilter(): void {
    this.filterEnd = this.next - 1;
  }

  /** Turns the filter on over the header and the table rows, and closes the sheet. */
  async finish(): Promise<void> {
    const last = this.filterEnd || this.next - 1;
    this.ws.autoFilter = rangeAddress(1, 0, Math.max(last, 1), this.spec.headers.length - 1);
    this.ws.commit();
    await relieve(this.ws, this.out);
  }
}
