/** A1 ranges as the Sheets v4 API reads and writes them (`'区级汇总'!A1:C3`, `Sheet1!A:C`, `Sheet1`). */
import { colIndex, colLetter } from '../../../shared/a1';

/** A parsed range: the sheet title (or null for "the first sheet") and 0-based bounds; undefined = open end. */
export interface ParsedRange {
  sheet: string | null;
  startRow: number;
  startCol: number;
  /** Exclusive; undefined = to the end of the grid. */
  endRow?: number;
  endCol?: number;
  /** True when the range was one cell (`A1`): writes may run past it, as Google allows. */
  single: boolean;
}

/** Thrown for a range Google would answer with 400 "Unable to parse range". */
export class RangeParseError extends Error {}

/** Splits `'it''s'!A1:B2` into sheet title and cell part; a bare title has no cell part. */
function splitSheet(range: string): { sheet: string | null; cells: string | null } {
  if (range.startsWith("'")) {
    let i = 1;
    let title = '';
    while (i < range.length) {
      if (range[i] === "'" && range[i + 1] === "'") {
        title += "'";
        i += 2;
      } else if (range[i] === "'") break;
      else title += range[i++];
    }
    if (i >= range.length) throw new RangeParseError(range);
    const rest = range.slice(i + 1);
    if (rest === '') return { sheet: title, cells: null };
    if (!rest.startsWith('!')) throw new RangeParseError(range);
    return { sheet: title, cells: rest.slice(1) };
  }
  const bang = range.lastIndexOf('!');
  if (bang >= 0) return { sheet: range.slice(0, bang), cells: range.slice(bang + 1) };
  return { sheet: null, cells: range };
}

/** One end of a range: `B7`, `B`, or `7`. */
function parseEnd(s: string): { row?: number; col?: number } {
  const m = /^\$?([A-Za-z]*)\$?(\d*)$/.exec(s);
  if (!m || (m[1] === '' && m[2] === '')) throw new RangeParseError(s);
  return {
    col: m[1] ? colIndex(m[1]) : undefined,
    row: m[2] ? Number(m[2]) - 1 : undefined,
  };
}

/** Parses an A1 range; `titles` decides whether a bare word is a sheet title or a cell reference. */
export function parseRange(range: string, titles: string[]): ParsedRange {
  const { sheet, cells } = splitSheet(range.trim());
  if (cells === null) return { sheet, startRow: 0, startCol: 0, single: false };
  if (sheet === null && titles.includes(cells)) return { sheet: cells, startRow: 0, startCol: 0, single: false };
  const [a, b, extra] = cells.split(':');
  if (extra !== undefined || a === '') throw new RangeParseError(range);
  const s = parseEnd(a);
  if (b === undefined) {
    if (s.row === undefined || s.col === undefined) throw new RangeParseError(range);
    return { sheet, startRow: s.row, startCol: s.col, endRow: s.row + 1, endCol: s.col + 1, single: true };
  }
  const e = parseEnd(b);
  return {
    sheet,
    startRow: s.row ?? 0,
    startCol: s.col ?? 0,
    endRow: e.row === undefined ? undefined : e.row + 1,
    endCol: e.col === undefined ? undefined : e.col + 1,
    single: false,
  };
}

/** A sheet title as Google prints it in a range: quoted unless it is a plain ASCII word. */
export function quoteTitle(title: string): string {
  return /^[A-Za-z0-9_]+$/.test(title) ? title : `'${title.replace(/'/g, "''")}'`;
}

/** Formats 0-based bounds (end exclusive) as `Title!A1:C3`. */
export function formatRange(title: string, r0: number, c0: number, r1: number, c1: number): string {
  const a = `${colLetter(c0)}${r0 + 1}`;
  const b = `${colLetter(Math.max(c0, c1 - 1))}${Math.max(r0, r1 - 1) + 1}`;
  return `${quoteTitle(title)}!${a === b ? a : `${a}:${b}`}`;
}
