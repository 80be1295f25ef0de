/** Numbers typed as text (full-width digits, thousands separators, a trailing unit) → numbers. */
import type { Cell } from '../types';
import { cellText, toHalfWidth } from '../text';
import { err, ok, type Norm } from './result';

const NUM_RE = /^[-+]?\d+(?:\.\d+)?$/;
const UNIT_RE = /(字|人次|人|学时|课时|小时|篇|次|个)$/;

/** A number cell; `integer` rejects fractions with code `integer`. */
export function parseNumber(v: Cell, integer = false): Norm<number> {
  let n: number;
  if (typeof v === 'number') n = v;
  else {
    const s = toHalfWidth(cellText(v)).replace(/[,，\s]/g, '').replace(UNIT_RE, '');
    if (!NUM_RE.test(s)) return err('number');
    n = Number(s);
  }
  if (!Number.isFinite(n)) return err('number');
  if (integer && !Number.isInteger(n)) return err('integer');
  return ok(n);
}
