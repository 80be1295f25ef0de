/** In-memory workbook behind the Excel host stand-in: cells, fills, formats, notes, comments, tables, charts. */

/** A stored cell value, as Excel keeps it. */
export type Value = string | number | boolean;

/** What one cell holds. A string beginning with `=` entered into a non-text cell becomes a formula, as in Excel. */
export interface CellModel {
  value: Value;
  formula?: string;
  numberFormat: string;
  fill: FillModel;
  bold?: boolean;
}

/** A cell's fill as Excel keeps it: a pattern ('None' = no fill, 'Solid', 'Gray25', …), its colours and tint. */
export interface FillModel { color: string; pattern: string; patternColor?: string; tintAndShade?: number }

/** A data-validation list on a rectangle. */
export interface ValidationModel { address: string; source: string }
/** A table on a rectangle. */
export interface TableModel { name: string; address: string; style?: string }
/** A chart and the data it plots. */
export interface ChartModel { name: string; type: string; source: string; title?: string }
/** A threaded comment. */
export interface CommentModel { id: string; address: string; content: string }

const NO_FILL = { color: '#FFFFFF', pattern: 'None' };

/** Column letters → 0-based index. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based column index → letters. */
export function colLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A rectangle, 0-based inclusive. */
export interface Rect { r0: number; c0: number; r1: number; c1: number }

/** `B2:C9` / `B2` / `A:C` / `2:4` (no sheet part) → rectangle. Throws like Excel on nonsense. */
export function parseRect(address: string): Rect {
  const a = address.replace(/\$/g, '').trim();
  const cell = /^([A-Z]+)(\d+)$/i;
  const [p, q = p] = a.split(':');
  const m1 = cell.exec(p);
  const m2 = cell.exec(q);
  if (m1 && m2) {
    const r0 = Number(m1[2]) - 1, c0 = colIndex(m1[1]), r1 = Number(m2[2]) - 1, c1 = colIndex(m2[1]);
    return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
  }
  if (/^[A-Z]+$/i.test(p) && /^[A-Z]+$/i.test(q)) return { r0: 0, c0: colIndex(p), r1: 1048575, c1: colIndex(q) };
  if (/^\d+$/.test(p) && /^\d+$/.test(q)) return { r0: Number(p) - 1, c0: 0, r1: Number(q) - 1, c1: 16383 };
  throw Object.assign(new Error(`无效地址 ${address}`), { code: 'InvalidArgument' });
}

/** Rectangle → `B2:C9` (or `B2` for one cell). */
export function rectAddress(r: Rect): string {
  const a = `${colLetter(r.c0)}${r.r0 + 1}`;
  const b = `${colLetter(r.c1)}${r.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

/** Text Excel takes for a formula when it arrives through `values`: `=…`, or `+`/`-`/`@` followed by no plain number. */
export function isFormulaText(v: string): boolean {
  if (v.startsWith('=')) return v.length > 1;
  if (/^[+\-@]/.test(v)) return !/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v.trim());
  return false;
}

/** One worksheet. */
export class SheetModel {
  cells = new Map<number, CellModel>();
  notes = new Map<string, string>(); // cell address → content
  tables: TableModel[] = [];
  validations: ValidationModel[] = [];
  charts: ChartModel[] = [];
  frozenRows = 0;
  colWidths = new Map<number, number>();
  /** Merged areas; the value lives in each area's top-left cell only, as in Excel. */
  merges: Rect[] = [];
  visibility = 'Visible';
  constructor(public name: string, public id: string) {}

  private key(r: number, c: number): number { return r * 16384 + c; }
  /** The cell at (r, c), created on demand when `create`. */
  cell(r: number, c: number, create = false): CellModel | undefined {
    const k = this.key(r, c);
    let cell = this.cells.get(k);
    if (!cell && create) {
      cell = { value: '', numberFormat: 'General', fill: { ...NO_FILL } };
      this.cells.set(k, cell);
    }
    return cell;
  }
  /** Value as Office.js returns it ('' for empty). */
  value(r: number, c: number): Value { return this.cell(r, c)?.value ?? ''; }
  /**
   * Writes a value through `Range.values`. Text beginning with `=`, or with `+`, `-` or `@` and not a number, is
   * taken as a formula (the `values` reference: "If the returned value starts with a plus ("+"), minus ("-"), or equal
   * sign ("="), Excel interprets this value as a formula"; `@` starts an implicit-intersection formula) — whatever the
   * cell's number format: that a text format `@` prevents it is not documented, so the stand-in does not count on it.
   */
  enter(r: number, c: number, v: Value | null): void {
    const cell = this.cell(r, c, true)!;
    delete cell.formula;
    if (typeof v === 'string' && isFormulaText(v)) {
      cell.formula = v.startsWith('=') ? v : `=${v}`; // the stand-in does not evaluate; it records that Excel would
      cell.value = 0;
      return;
    }
    cell.value = v ?? '';
  }
  /**
   * Writes through `Range.formulas`: `=…` is a formula; a leading apostrophe makes the rest text, as typed (the
   * apostrophe is a prefix, not part of the value); anything else is a constant.
   */
  enterFormula(r: number, c: number, v: Value | null): void {
    const cell = this.cell(r, c, true)!;
    delete cell.formula;
    if (typeof v === 'string' && v.startsWith("'")) { cell.value = v.slice(1); return; }
    this.enter(r, c, v);
  }
  /** Bounding rectangle of non-empty values, or null (getUsedRange(true)). */
  usedValues(): Rect | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (const [k, cell] of this.cells) {
      if (cell.value === '' && !cell.formula) continue;
      const r = Math.floor(k / 16384), c = k % 16384;
      r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }
  /** Fills a grid from A1 (test set-up). */
  setGrid(grid: (Value | null | undefined)[][], r0 = 0, c0 = 0): void {
    grid.forEach((row, i) => row.forEach((v, j) => {
      if (v === null || v === undefined || v === '') return;
      this.cell(r0 + i, c0 + j, true)!.value = v;
    }));
  }
  /** Values of the used range from A1, as a grid (test assertions). */
  grid(): Value[][] {
    const u = this.usedValues();
    if (!u) return [];
    const out: Value[][] = [];
    for (let r = 0; r <= u.r1; r++) {
      const row: Value[] = [];
      for (let c = 0; c <= u.c1; c++) row.push(this.value(r, c));
      out.push(row);
    }
    return out;
  }
  /** Fill colour of a cell, null for no fill (test assertions). */
  fillAt(address: string): string | null {
    const { r0, c0 } = parseRect(address);
    const f = this.cell(r0, c0)?.fill ?? NO_FILL;
    return f.pattern === 'None' ? null : f.color;
  }
  /** The whole fill of a cell (test assertions). */
  fillOf(address: string): FillModel {
    const { r0, c0 } = parseRect(address);
    return { ...(this.cell(r0, c0)?.fill ?? NO_FILL) };
  }
}

/** The whole workbook plus the document-level state Office keeps (settings, selection). */
export class WorkbookModel {
  sheets: SheetModel[] = [];
  comments: CommentModel[] = [];
  active = '';
  selection = { sheet: '', address: 'A1' };
  /** The document settings as saved in the file; each runtime works on its own copy of them (see createHost). */
  savedSettings: Record<string, unknown> = {};
  /** The settings the file holds (set-up writes here before a host opens the workbook). */
  get settings(): Record<string, unknown> { return this.savedSettings; }
  private nextId = 1;

  /** Adds a sheet (test set-up and worksheets.add). */
  addSheet(name: string): SheetModel {
    if (this.sheet(name)) throw Object.assign(new Error(`已有工作表 ${name}`), { code: 'ItemAlreadyExists' });
    const s = new SheetModel(name, `{sheet-${this.nextId++}}`);
    this.sheets.push(s);
    if (!this.active) this.active = name;
    return s;
  }
  /** Sheet by name (case-insensitive, as Excel). */
  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  /** Sheet by name or id (worksheets.getItem takes either), or throw ItemNotFound. */
  mustSheet(name: string): SheetModel {
    const s = this.sheet(name) ?? this.sheets.find((x) => x.id === name);
    if (!s) throw Object.assign(new Error(`找不到工作表 ${name}`), { code: 'ItemNotFound' });
    return s;
  }
  /**
   * Closes and reopens the workbook: every worksheet gets a new id. "The ID remains constant within a single session
   * but will change between sessions (eg. closing and reopening)" (OfficeDev/office-js-docs #297); ids also differ
   * when another Excel version opens the file (OfficeDev/office-js #1390). Open a new host on the model afterwards.
   */
  reopen(): void {
    for (const s of this.sheets) s.id = `{sheet-${this.nextId++}}`;
  }
  /** A fresh comment id. */
  newId(): string { return `comment-${this.nextId++}`; }
}
