/**
 * One worksheet part read into a grid, as Office.js would give it: cells placed by their references (checked
 * against Excel's bounds before anything is allocated), values by type (shared strings, inline and formula text,
 * booleans, error text, ISO dates and a 1904 workbook's date-formatted numbers as 1900-system serials, empty `<v>`
 * as empty), merged ranges counted against the cell and text budgets and then filled as a reader sees them.
 */
import type { Cell, Grid } from '../../shared';
import { fillMerged, type Area } from '../../shared/grid';
import { DATE1904_OFFSET, isoCellToSerial } from './dates';
import { BrokenFileError, EXCEL, LimitError, type OoxmlLimits } from './errors';
import { RunText, textTooLong, unescapeOoxml } from './parts';
import { parsePart, type Attrs, type XmlHandler } from './xml-stream';
import type { Package } from './zip';

// Excel's bounds as plain numbers: read per cell, and an imported binding is a getter once compiled to CommonJS.
const MAX_ROWS = EXCEL.maxRows;
const MAX_COLS = EXCEL.maxCols;
const MAX_TEXT = EXCEL.maxText;

// The last reference parsed (0-based), kept here rather than in a new object per cell.
let refRow = 0;
let refCol = 0;

/**
 * Parses `AB12` (`$AB$12` too), the text of `s` from `from` to `to`, into 0-based row and column in one pass over its
 * characters; throws for references past Excel's bounds (a LimitError, before anything is allocated) and for text
 * that is no reference.
 */
function parseRef(s: string, from: number, to: number, where: string): void {
  let col = 0;
  let row = 0;
  let letters = 0;
  let digits = 0;
  for (let i = from; i < to; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      if (letters === 0) break;
      if (digits === 0 && ch === 48) return badRef(s.slice(from, to), where);
      if (++digits > 7) throw new LimitError(`${where}的单元格引用“${short(s.slice(from, to))}”超出 Excel 的最大行数 ${MAX_ROWS.toLocaleString()}`);
      row = row * 10 + (ch - 48);
    } else if (ch === 36 /* $ */ && digits === 0) continue;
    else {
      const up = ch & ~0x20;
      if (up < 65 || up > 90 || digits > 0) return badRef(s.slice(from, to), where);
      if (++letters > 3) throw new LimitError(`${where}的单元格引用“${short(s.slice(from, to))}”超出 Excel 的最大列 XFD`);
      col = col * 26 + (up - 64);
    }
  }
  if (letters === 0 || digits === 0) return badRef(s.slice(from, to), where);
  if (col > MAX_COLS) throw new LimitError(`${where}的单元格引用“${short(s.slice(from, to))}”超出 Excel 的最大列 XFD`);
  if (row > MAX_ROWS) throw new LimitError(`${where}的单元格引用“${short(s.slice(from, to))}”超出 Excel 的最大行数 ${MAX_ROWS.toLocaleString()}`);
  refRow = row - 1;
  refCol = col - 1;
}

function badRef(ref: string, where: string): never {
  throw new BrokenFileError(`无法读取：${where}有无法识别的单元格引用“${short(ref)}”`);
}

/** A 1-based row number (the text of `s` from `from` to `to`, spaces around it allowed), checked against Excel's bound. */
function rowNumber(s: string, from: number, to: number, where: string): number {
  while (from < to && isSpace(s.charCodeAt(from))) from++;
  while (to > from && isSpace(s.charCodeAt(to - 1))) to--;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new BrokenFileError(`无法读取：${where}有无法识别的行号“${short(s.slice(from, to))}”`);
    if (n <= MAX_ROWS) n = n * 10 + d;
  }
  if (to === from || n < 1) throw new BrokenFileError(`无法读取：${where}有无法识别的行号“${short(s.slice(from, to))}”`);
  if (n > MAX_ROWS) throw new LimitError(`${where}的行号 ${short(s.slice(from, to))} 超出 Excel 的最大行数 ${MAX_ROWS.toLocaleString()}`);
  return n;
}

/** XML white space (what `trim()` took off a row number before). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

// A cell's type (`t`), read where it lies in the text: no string per cell.
const T_NUMBER = 0; // absent, `n`, or a type Excel does not write (read as a number, as before)
const T_SHARED = 1; // s
const T_STR = 2; // str
const T_INLINE = 3; // inlineStr
const T_ERROR = 4; // e
const T_BOOL = 5; // b
const T_DATE = 6; // d

function typeCode(s: string, from: number, to: number): number {
  const len = to - from;
  const c = s.charCodeAt(from);
  if (len === 1) return c === 115 ? T_SHARED : c === 101 ? T_ERROR : c === 98 ? T_BOOL : c === 100 ? T_DATE : T_NUMBER;
  if (len === 3 && s.startsWith('str', from)) return T_STR;
  if (len === 9 && s.startsWith('inlineStr', from)) return T_INLINE;
  return T_NUMBER;
}

/** The non-negative integer written in `s` from `from` to `to` (digits only, at most 15), or -1. */
function digitsAt(s: string, from: number, to: number): number {
  if (to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function short(s: string): string {
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}

/** Running totals over the whole workbook. */
export interface Budget {
  cells: number;
  chars: number;
}

export interface SheetContext {
  name: string;
  shared: string[];
  dateStyles: boolean[];
  date1904: boolean;
  limits: OoxmlLimits;
  budget: Budget;
}

/** Reads one worksheet part into a grid; null when the part is not a worksheet (a chart or dialog sheet). */
export async function readSheet(pkg: Package, part: string, ctx: SheetContext): Promise<Grid | null> {
  const { shared, dateStyles, date1904, limits, budget } = ctx;
  const where = `工作表“${ctx.name}”`;
  const grid: Grid = [];
  const areas: Area[] = [];
  let root: string | null = null;
  let inData = false;
  let rowIdx = -1;
  let nextCol = 0;
  let maxRows = 0;
  let maxCols = 0;
  // The cell being read.
  let cRow = 0;
  let cCol = 0;
  let cType = T_NUMBER;
  let cStyle: string | undefined;
  let cV: string | null = null;
  // The cell's <v> text while it lies where it was written (see XmlHandler.textAt): vSrc.slice(vFrom, vTo).
  let vSrc: string | undefined;
  let vFrom = 0;
  let vTo = 0;
  let inV = false;
  let inIs = false;
  let hasIs = false;
  const run = new RunText();
  const cellName = () => `${where}第 ${cRow + 1} 行第 ${cCol + 1} 列单元格`;

  const put = (v: Cell) => {
    if (cRow + 1 > maxRows || cCol + 1 > maxCols) {
      maxRows = Math.max(maxRows, cRow + 1);
      maxCols = Math.max(maxCols, cCol + 1);
      if (maxRows * maxCols > limits.maxArea)
        throw new LimitError(`${where}的使用区域达 ${maxRows.toLocaleString()} 行 × ${maxCols.toLocaleString()} 列，超过上限 ${limits.maxArea.toLocaleString()} 个单元格`);
    }
    if (typeof v === 'string') chargeText(v.length);
    const row = grid[cRow] ?? (grid[cRow] = []);
    for (let k = row.length; k < cCol; k++) row[k] = null;
    row[cCol] = v;
  };
  const chargeText = (n: number) => {
    budget.chars += n;
    if (budget.chars > limits.maxTextChars) throw new LimitError(`单元格文本合计超过上限 ${limits.maxTextChars.toLocaleString()} 个字符（同一段长文本被大量单元格重复引用）`);
  };

  const value = (): Cell => {
    if (cType === T_INLINE && hasIs) return run.text === '' ? null : unescapeOoxml(run.text);
    if (vSrc !== undefined) {
      // Most cells hold a shared-string index or a whole number: read in place, no string cut out for it.
      if (cType === T_SHARED || cType === T_NUMBER) {
        const n = digitsAt(vSrc, vFrom, vTo);
        if (n >= 0) {
          if (cType === T_SHARED) {
            const s = shared[n];
            return s === undefined || s === '' ? null : s;
          }
          if (date1904 && cStyle !== undefined && dateStyles[Number(cStyle)]) return n + DATE1904_OFFSET;
          return n;
        }
      }
      cV = vSrc.slice(vFrom, vTo);
      vSrc = undefined;
    }
    if (cV === null) return null;
    switch (cType) {
      case T_SHARED: {
        const s = cV === '' ? undefined : shared[+cV];
        return s === undefined || s === '' ? null : s;
      }
      case T_STR:
      case T_INLINE:
        return cV === '' ? null : unescapeOoxml(cV);
      case T_ERROR:
        return cV === '' ? null : cV;
      case T_BOOL:
        return cV === '1' || cV.toLowerCase() === 'true';
      case T_DATE:
        return cV.trim() === '' ? null : (isoCellToSerial(cV) ?? cV);
      default: {
        const t = cV.trim();
        if (t === '') return null;
        const n = Number(t);
        if (!Number.isFinite(n)) return cV;
        if (date1904 && cStyle !== undefined && dateStyles[Number(cStyle)]) return n + DATE1904_OFFSET;
        return n;
      }
    }
  };

  const h: XmlHandler = {
    wantText: false,
    open(name, a: Attrs) {
      if (root === null) {
        root = name;
        if (name !== 'worksheet') throw new SkipSheet();
        return;
      }
      if (inData) {
        if (name === 'c') {
          if (++budget.cells > limits.maxCells) throw new LimitError(`单元格数量超过上限 ${limits.maxCells.toLocaleString()} 个`);
          if (a.locate('r')) {
            parseRef(a.src, a.from, a.to, where);
            cRow = refRow;
            cCol = refCol;
          } else {
            cRow = rowIdx < 0 ? 0 : rowIdx;
            cCol = nextCol;
            if (cCol >= MAX_COLS) throw new LimitError(`${where}第 ${cRow + 1} 行的单元格超出 Excel 的最大列 XFD`);
          }
          nextCol = cCol + 1;
          cType = a.locate('t') ? typeCode(a.src, a.from, a.to) : T_NUMBER;
          if (date1904) cStyle = a.get('s'); // the style matters only to a 1904 workbook's dates
          cV = null;
          vSrc = undefined;
          hasIs = false;
        } else if (name === 'v') {
          inV = true;
          cV = '';
          vSrc = undefined;
          h.wantText = true;
        } else if (name === 'is') {
          inIs = true;
          hasIs = true;
          run.reset();
        } else if (inIs) {
          h.wantText = run.open(name);
        } else if (name === 'row') {
          rowIdx = a.locate('r') ? rowNumber(a.src, a.from, a.to, where) - 1 : rowIdx + 1;
          if (rowIdx >= MAX_ROWS) throw new LimitError(`${where}的行数超出 Excel 的最大行数 ${MAX_ROWS.toLocaleString()}`);
          nextCol = 0;
        }
      } else if (name === 'sheetData') inData = true;
      else if (name === 'mergeCell' && a.get('ref')) {
        const [from, to = from] = a.get('ref')!.split(':');
        parseRef(from, 0, from.length, where);
        const [pRow, pCol] = [refRow, refCol];
        parseRef(to, 0, to.length, where);
        const area: Area = { r0: Math.min(pRow, refRow), c0: Math.min(pCol, refCol), r1: Math.max(pRow, refRow), c1: Math.max(pCol, refCol) };
        // Each area counts against the cell budget, repeats too, clamped to the rows the sheet has.
        const rows = Math.max(0, Math.min(area.r1, grid.length - 1) - area.r0 + 1);
        const cells = rows * (area.c1 - area.c0 + 1);
        budget.cells += 1 + cells;
        if (budget.cells > limits.maxCells) throw new LimitError(`合并单元格展开后单元格数量超过上限 ${limits.maxCells.toLocaleString()} 个`);
        const top = grid[area.r0]?.[area.c0];
        if (typeof top === 'string' && cells > 1) chargeText(top.length * (cells - 1));
        areas.push(area);
      }
    },
    close(name) {
      if (!inData) return;
      if (name === 'v') {
        inV = false;
        h.wantText = false;
      } else if (name === 'is') {
        inIs = false;
        h.wantText = false;
      } else if (inIs) {
        h.wantText = run.close(name);
      } else if (name === 'c') {
        const v = value();
        if (v !== null) put(v);
      } else if (name === 'sheetData') inData = false;
    },
    textAt(src, from, to) {
      if (inV && cV === '' && vSrc === undefined) {
        if (to - from > MAX_TEXT) throw textTooLong(cellName());
        vSrc = src;
        vFrom = from;
        vTo = to;
      } else h.text(src.slice(from, to));
    },
    text(t) {
      if (inV) {
        if (vSrc !== undefined) {
          cV = vSrc.slice(vFrom, vTo);
          vSrc = undefined;
        }
        if (cV!.length + t.length > MAX_TEXT) throw textTooLong(cellName());
        cV += t;
      } else run.add(t, cellName);
    },
  };
  try {
    await parsePart(pkg, part, h);
  } catch (e) {
    if (e instanceof SkipSheet) return null;
    throw e;
  }
  if (root !== 'worksheet') return null;
  for (let r = 0; r < grid.length; r++) if (!grid[r]) grid[r] = [];
  if (areas.length) {
    try {
      fillMerged(grid, areas); // already counted against the cell budget above
    } catch (e) {
      if (e instanceof RangeError) throw new LimitError(e.message);
      throw e;
    }
  }
  return grid;
}

/** Thrown from inside the parse to stop at the root of a part that is not a worksheet. */
class SkipSheet extends Error {}
