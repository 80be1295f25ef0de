/**
 * Dates in a workbook: which number formats show a date (built-in ids, the CJK built-ins, and custom codes), and
 * the conversions the engine needs, which works on 1900-system serials as Office.js gives them.
 */

/** Built-in number formats that are dates or times (ECMA-376 Part 1, 18.8.30), with the zh-CN ones (27–36, 50–58). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * Whether a custom format code shows a date or time: after removing quoted text, escaped characters and bracketed
 * sections (colours, locales, conditions — but `[h]`/`[mm]`/`[ss]` elapsed time counts), any of y m d h s remains
 * in the first section. `General` and formats of plain numbers do not.
 */
export function isDateFormatCode(code: string): boolean {
  const first = code.split(';')[0];
  if (/\[(h+|m+|s+)\]/i.test(first)) return true;
  const bare = first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '')
    .replace(/\[[^\]]*\]/g, '');
  if (/general/i.test(bare)) return false;
  return /[ymdhs]/i.test(bare.replace(/AM\/PM|A\/P/gi, 'h'));
}

/** Whether number format `id` (with the workbook's custom codes) shows a date. */
export function isDateFormat(id: number, custom: Map<number, string>): boolean {
  const code = custom.get(id);
  if (code !== undefined) return isDateFormatCode(code);
  return BUILTIN_DATES.has(id);
}

/** Days between the 1904 and the 1900 date systems' day zero, as Excel counts them. */
export const DATE1904_OFFSET = 1462;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const TIME_RE = /^T?(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;

/** An ISO 8601 date or date-time of a `t="d"` cell as a 1900-system serial (time as the fraction), or null. */
export function isoCellToSerial(text: string): number | null {
  const s = text.trim();
  const m = ISO_RE.exec(s);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', se = '0', frac = ''] = m;
    const day = Date.UTC(Number(y), Number(mo) - 1, Number(d));
    const back = new Date(day);
    if (back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d)) return null;
    const serial = day / 86400000 + 25569;
    if (serial < 61) return null; // before 1900-03-01 the serials are off by Excel's 29 Feb 1900
    return serial + timeFraction(h, mi, se, frac);
  }
  const t = TIME_RE.exec(s);
  if (t) return timeFraction(t[1], t[2], t[3] ?? '0', t[4] ?? '');
  return null;
}

function timeFraction(h: string, m: string, s: string, frac: string): number {
  const secs = Number(h) * 3600 + Number(m) * 60 + Number(s) + (frac ? Number(`0.${frac}`) : 0);
  return secs / 86400;
}
