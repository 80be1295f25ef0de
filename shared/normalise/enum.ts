/** Value-set matching: canonical → ok; alias (or a spelling that folds onto one) → fixable `alias`; else `enum`. */
import type { Cell } from '../types';
import type { ValueSet } from '../templates/value-sets';
import { cellText, toHalfWidth } from '../text';
import { err, ok, type Norm } from './result';

/** Folds a value for lookup: half-width, no spaces, upper-case Latin, traditional 獎 → 奖. */
function fold(s: string): string {
  return toHalfWidth(s).replace(/[\s\u00a0\u3000]+/g, '').replace(/獎/g, '奖').toUpperCase();
}

/** Width and spacing removed, nothing else: what `spacing` (not `alias`) differs by. */
function squeeze(s: string): string {
  return toHalfWidth(s).replace(/[\s\u00a0\u3000]+/g, '');
}

/** A compiled value set: O(1) lookups, built once per set. */
export interface EnumMatcher {
  allowed: string[];
  match(v: Cell): Norm<string>;
}

/** Compiles a value set into a matcher. */
export function compileEnum(set: ValueSet): EnumMatcher {
  const allowed = Object.keys(set.values);
  const exact = new Set(allowed);
  const lookup = new Map<string, string>();
  for (const canonical of allowed) {
    lookup.set(fold(canonical), canonical);
    for (const alias of set.values[canonical]) lookup.set(fold(alias), canonical);
  }
  return {
    allowed,
    match(v: Cell): Norm<string> {
      if (typeof v === 'boolean') v = v ? '是' : '否';
      const text = cellText(v);
      if (exact.has(text)) return ok(text);
      const folded = fold(text);
      const canonical = lookup.get(folded);
      // Only spacing or width differs from the canonical spelling → `spacing`; a different word → `alias`.
      if (canonical) return ok(canonical, { code: squeeze(text) === canonical ? 'spacing' : 'alias', fix: canonical });
      return err('enum', { allowed });
    },
  };
}
