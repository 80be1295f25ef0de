/** Text as a SpreadsheetML cell or attribute holds it: capped, escaped, without what XML 1.0 forbids. */

/** Excel refuses (and "repairs") a cell holding more than 32,767 characters. */
export const MAX_CELL_TEXT = 32767;

/** Text cut to Excel's cell limit with an ellipsis, never between the two halves of an emoji. */
export function capText(s: string): string {
  if (s.length <= MAX_CELL_TEXT) return s;
  let end = MAX_CELL_TEXT - 1;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--; // a high surrogate whose pair would be cut off
  return s.slice(0, end) + '…';
}

// Anything that needs work: markup characters, CR (a parser would read it as LF), characters XML 1.0 forbids
// (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, surrogates — a pair is fine, a lone half is not), and text that
// reads as Excel's own _xHHHH_ escape (Excel would decode "_x0041_" typed by a teacher into "A").
const NEEDS_WORK = /[&<>"\r\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
const EACH = /[&<>"\r\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;
const REPLACE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', _: '_x005F_' };

/**
 * Text safe inside an element or a double-quoted attribute. Text needing nothing (nearly all) is returned as is
 * after one regex test; otherwise markup is escaped, CR kept as &#13;, forbidden characters dropped, emoji kept.
 */
export function xmlText(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s.replace(EACH, (m) => REPLACE[m] ?? (m.length === 2 ? m : ''));
}

/** A cell's text: capped to Excel's limit, then escaped. */
export function cellText(s: string): string {
  return xmlText(capText(s));
}
