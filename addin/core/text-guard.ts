/** Text a spreadsheet would read as a formula (= + - @, tab, CR): written as text so it never runs. */

/** True when a value must be written with the text number format '@'. */
export function looksLikeFormula(v: unknown): v is string {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v);
}
