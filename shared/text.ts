/** Text clean-up shared by every normaliser: full-width → half-width, trimming, blank detection. */
import type { Cell } from './types';

/** Full-width ASCII (！-～) and the ideographic space become their half-width forms. */
export function toHalfWidth(s: string): string {
  // Fast path: most cells have nothing to convert.
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
      needs = true;
      break;
    }
  }
  if (!needs) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

/** Full-width digits and Latin letters only (２０２５, ＫＴ) become half-width; Chinese punctuation （，：） is kept. */
export function halfWidthAlnum(s: string): string {
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // ０-９, Ａ-Ｚ, ａ-ｚ only: full-width punctuation (：；？) is common in titles and stays as it is.
    if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) {
      needs = true;
      break;
    }
  }
  if (!needs) return s;
  return s.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

const TRIM_RE = /^[\s\u00a0\u3000\u200b\ufeff]+|[\s\u00a0\u3000\u200b\ufeff]+$/g;

/** Is this UTF-16 code unit a space of any kind (ASCII, NBSP, ideographic, zero-width, BOM, line breaks)? */
export function isSpace(c: number): boolean {
  // Ordered for the usual character — a Chinese one, or ASCII — to be decided in two comparisons.
  if (c > 0x3000) return c === 0xfeff;
  if (c <= 0x20) return true;
  if (c < 0x85) return false;
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Trims ASCII, full-width and non-breaking spaces and zero-width characters at both ends. */
export function trimAll(s: string): string {
  // Hot path: most cells have nothing to trim, so look at both ends before running a regex.
  if (s.length === 0 || (!isSpace(s.charCodeAt(0)) && !isSpace(s.charCodeAt(s.length - 1)))) return s;
  return s.replace(TRIM_RE, '');
}

/** A cell is blank when empty, null, undefined or only white space. */
export function isBlank(v: Cell): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (typeof v === 'string') return trimAll(v) === '';
  return false;
}

/** The cell as trimmed text ('' for blank). Numbers print without exponent for ordinary sizes. */
export function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return trimAll(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return v ? 'TRUE' : 'FALSE';
}

/** Header text folded for matching: half-width, no spaces or line breaks, no trailing `*`, `:`. */
export function foldHeader(v: Cell): string {
  return toHalfWidth(cellText(v))
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[*:：]+$/g, '')
    .replace(/^[*]+/, '');
}

/** Is the character a CJK ideograph (basic block and extension A)? */
export function isCjk(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** Counted characters of a text as the 字数 rule counts them: CJK characters and letters/digits, no white space or punctuation. */
export function countChars(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (isCjk(c) || (c >= 0x20000 && c <= 0x2ffff)) n++;
    else if (/[\p{L}\p{N}]/u.test(ch)) n++;
  }
  return n;
}
