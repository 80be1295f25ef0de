/** One sheet per kind: 学校代码, 学校 and the template's columns in order, every school's rows streamed in. */
import type { RegisterInfo } from '../../shared/registers/list';
import { fitWidths, toCell, type PlainCell } from './cells';
import { TableSheet, type Book } from './sheet';
import { drain, iteratorOf } from './source';
import type { ReportRow, Source } from './types';

/** Rows looked at before the sheet starts, to fit the column widths. */
const SAMPLE = 300;

/** The report's own sheets, which a register's sheet must not be named as. */
const RESERVED = new Set(['区级汇总', '分类统计', '上报情况', '问题清单']);

/**
 * A register's title as an Excel sheet name: no []:*?/\\, no apostrophe at either end, at most 31 characters, not
 * one of the report's own sheets, and none of the names `taken` (Excel ignores case): two titles that agree in
 * their first 31 characters become …（2）. Excel refuses a workbook that breaks any of these.
 */
export function sheetName(title: string, taken: readonly string[] = []): string {
  const trim = (t: string) => t.slice(0, 31).replace(/^'+|'+$/g, '');
  let base = trim(title.replace(/[[\]:*?/\\]/g, '_'));
  if (RESERVED.has(base)) base = `${base}（登记表）`;
  base ||= '登记表';
  const used = new Set(taken.map((t) => t.toLowerCase()));
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${trim(base.slice(0, 31 - `（${n}）`.length))}（${n}）`;
  return name;
}

/** Header row of a register's sheet. */
export function kindHeaders(reg: RegisterInfo): string[] {
  return ['学校代码', '学校', ...reg.columns.map((c) => c.name)];
}

/** How a register's sheet is written. */
export interface KindSheetOptions {
  /** Its sheet name (default: from the title, beside the book's sheets so far). */
  name?: string;
  checkEvery?: number;
  /** Filled aside while the other registers' sheets are filled (rows that come school by school). */
  spool?: boolean;
}

/**
 * A register's sheet (学校代码, 学校, then its columns) fed one row at a time: the first rows are held to fit the
 * column widths, then the sheet opens and rows stream into it.
 */
export class KindSheet {
  private readonly fields: string[];
  private head: ReportRow[] | undefined = [];
  private sheet: TableSheet | undefined;

  constructor(private readonly book: Book, private readonly reg: RegisterInfo, private readonly names: Map<string, string>, private readonly opts: KindSheetOptions = {}) {
    this.fields = reg.columns.map((c) => c.name);
  }

  /** The sheet as spooled aside, once open (with `opts.spool`). */
  get spooled() {
    return this.sheet?.spooled;
  }

  private cells(r: ReportRow): PlainCell[] {
    const f = this.fields;
    const row: PlainCell[] = new Array(f.length + 2);
    row[0] = r.school;
    row[1] = this.names.get(r.school) ?? r.school;
    for (let i = 0; i < f.length; i++) row[i + 2] = toCell(r.values[f[i]]);
    return row;
  }

  /** Adds a row; a promise when the output is behind (await it before the next). */
  add(r: ReportRow): void | Promise<void> {
    if (this.sheet) return this.sheet.add(this.cells(r));
    this.head!.push(r);
    if (this.head!.length >= SAMPLE) return this.open();
  }

  /** Opens the sheet with widths fitted to the rows held so far (and every school's name), and writes them. */
  private async open(): Promise<void> {
    const sample = this.head!.map((r) => this.cells(r));
    this.head = undefined;
    const headers = kindHeaders(this.reg);
    // The school column must fit every school's name, not just the sampled ones.
    const longest = [...this.names.values()].reduce((a, n) => (n.length > a.length ? n : a), '');
    const min = [0, 0, ...this.reg.columns.map((c) => c.width)];
    const widths = fitWidths(headers, [...sample, [undefined, longest]], min, 50);
    const name = this.opts.name ?? sheetName(this.reg.title, this.book.names);
    this.sheet = new TableSheet(this.book, { name, headers, widths, freezeCols: 2, checkEvery: this.opts.checkEvery, spool: this.opts.spool });
    for (const r of sample) await this.sheet.add(r);
  }

  /** Closes the sheet (opening it first if it got fewer rows than the sample); resolves to its row count. */
  async finish(): Promise<number> {
    if (!this.sheet) await this.open();
    const n = this.sheet!.rows;
    await this.sheet!.finish();
    return n;
  }
}

/** Writes one kind's sheet, named by its template title (教师名册, 课题登记, …). */
export async function writeKindSheet(
  book: Book,
  reg: RegisterInfo,
  src: Source<ReportRow> | undefined,
  names: Map<string, string>,
  only: string | undefined,
  checkEvery?: number,
): Promise<number> {
  const sheet = new KindSheet(book, reg, names, { checkEvery });
  const keep = only ? (r: ReportRow) => r.school === only : () => true;
  if (src) await drain(iteratorOf(src), keep, (r) => sheet.add(r));
  return sheet.finish();
}
