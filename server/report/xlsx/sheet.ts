/**
 * One worksheet streamed as XML into its zip entry: view (frozen panes), column widths, rows of numbers,
 * booleans and inline-string text, then the filter and the print setup. Text is always a string cell, never a
 * formula, whatever it starts with (= + - @).
 */
import { colLetter } from '../../../shared/a1';
import { PLAIN } from './styles';
import { cellText } from './xml';
import type { ZipEntry } from './zip';

/** A cell's value: text, a number, a boolean, or nothing (no cell written). */
export type CellValue = string | number | boolean | null | undefined;

/** Page margins in inches. */
export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

/** How a sheet prints: paper, orientation, fit to pages, margins, and the rows/columns repeated on each page. */
export interface PrintSetup {
  /** Excel's paper size code (9: A4). */
  paperSize: number;
  orientation: 'landscape' | 'portrait';
  /** Pages across and down to fit the sheet on (0: as many as needed). */
  fitToWidth: number;
  fitToHeight: number;
  margins: Margins;
  /** Rows repeated at the top of each page, e.g. '1:1'. */
  titleRows?: string;
  /** Columns repeated at the left of each page, e.g. 'A:B'. */
  titleCols?: string;
}

/** How a sheet looks before its first row. */
export interface SheetOptions {
  /** Column widths in Excel's character units, from column A. */
  widths: number[];
  /** Rows and columns frozen at the top and left. */
  freeze?: { rows: number; cols: number };
  print?: PrintSetup;
}

/** What the workbook needs of a finished sheet for workbook.xml's defined names. */
export interface SheetInfo {
  name: string;
  autoFilter?: string;
  print?: PrintSetup;
}

/**
 * Bytes of XML gathered before they go to the deflater. Each row's string is encoded straight into this buffer:
 * appending rows to one long string and encoding it later was 5× slower (V8 flattens the rope of pieces).
 */
const CHUNK = 1 << 18;

/** Column letters by index, grown as wider rows come. */
const LETTERS: string[] = [];
function letter(i: number): string {
  while (LETTERS.length <= i) LETTERS.push(colLetter(LETTERS.length));
  return LETTERS[i];
}

/** Leading or trailing white space, which Excel drops unless the text says xml:space="preserve". */
function padded(s: string): boolean {
  return s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32;
}

function viewXml(freeze: SheetOptions['freeze'], selected: boolean): string {
  const sel = selected ? ' tabSelected="1"' : '';
  if (!freeze || (!freeze.rows && !freeze.cols)) return `<sheetViews><sheetView${sel} workbookViewId="0"/></sheetViews>`;
  const { rows, cols } = freeze;
  const pane = rows && cols ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
  const split = `${cols ? ` xSplit="${cols}"` : ''}${rows ? ` ySplit="${rows}"` : ''}`;
  return `<sheetViews><sheetView${sel} workbookViewId="0"><pane${split} topLeftCell="${letter(cols)}${rows + 1}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView></sheetViews>`;
}

/** A worksheet being written; rows go in order, `finish()` closes it. */
export class SheetWriter {
  private buf = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private n = 0;
  private filter: string | undefined;
  /** Per column, the last text written and its XML after the cell's head. */
  private readonly lastText: (string | undefined)[] = [];
  private readonly lastXml: string[] = [];

  constructor(readonly name: string, private readonly entry: ZipEntry, private readonly opts: SheetOptions, selected: boolean, private readonly closed: (info: SheetInfo) => void) {
    const cols = opts.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
    this.put(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      (opts.print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
      viewXml(opts.freeze, selected) +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (cols ? `<cols>${cols}</cols>` : '') +
      '<sheetData>',
    );
  }

  /** Rows written so far (the next row is `rows + 1`). */
  get rows(): number {
    return this.n;
  }

  /**
   * Writes the next row. `style` is one style index for every cell or one per cell (see styles.ts); `height` in
   * points. Empty values write no cell. Text is capped at 32,767 characters and escaped.
   */
  row(cells: readonly CellValue[], style: number | readonly (number | undefined)[] = PLAIN, height?: number): void {
    const r = ++this.n;
    let x = '';
    // A cell right after the one before it needs no reference (readers count it on); the first, and one after a
    // gap, says where it is.
    let next = -1;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      // Nothing, and numbers Excel cannot hold (NaN, ±Infinity), write no cell.
      if (v === undefined || v === null || v === '' || (typeof v === 'number' && !Number.isFinite(v))) continue;
      const s = typeof style === 'number' ? style : (style[i] ?? PLAIN);
      const at = i === next ? '<c' : `<c r="${letter(i)}${r}"`;
      next = i + 1;
      const head = s ? `${at} s="${s}"` : at;
      if (typeof v === 'string') {
        // A column often repeats its last text (学校, 类别, 状态…): its escaped form is kept, not worked out again.
        if (v !== this.lastText[i]) {
          this.lastText[i] = v;
          this.lastXml[i] = ` t="inlineStr"><is><t${padded(v) ? ' xml:space="preserve"' : ''}>${cellText(v)}</t></is></c>`;
        }
        x += head + this.lastXml[i];
      } else if (typeof v === 'number') x += `${head}><v>${v}</v></c>`;
      else x += `${head} t="b"><v>${v ? 1 : 0}</v></c>`;
    }
    // A row with no cells and its default height is left out (rows are numbered, so none is needed).
    if (x || height) this.put(`${height ? `<row r="${r}" ht="${height}" customHeight="1">` : `<row r="${r}">`}${x}</row>`);
  }

  /** Encodes XML into the chunk, handing the chunk to the deflater when it may not hold the next piece. */
  private put(xml: string): void {
    // A UTF-16 unit takes at most 3 bytes in UTF-8 (a surrogate pair: 4 bytes for 2 units).
    if (this.used + xml.length * 3 > CHUNK) {
      this.flush();
      if (xml.length * 3 > CHUNK) return void this.entry.write(Buffer.from(xml, 'utf8'));
    }
    this.used += this.buf.write(xml, this.used, 'utf8');
  }

  /** Sets the filter range (A1 form), written when the sheet closes. */
  autoFilter(ref: string): void {
    this.filter = ref;
  }

  /** Whether the caller should await `ready()` before writing more. */
  get blocked(): boolean {
    return this.entry.blocked;
  }

  /** Resolves when the zip can take more; rejects once the output has failed or closed. */
  ready(): Promise<void> {
    return this.entry.ready();
  }

  /** Hands the chunk to the deflater (which keeps it until deflated) and starts a new one. */
  private flush(): void {
    if (!this.used) return;
    this.entry.write(this.buf.subarray(0, this.used));
    this.buf = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
  }

  /** Writes the filter and print setup, closes the entry. */
  async finish(): Promise<void> {
    const p = this.opts.print;
    let tail = '</sheetData>';
    if (this.filter) tail += `<autoFilter ref="${this.filter}"/>`;
    if (p) {
      const m = p.margins;
      tail += `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
      tail += `<pageSetup paperSize="${p.paperSize}" orientation="${p.orientation}" fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight}"/>`;
    }
    this.put(tail + '</worksheet>');
    this.flush();
    await this.entry.end();
    this.closed({ name: this.name, autoFilter: this.filter, print: p });
  }
}
