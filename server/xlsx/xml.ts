/** The few XML helpers the .xlsx reader needs: entity decoding and attribute lookup on a tag's text. */

const ENTITY_RE = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// OOXML escapes control characters in strings as _xHHHH_.
const OOXML_ESCAPE_RE = /_x([0-9A-Fa-f]{4})_/g;

/** Decodes XML entities (and OOXML's _xHHHH_ escapes) in text content. */
export function decodeXml(s: string): string {
  if (s.indexOf('&') >= 0)
    s = s.replace(ENTITY_RE, (_, dec, hex, name) =>
      dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : NAMED[name],
    );
  if (s.indexOf('_x') >= 0) s = s.replace(OOXML_ESCAPE_RE, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  return s;
}

/** The value of attribute `name` in a tag's attribute text, or undefined. */
export function attr(tag: string, name: string): string | undefined {
  const i = tag.indexOf(` ${name}="`);
  if (i < 0) return undefined;
  const start = i + name.length + 3;
  return tag.slice(start, tag.indexOf('"', start));
}

const T_RE = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
const RPH_RE = /<rPh\b[\s\S]*?<\/rPh>/g;

/** The text of a string item (<si> or <is>): its <t> runs joined, phonetic guides (<rPh>) left out. */
export function runText(xml: string): string {
  if (xml.indexOf('<rPh') >= 0) xml = xml.replace(RPH_RE, '');
  let out = '';
  T_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = T_RE.exec(xml))) if (m[1]) out += m[1];
  return decodeXml(out);
}
