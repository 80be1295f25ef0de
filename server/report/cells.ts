/** Cell values and widths for the report: normalised values → Excel cells that are never formulas. */
import type { NormRecord } from '../../shared/types';
import { displayWidth } from '../cli/format';
import { capText } from './xlsx/xml';

/** A value written as a plain cell: string, number, or nothing. */
export type PlainCell = string | number | undefined;

/**
 * A normalised value as a plain cell. Strings stay strings whatever they start with (`=1+1` is text, never a
 * formula: the writer writes every string as a string cell), and this is the one place values are made.
 * Lists join with 、, booleans read 是/否, objects become their JSON text, and text past Excel's 32,767-character
 * cell limit (a pasted 正文) is cut with an ellipsis.
 */
export function toCell(v: NormRecord['values'][string] | undefined | Record<string, unknown>): PlainCell {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'string') return capText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return toCell(v.map(String).join('、'));
  return toCell(JSON.stringify(v));
}

/** Display width in Excel character units: CJK and full-width characters count double (same rule as the terminal). */
export { displayWidth };

/** Column widths that fit the header and the longest sampled value, with a little air, capped at `max`. */
export function fitWidths(headers: string[], sample: PlainCell[][], min: number[] = [], max = 60): number[] {
  return headers.map((h, i) => {
    let w = Math.max(displayWidth(h) + 4, min[i] ?? 6); // + room for the filter button
    for (const row of sample) {
      const v = row[i];
      if (v !== undefined) w = Math.max(w, displayWidth(typeof v === 'number' ? String(Math.round(v * 100) / 100) : v) + 2);
    }
    return Math.min(w, max);
  });
}
