/**
 * Reads an .xlsx as Excel shows it, in one pass over the zip: parts found through the package relationships
 * (`_rels/.rels` → workbook → worksheets, shared strings, styles), each parsed by a streaming XML tokenizer
 * (saxes, linear time). Every limit is checked before memory is spent on it: Excel's own bounds (16,384 columns,
 * 1,048,576 rows, 32,767 characters a cell) and the caller's (cells, used area, inflated bytes, merged cells).
 *
 * What the engine gets is the grid Office.js would give: text, numbers, booleans, error text (`#N/A`), dates as
 * 1900-system serials (a 1904 workbook's date-formatted cells and ISO `t="d"` cells converted), formulas as their
 * cached results, rich text joined, phonetic guides left out, merged ranges filled as a reader sees them.
 */
import type { Cell, Grid, SheetInput } from '../../shared';
import { fillMerged, type Area } from '../../shared/grid';
import { DATE1904_OFFSET, isDateFormat, isoCellToSerial } from './dates';
import { BrokenFileError, LimitError } from './errors';
import { parsePart, type Attrs, type XmlHandler } from './xml-stream';
import { Package } from './zip';

export { BrokenFileError, LimitError } from './errors';

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

interface Rel {
  type: string;
  target: string;
}

/** `Target` of a relationship resolved against the part that holds it (ECMA-376 Part 2, 9.3). */
function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    /* keep as written */
  }
  const base = t.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

async function readRels(pkg: Package, part: string): Promise<Map<string, Rel>> {
  const rels = new Map<string, Rel>();
  const path = relsPathOf(part);
  if (!pkg.has(path)) return rels;
  await parsePart(pkg, path, {
    wantText: false,
    open(name, a) {
      if (name !== 'Relationship' || a.get('TargetMode') === 'External') return;
      const id = a.get('Id');
      const target = a.get('Target');
      if (id && target) rels.set(id, { type: a.get('Type') ?? '', target: resolveTarget(part, target) });
    },
    close() {},
    text() {},
  });
  return rels;
}

function byType(rels: Map<string, Rel>, type: string): string | undefined {
  for (const r of rels.values()) if (r.type.endsWith(`/${type}`)) return r.target;
  return undefined;
}

/** The parts of other Office documents, to say what a renamed file really is. */
const NOT_EXCEL: [string, string][] = [
  ['word/document.xml', 'Word 文档（.docx）'],
  ['ppt/presentation.xml', 'PowerPoint 演示文稿（.pptx）'],
];

async function workbookPart(pkg: Package): Promise<string> {
  const root = await readRels(pkg, '');
  const found = byType(root, 'officeDocument');
  if (found && pkg.has(found)) return found;
  if (pkg.has('xl/workbook.xml')) return 'xl/workbook.xml';
  for (const [part, what] of NOT_EXCEL) if (pkg.has(part)) throw new BrokenFileError(`是 ${what}，不是 Excel 工作簿`);
  throw new BrokenFileError('不是 Excel 工作簿（缺少工作簿部件 xl/workbook.xml）');
}

interface SheetRef {
  name: string;
  rid: string | undefined;
}

async function readWorkbookPart(pkg: Package, part: string): Promise<{ sheets: SheetRef[]; date1904: boolean }> {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  await parsePart(pkg, part, {
    wantText: false,
    open(name, a) {
      if (name === 'sheet') sheets.push({ name: a.get('name') ?? `Sheet${sheets.length + 1}`, rid: a.any('id') });
      else if (name === 'workbookPr') date1904 = /^(1|true|on)$/i.test(a.get('date1904') ?? '');
    },
    close() {},
    text() {},
  });
  return { sheets, date1904 };
}

/** For each cell style (`s`), whether its number format shows a date. */
async function readDateStyles(pkg: Package, part: string | undefined): Promise<boolean[]> {
  if (!part || !pkg.has(part)) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inXfs = false;
  await parsePart(pkg, part, {
    wantText: false,
    open(name, a) {
      const code = name === 'numFmt' ? a.get('formatCode') : undefined;
      if (code !== undefined) custom.set(Number(a.get('numFmtId')), code);
      else if (name === 'cellXfs') inXfs = true;
      else if (name === 'xf' && inXfs) xfFormats.push(Number(a.get('numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inXfs = false;
    },
    text() {},
  });
  return xfFormats.map((id) => isDateFormat(id, custom));
}

const ESCAPE_RE = /_x([0-9A-Fa-f]{4})_/g;

/** OOXML's `_xHHHH_` escapes of characters XML cannot hold (`_x000D_` is CR; `_x005F_` escapes the underscore). */
export function unescapeOoxml(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(ESCAPE_RE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function textTooLong(where: string): LimitError {
  return new LimitError(`${where}的文本超过 Excel 的上限 ${EXCEL.maxText.toLocaleString()} 个字符，文件可能已损坏`);
}

/** Collects the text of `<t>` runs, phonetic guides (`<rPh>`) left out, bounded by Excel's text limit. */
class RunText {
  text = '';
  private inT = false;
  private rph = 0;

  open(name: string): boolean {
    if (name === 'rPh') this.rph++;
    else if (name === 't' && this.rph === 0) this.inT = true;
    return this.inT;
  }

  close(name: string): boolean {
    if (name === 'rPh') this.rph--;
    else if (name === 't') this.inT = false;
    return this.inT;
  }

  add(t: string, where: () => string): void {
    if (this.text.length + t.length > EXCEL.maxText) throw textTooLong(where());
    this.text += t;
  }

  reset(): void {
    this.text = '';
    this.inT = false;
    this.rph = 0;
  }
}

async function readSharedStrings(pkg: Package, part: string | undefined, maxCount: number): Promise<string[]> {
  const out: string[] = [];
  if (!part || !pkg.has(part)) return out;
  const run = new RunText();
  let inSi = false;
  const h: XmlHandler = {
    wantText: false,
    open(name) {
      if (name === 'si') {
        inSi = true;
        run.reset();
      } else if (inSi) h.wantText = run.open(name);
    },
    close(name) {
      if (name === 'si') {
        inSi = false;
        h.wantText = false;
        if (out.length >= maxCount) throw new LimitError(`共享字符串超过 ${maxCount.toLocaleString()} 个`);
        out.push(unescapeOoxml(run.text));
      } else if (inSi) h.wantText = run.close(name);
    },
    text(t) {
      run.add(t, () => `共享字符串第 ${out.length + 1} 项`);
    },
  };
  await parsePart(pkg, part, h);
  return out;
}

/**
 * Parses `AB12` (`$AB$12` too) into 0-based row and column in one pass over its characters; throws for references
 * past Excel's bounds (a LimitError, before anything is allocated) and for text that is no reference.
 */
function parseRef(ref: string, where: string): { row: number; col: number } {
  let col = 0;
  let row = 0;
  let letters = 0;
  let digits = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      if (letters === 0) break;
      if (digits === 0 && ch === 48) return badRef(ref, where);
      if (++digits > 7) throw new LimitError(`${where}的单元格引用“${short(ref)}”超出 Excel 的最大行数 ${EXCEL.maxRows.toLocaleString()}`);
      row = row * 10 + (ch - 48);
    } else if (ch === 36 /* $ */ && digits === 0) continue;
    else {
      const up = ch & ~0x20;
      if (up < 65 || up > 90 || digits > 0) return badRef(ref, where);
      if (++letters > 3) throw new LimitError(`${where}的单元格引用“${short(ref)}”超出 Excel 的最大列 XFD`);
      col = col * 26 + (up - 64);
    }
  }
  if (letters === 0 || digits === 0) return badRef(ref, where);
  if (col > EXCEL.maxCols) throw new LimitError(`${where}的单元格引用“${short(ref)}”超出 Excel 的最大列 XFD`);
  if (row > EXCEL.maxRows) throw new LimitError(`${where}的单元格引用“${short(ref)}”超出 Excel 的最大行数 ${EXCEL.maxRows.toLocaleString()}`);
  return { row: row - 1, col: col - 1 };
}

function badRef(ref: string, where: string): never {
  throw new BrokenFileError(`无法读取：${where}有无法识别的单元格引用“${short(ref)}”`);
}

/** A 1-based row number, checked against Excel's bound. */
function rowNumber(text: string, where: string): number {
  if (!/^\d+$/.test(text)) throw new BrokenFileError(`无法读取：${where}有无法识别的行号“${short(text)}”`);
  const n = text.length > 8 ? Infinity : Number(text);
  if (n < 1) throw new BrokenFileError(`无法读取：${where}有无法识别的行号“${short(text)}”`);
  if (n > EXCEL.maxRows) throw new LimitError(`${where}的行号 ${short(text)} 超出 Excel 的最大行数 ${EXCEL.maxRows.toLocaleString()}`);
  return n;
}

function short(s: string): string {
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}

/** Running totals over the whole workbook. */
interface Budget {
  cells: number;
  chars: number;
}

interface SheetContext {
  name: string;
  shared: string[];
  dateStyles: boolean[];
  date1904: boolean;
  limits: OoxmlLimits;
  budget: Budget;
}

/** Reads one worksheet part into a grid; null when the part is not a worksheet (a chart or dialog sheet). */
async function readSheet(pkg: Package, part: string, ctx: SheetContext): Promise<Grid | null> {
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
  let cType: string | undefined;
  let cStyle: string | undefined;
  let cV: string | null = null;
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
    if (cType === 'inlineStr' && hasIs) return run.text === '' ? null : unescapeOoxml(run.text);
    if (cV === null) return null;
    switch (cType) {
      case 's': {
        const s = cV === "" ? undefined : shared[+cV];
        return s === undefined || s === '' ? null : s;
      }
      case 'str':
      case 'inlineStr':
        return cV === '' ? null : unescapeOoxml(cV);
      case 'e':
        return cV === '' ? null : cV;
      case 'b':
        return cV === '1' || cV.toLowerCase() === 'true';
      case 'd':
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
          const ref = a.get('r');
          if (ref !== undefined) {
            const p = parseRef(ref, where);
            cRow = p.row;
            cCol = p.col;
          } else {
            cRow = rowIdx < 0 ? 0 : rowIdx;
            cCol = nextCol;
            if (cCol >= EXCEL.maxCols) throw new LimitError(`${where}第 ${cRow + 1} 行的单元格超出 Excel 的最大列 XFD`);
          }
          nextCol = cCol + 1;
          cType = a.get('t');
          cStyle = a.get('s');
          cV = null;
          hasIs = false;
        } else if (name === 'v') {
          inV = true;
          cV = '';
          h.wantText = true;
        } else if (name === 'is') {
          inIs = true;
          hasIs = true;
          run.reset();
        } else if (inIs) {
          h.wantText = run.open(name);
        } else if (name === 'row') {
          const r = a.get('r');
          rowIdx = r !== undefined ? rowNumber(r.trim(), where) - 1 : rowIdx + 1;
          if (rowIdx >= EXCEL.maxRows) throw new LimitError(`${where}的行数超出 Excel 的最大行数 ${EXCEL.maxRows.toLocaleString()}`);
          nextCol = 0;
        }
      } else if (name === 'sheetData') inData = true;
      else if (name === 'mergeCell' && a.get('ref')) {
        const [from, to = from] = a.get('ref')!.split(':');
        const p = parseRef(from, where);
        const q = parseRef(to, where);
        const area: Area = { r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) };
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
    text(t) {
      if (inV) {
        if (cV!.length + t.length > EXCEL.maxText) throw textTooLong(cellName());
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

/**
 * Reads every worksheet (tab order) of the .xlsx in `buf` into grids. Throws LimitError past a limit and
 * BrokenFileError for a file that is not a readable workbook; both say why in Chinese.
 */
export async function readOoxml(buf: Buffer, limits: OoxmlLimits): Promise<SheetInput[]> {
  const pkg = await Package.open(buf, { maxUncompressed: limits.maxUncompressed, maxEntries: limits.maxEntries });
  try {
    const wbPart = await workbookPart(pkg);
    const wb = await readWorkbookPart(pkg, wbPart);
    const rels = await readRels(pkg, wbPart);
    const shared = await readSharedStrings(pkg, byType(rels, 'sharedStrings') ?? fallback(pkg, wbPart, 'sharedStrings.xml'), limits.maxCells);
    const dateStyles = wb.date1904 ? await readDateStyles(pkg, byType(rels, 'styles') ?? fallback(pkg, wbPart, 'styles.xml')) : [];
    const budget: Budget = { cells: 0, chars: 0 };
    const out: SheetInput[] = [];
    for (const s of wb.sheets) {
      const rel = s.rid ? rels.get(s.rid) : undefined;
      // Chart sheets, dialog sheets and macro sheets have no cell grid.
      if (!rel || !rel.type.endsWith('/worksheet') || !pkg.has(rel.target)) continue;
      const grid = await readSheet(pkg, rel.target, { name: s.name, shared, dateStyles, date1904: wb.date1904, limits, budget });
      if (grid) out.push({ sheet: s.name, grid });
    }
    return out;
  } finally {
    pkg.close();
  }
}

/** A part beside the workbook at its usual name, for packages whose relationships leave it out. */
function fallback(pkg: Package, wbPart: string, name: string): string | undefined {
  const p = resolveTarget(wbPart, name);
  return pkg.has(p) ? p : undefined;
}
