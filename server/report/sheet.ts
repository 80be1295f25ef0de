/** One streamed table sheet: bold frozen header, fitted widths, rows committed as they come, filter on at the end. */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { colLetter, rangeAddress } from '../../shared/a1';
import { displayWidth, type PlainCell } from './cells';
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

/**
 * Column-width units one A4 landscape page holds across, at the smallest scale that still reads well (about 75%:
 * some 130 units fit at 100% within narrow margins).
 */
export const PAGE_UNITS = 170;

/**
 * Districts print these: A4 landscape, narrow margins, the header row on every page, every page as wide as the
 * sheet needs and no smaller than ~75%: a narrow sheet is one page wide; a wide one (区级汇总, 学月反思 with its
 * 正文) is split into as few pages across as keep it legible, each repeating the frozen school columns.
 */
export function printSetup(widths: number[], frozen: number): Partial<ExcelJS.PageSetup> {
  const total = widths.reduce((a, b) => a + b, 0);
  const across = Math.max(1, Math.ceil(total / PAGE_UNITS));
  const setup: Partial<ExcelJS.PageSetup> = {
    orientation: 'landscape',
    paperSize: 9,
    printTitlesRow: '1:1',
    fitToPage: true,
    fitToWidth: across,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  if (across > 1 && frozen > 0) setup.printTitlesColumn = `A:${colLetter(frozen - 1)}`;
  return setup;
}

/** Lines a header needs in its column (CJK characters count two units), for the header row's height. */
function headerLines(headers: string[], widths: number[]): number {
  return Math.min(4, Math.max(1, ...headers.map((h, i) => Math.ceil((displayWidth(h) + 2) / Math.max(1, widths[i] ?? 10)))));
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
      pageSetup: printSetup(spec.widths, xSplit),
    });
    this.ws.columns = spec.widths.map((width) => ({ width }));
    const head = this.ws.addRow(spec.headers);
    head.eachCell((c) => (c.style = HEADER_STYLE));
    // Long headers wrap (HEADER_STYLE) in columns sized for their figures: give the row the lines they need.
    const lines = headerLines(spec.headers, spec.widths);
    if (lines > 1) head.height = 15 * lines + 4;
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
