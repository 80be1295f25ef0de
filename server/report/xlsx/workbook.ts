/**
 * A streamed .xlsx: sheets written one after another straight into the zip, then the parts that list them
 * (workbook.xml with its print titles and filter names, rels, content types, styles, document properties).
 */
import type { Writable } from 'node:stream';
import { SheetWriter, type SheetInfo, type SheetOptions } from './sheet';
import { stylesXml } from './styles';
import { xmlText } from './xml';
import { ZipWriter, type Spooled } from './zip';

/** A sheet being filled aside (`spoolSheet`), placed among the others by `placeSheet` once finished. */
export interface SpooledSheet {
  readonly writer: SheetWriter;
  readonly spool: Spooled;
  info?: SheetInfo;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org';
const SHEET_TYPE = `${NS}/officeDocument/2006/relationships/worksheet`;

/**
 * Deflate level, measured on the bench report's 56 MB of sheet XML (30 schools × 3,000 rows), CPU time → size:
 * level 1 ≈ 165 ms → 5.84 MB, 2 ≈ 160 ms → 5.77 MB, 3 ≈ 210 ms → 5.54 MB, 4 ≈ 280 ms → 5.45 MB, 6 (zlib's
 * default) ≈ 475 ms → 4.93 MB. Level 2 costs a third of level 6 for a file 17% larger.
 */
export const DEFLATE_LEVEL = 2;

/** Excel's rules for a sheet name: 1–31 characters, none of []:*?/\, not starting or ending with an apostrophe. */
export function validSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[[\]:*?/\\]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

/** A sheet's name as a formula reference: quoted, apostrophes doubled. */
function ref(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `1:1` → `$1:$1`, `A:B` → `$A:$B`, `A1:C9` → `$A$1:$C$9`. */
function absolute(range: string): string {
  return range.replace(/([A-Z]+)?(\d+)?/g, (m, col: string | undefined, row: string | undefined) => (m ? `${col ? `$${col}` : ''}${row ? `$${row}` : ''}` : ''));
}

/**
 * Writes a workbook to `out`; `addSheet()` one sheet at a time, each finished before the next, then `finish()`.
 * Sheets filled at the same time (rows that come school by school) are `spoolSheet()`ed and `placeSheet()`d.
 */
export class WorkbookWriter {
  private readonly zip: ZipWriter;
  private readonly sheets: SheetInfo[] = [];
  private open: SheetWriter | undefined;
  /** Names of spooled sheets not yet placed (taken, for the duplicate check). */
  private readonly aside: string[] = [];
  private readonly created: Date;

  constructor(out: Writable, private readonly opts: { creator?: string; created?: Date; level?: number } = {}) {
    this.created = opts.created ?? new Date();
    this.zip = new ZipWriter(out, opts.level ?? DEFLATE_LEVEL, this.created);
  }

  /** Names of the sheets written so far, and of those spooled aside. */
  get names(): string[] {
    return [...this.sheets.map((s) => s.name), ...this.aside];
  }

  /** Throws on a name Excel would refuse or one already used (Excel ignores case). */
  private claim(name: string): void {
    if (!validSheetName(name)) throw new Error(`工作表名称不符合 Excel 的规则：${name}`);
    if (this.names.some((s) => s.toLowerCase() === name.toLowerCase())) throw new Error(`工作表名称重复：${name}`);
  }

  /** Starts the next sheet; throws on a name Excel would refuse or one already used (Excel ignores case). */
  addSheet(name: string, opts: SheetOptions): SheetWriter {
    if (this.open) throw new Error(`工作表“${this.open.name}”尚未写完`);
    this.claim(name);
    const index = this.sheets.length + 1;
    const entry = this.zip.entry(`xl/worksheets/sheet${index}.xml`);
    this.open = new SheetWriter(name, entry, opts, index === 1, (info) => {
      this.sheets.push(info);
      this.open = undefined;
    });
    return this.open;
  }

  /**
   * Starts a sheet filled aside, into a temporary file, while other sheets are filled too; it takes its place
   * (after the sheets written before it is placed) with `placeSheet()` once its writer has finished. It is never
   * the selected tab.
   */
  spoolSheet(name: string, opts: SheetOptions): SpooledSheet {
    this.claim(name);
    this.aside.push(name);
    const spool = this.zip.spool();
    const sheet: SpooledSheet = { spool, writer: new SheetWriter(name, spool.entry, opts, false, (info) => (sheet.info = info)) };
    return sheet;
  }

  /** Places a finished spooled sheet as the next sheet of the workbook. */
  async placeSheet(sheet: SpooledSheet): Promise<void> {
    if (this.open) throw new Error(`工作表“${this.open.name}”尚未写完`);
    if (!sheet.info) throw new Error(`工作表“${sheet.writer.name}”尚未写完`);
    await this.zip.place(`xl/worksheets/sheet${this.sheets.length + 1}.xml`, sheet.spool);
    this.aside.splice(this.aside.indexOf(sheet.info.name), 1);
    this.sheets.push(sheet.info);
  }

  /** Removes whatever was spooled (for a report abandoned half-way; finish() does it too). */
  dispose(): void {
    this.zip.dispose();
  }

  /** Writes the workbook's own parts and the zip's directory; resolves when the output has finished. */
  async finish(): Promise<void> {
    if (this.open) throw new Error(`工作表“${this.open.name}”尚未写完`);
    if (this.aside.length) throw new Error(`工作表“${this.aside[0]}”尚未放入工作簿`);
    const z = this.zip;
    const n = this.sheets.length;
    await z.file('xl/workbook.xml', this.workbookXml());
    await z.file('xl/styles.xml', stylesXml());
    const rels = this.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${SHEET_TYPE}" Target="worksheets/sheet${i + 1}.xml"/>`);
    rels.push(`<Relationship Id="rId${n + 1}" Type="${NS}/officeDocument/2006/relationships/styles" Target="styles.xml"/>`);
    await z.file('xl/_rels/workbook.xml.rels', `${XML}<Relationships xmlns="${NS}/package/2006/relationships">${rels.join('')}</Relationships>`);
    await z.file(
      '_rels/.rels',
      `${XML}<Relationships xmlns="${NS}/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="${NS}/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
        `<Relationship Id="rId3" Type="${NS}/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
        '</Relationships>',
    );
    const creator = xmlText(this.opts.creator ?? '');
    await z.file(
      'docProps/core.xml',
      `${XML}<cp:coreProperties xmlns:cp="${NS}/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>${creator}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${this.created.toISOString().replace(/\.\d+Z$/, 'Z')}</dcterms:created></cp:coreProperties>`,
    );
    await z.file('docProps/app.xml', `${XML}<Properties xmlns="${NS}/officeDocument/2006/extended-properties"><Application>${creator}</Application></Properties>`);
    const part = (name: string, type: string) => `<Override PartName="/${name}" ContentType="application/vnd.openxmlformats-${type}"/>`;
    await z.file(
      '[Content_Types].xml',
      `${XML}<Types xmlns="${NS}/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        part('xl/workbook.xml', 'officedocument.spreadsheetml.sheet.main+xml') +
        this.sheets.map((_, i) => part(`xl/worksheets/sheet${i + 1}.xml`, 'officedocument.spreadsheetml.worksheet+xml')).join('') +
        part('xl/styles.xml', 'officedocument.spreadsheetml.styles+xml') +
        part('docProps/core.xml', 'package.core-properties+xml') +
        part('docProps/app.xml', 'officedocument.extended-properties+xml') +
        '</Types>',
    );
    await z.finish();
  }

  /** workbook.xml: the sheets in order, and per sheet its filter range and print titles as Excel's defined names. */
  private workbookXml(): string {
    const sheets = this.sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
    const names: string[] = [];
    this.sheets.forEach((s, i) => {
      const q = xmlText(ref(s.name));
      if (s.autoFilter) names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${q}!${absolute(s.autoFilter)}</definedName>`);
      const titles = [s.print?.titleCols, s.print?.titleRows].filter((t): t is string => !!t).map((t) => `${q}!${absolute(t)}`);
      if (titles.length) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${titles.join(',')}</definedName>`);
    });
    return (
      `${XML}<workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships">` +
      '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>' +
      `<sheets>${sheets}</sheets>` +
      (names.length ? `<definedNames>${names.join('')}</definedNames>` : '') +
      '</workbook>'
    );
  }
}
