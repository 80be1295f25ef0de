/** Text a spreadsheet would read as a formula (= + - @, tab, CR): written so that it stays text and never runs. */

/** True when a text value would be taken for a formula if written as it is. */
export function looksLikeFormula(v: unknown): v is string {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v);
}

/**
 * A cell value as `Range.formulas` should receive it so that text stays text. `Range.values` takes text beginning
 * with `+`, `-` or `=` for a formula (the host API's reference says so) and a text number format `@` preventing that is
 * not documented; a leading apostrophe is the spreadsheet's own way to enter text as typed, and the apostrophe is kept as a
 * prefix, not in the value. Text that already starts with an apostrophe gets one more, so it keeps its own.
 * Numbers and booleans go as they are; empty as ''.
 */
export function asInput(v: unknown): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return /^[=+\-@\t\r']/.test(v) ? `'${v}` : v;
  return v as number | boolean;
}
