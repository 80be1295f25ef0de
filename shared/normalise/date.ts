/** Dates and months as schools type them → ISO `YYYY-MM-DD` / `YYYY-MM`. Excel serials use the 1900 system. */
import type { Cell } from '../types';
import { cellText, toHalfWidth } from '../text';
import { err, ok, type Norm } from './result';

const DAY_MS = 86_400_000;
// Serial 61 is 1900-03-01; Excel counts a fictitious 1900-02-29 as serial 60, so later serials are offset from 1899-12-30.
const EPOCH_AFTER_LEAP = Date.UTC(1899, 11, 30);
const EPOCH_BEFORE_LEAP = Date.UTC(1899, 11, 31);
/** Largest serial Excel accepts (9999-12-31). */
export const MAX_SERIAL = 2_958_465;

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

/** Is y-m-d a real calendar day (so 2025-02-29 is not, 2024-02-29 is)? */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= dim[m - 1];
}

/** Excel serial → ISO date, or null for the phantom 1900-02-29 (serial 60) and out-of-range values. */
export function serialToIso(serial: number): string | null {
  const whole = Math.floor(serial);
  // Written as a negated range so that NaN (a non-finite number cell) is rejected too, not turned into `NaN-NaN-NaN`.
  if (!(whole >= 1 && whole <= MAX_SERIAL)) return null;
  if (whole === 60) return null;
  const ms = whole < 60 ? EPOCH_BEFORE_LEAP + whole * DAY_MS : EPOCH_AFTER_LEAP + whole * DAY_MS;
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** ISO date → Excel serial (1900 system). */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  const ms = Date.UTC(y, m - 1, d);
  const serial = Math.round((ms - EPOCH_AFTER_LEAP) / DAY_MS);
  return serial < 61 ? serial - 1 : serial;
}

const YMD_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function ymd(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR || !isValidYmd(y, m, d)) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** A date cell → ISO date. Accepts serials, 2025-03-14, 2025/3/14, 2025.3.14, 2025年3月14日, 20250314. */
export function parseDate(v: Cell): Norm<string> {
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) {
      const iso = ymd(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
      return iso ? ok(iso) : err('date');
    }
    const iso = serialToIso(v);
    return iso ? ok(iso) : err('date');
  }
  const s = toHalfWidth(cellText(v));
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    // ISO `2025-03-14`, the most common spelling: no regex.
    const iso = ymd(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
    // Only the canonical spelling: Number() would also read `2e03`, `+3` or `1.`, which the patterns below reject.
    if (iso === s) return ok(iso);
  }
  let m = YMD_RE.exec(s);
  if (!m) m = COMPACT_RE.exec(s);
  if (m) {
    const iso = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) return ok(iso);
  }
  return err('date');
}

const YM_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:份)?$/;
const YM_COMPACT_RE = /^(\d{4})(\d{2})$/;
const M_ONLY_RE = /^(\d{1,2})\s*月(?:份)?$/;

/**
 * A month cell → `YYYY-MM`. Accepts 2025-03, 2025年3月, 2025.3 (also when Excel stored it as the number 2025.3),
 * 202503, a full date or a date serial; a bare `3月` takes its year from the term when one is given.
 */
export function parseMonth(v: Cell, termYearOf?: (month: number) => number): Norm<string> {
  if (typeof v === 'number') {
    if (v >= MIN_YEAR && v < MAX_YEAR + 1 && !Number.isInteger(v)) {
      // "2025.3" typed into a cell becomes the number 2025.3; "2025.12" becomes 2025.12.
      const y = Math.floor(v);
      const frac = Math.round((v - y) * 100);
      const month = frac % 10 === 0 && frac / 10 < 10 ? frac / 10 : frac;
      return month >= 1 && month <= 12 ? ok(`${y}-${pad2(month)}`) : err('month');
    }
    if (Number.isInteger(v) && v >= 190001 && v <= 210012) {
      const y = Math.floor(v / 100);
      const month = v % 100;
      return month >= 1 && month <= 12 ? ok(`${y}-${pad2(month)}`) : err('month');
    }
    const iso = serialToIso(v);
    return iso ? ok(iso.slice(0, 7)) : err('month');
  }
  const s = toHalfWidth(cellText(v));
  const m = YM_RE.exec(s) || YM_COMPACT_RE.exec(s);
  if (m) {
    const y = Number(m[1]);
    const month = Number(m[2]);
    if (y >= MIN_YEAR && y <= MAX_YEAR && month >= 1 && month <= 12) return ok(`${y}-${pad2(month)}`);
    return err('month');
  }
  const mo = M_ONLY_RE.exec(s);
  if (mo && termYearOf) {
    const month = Number(mo[1]);
    if (month >= 1 && month <= 12) return ok(`${termYearOf(month)}-${pad2(month)}`);
  }
  const d = parseDate(v);
  return d.ok ? ok(d.value.slice(0, 7)) : err('month');
}

/** The last Friday of a `YYYY-MM` month, as ISO date (the default reflection deadline). */
export function lastFriday(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)); // day 0 of next month = last day of this month
  const back = (last.getUTCDay() - 5 + 7) % 7;
  return `${y}-${pad2(m)}-${pad2(last.getUTCDate() - back)}`;
}
