/** Person names: stray spaces inside a Chinese name are removed (a fixable `spacing` finding), dots unified. */
import type { Cell } from '../types';
import { cellText, isCjk, toHalfWidth } from '../text';
import { ok, type Norm } from './result';

// Middle-dot look-alikes used in transliterated names (迪丽热巴·迪力木拉提).
const DOTS_RE = /[•・･‧∙⋅●]/g;
// A full stop between two ideographs is a mistyped middle dot; in Latin names (J. Smith) it is kept.
const CJK_DOT_RE = /([\u3400-\u9fff])\s*\.\s*(?=[\u3400-\u9fff])/g;
const SPACE_RE = /[\s\u00a0\u3000]+/g;

function isChineseName(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0xb7) continue;
    if (!isCjk(c)) return false;
  }
  return true;
}

function isPlainCjk(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isCjk(s.charCodeAt(i))) return false;
  return true;
}

/** One name → cleaned name; when the cell's text differs only by spacing or dots, a `spacing` note carries the fix. */
export function parseName(v: Cell): Norm<string> {
  const raw = cellText(v);
  if (raw && isPlainCjk(raw)) return ok(raw); // the common case: 张伟
  let s = toHalfWidth(raw).replace(SPACE_RE, ' ').trim();
  s = s.replace(DOTS_RE, '·').replace(CJK_DOT_RE, '$1·');
  if (s.includes('·')) s = s.replace(/\s*·\s*/g, '·');
  if (s.includes(' ') && isChineseName(s)) s = s.replace(/ /g, '');
  return s === raw ? ok(s) : ok(s, { code: 'spacing', fix: s });
}

/** Several names in one cell, split on the given separators; each cleaned. */
export function splitNames(v: Cell, separators: RegExp): string[] {
  const text = toHalfWidth(cellText(v));
  if (!text) return [];
  const out: string[] = [];
  for (const part of text.split(separators)) {
    const r = parseName(part);
    if (r.ok && r.value) out.push(r.value);
  }
  return out;
}
