/** One streamed table sheet: bold frozen header, fitted widths, rows written as they come, filter on at the end. */
import { colLetter, rangeAddress } from '../../shared/a1';
import { displayWidth, type PlainCell } from './cells';
import type { PrintSetup, SheetWriter } from './xlsx/sheet';
import { HEADER, PLAIN, styleOf, type Fill, type NumFmt } from './xlsx/styles';
import type { SpooledSheet, WorkbookWriter } from './xlsx/workbook';

/** The report's streaming workbook. */
export type Book = WorkbookWriter;

export { FMT, type Fill } from './xlsx/styles';

/** How a table sheet looks. */
export interface TableSpec {
  name: string;
  headers: string[];
  widths: number[];
  /** Number format per column (undefined: general), applied to rows added with `{ formats: true }`. */
  formats?: (NumFmt | undefined)[];
  /** Columns frozen on the left besides the header row. */
  freezeCols?: number;
  /** Rows between back-pressure checks. */
  checkEvery?: number;
  /** Filled aside, while other sheets are filled too, and placed with `Book.placeSheet(sheet.spooled)`. */
  spool?: boolean;
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
export function printSetup(widths: number[], frozen: number): PrintSetup {
  const total = widths.reduce((a, b) => a + b, 0);
  const across = Math.max(1, Math.ceil(total / PAGE_UNITS));
  return {
    orientation: 'landscape',
    paperSize: 9,
    titleRows: '1:1',
    fitToWidth: across,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    titleCols: across > 1 && frozen > 0 ? `A:${colLetter(frozen - 1)}` : undefined,
  };
}

/** Lines a header needs in its column (CJK characters count two units), for the header row's height. */
function headerLines(headers: string[], widths: number[]): number {
  return Math.min(4, Math.max(1, ...headers.map((h, i) => Math.ceil((displayWidth(h) + 2) / Math.max(1, widths[i] ?? 10)))));
}

/** How a row added to a table looks. */
export interface RowLook {
  bold?: boolean;
  /** Use the spec's number formats. */
  formats?: boolean;
  fills?: (Fill | undefined)[];
}

/** A sheet being streamed; `finish()` must be awaited before the next sheet starts. */
export class TableSheet {
  private readonly ws: SheetWriter;
  private filterEnd = 0;
  private readonly every: number;
  /** The sheet as spooled aside (with `spec.spool`). */
  readonly spooled: SpooledSheet | undefined;

  constructor(book: Book, private readonly spec: TableSpec) {
    const cols = spec.freezeCols ?? 0;
    const opts = { widths: spec.widths, freeze: { rows: 1, cols }, print: printSetup(spec.widths, cols) };
    this.spooled = spec.spool ? book.spoolSheet(spec.name, opts) : undefined;
    this.ws = this.spooled?.writer ?? book.addSheet(spec.name, opts);
    // Long headers wrap (HEADER) in columns sized for their figures: give the row the lines they need.
    const lines = headerLines(spec.headers, spec.widths);
    this.ws.row(spec.headers, HEADER, lines > 1 ? 15 * lines + 4 : undefined);
    this.every = spec.checkEvery ?? 256;
  }

  /** Number of data rows written so far. */
  get rows(): number {
    return this.ws.rows - 1;
  }

  /** Writes one row (cells in column order) and, every few hundred rows, waits for the zip to catch up. */
  add(cells: PlainCell[], look?: RowLook): void | Promise<void> {
    this.ws.row(cells, look ? this.styles(cells.length, look) : PLAIN);
    // A promise only every `every` rows and only when the zip is behind, so the common path costs no await.
    if (this.ws.rows % this.every === 0 && this.ws.blocked) return this.ws.ready();
  }

  private styles(n: number, look: RowLook): number[] {
    const fmts = look.formats ? this.spec.formats : undefined;
    return Array.from({ length: n }, (_, i) => styleOf({ bold: look.bold, numFmt: fmts?.[i], fill: look.fills?.[i] }));
  }

  /** Ends the filtered range here (rows after it — totals, notes — stay out of the filter). */
  endFilter(): void {
    this.filterEnd = this.ws.rows;
  }

  /** Turns the filter on over the header and the table rows, and closes the sheet. */
  async finish(): Promise<void> {
    const last = this.filterEnd || this.ws.rows;
    this.ws.autoFilter(rangeAddress(1, 0, Math.max(last, 1), this.spec.headers.length - 1));
    await this.ws.finish();
  }
}
