/**
 * Workbooks written part by part, as the tools schools use write them (Excel, WPS, 腾讯文档, the .NET Open XML SDK,
 * LibreOffice) and as an attacker would: every real-world form and hostile form of the reader tests is generated
 * here from its XML, never kept as a hand-made binary.
 */
import { entry, zip, type ZipEntry } from './zip';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const STRICT_MAIN_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const STRICT_REL_NS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

/** One sheet of a generated workbook. */
export interface SheetSpec {
  name: string;
  /** The part's whole XML (use `worksheet()` for the usual wrapper). */
  xml: string | Buffer;
  /** Relationship type's last segment (default worksheet). */
  type?: 'worksheet' | 'chartsheet' | 'dialogsheet';
  /** Part path (default xl/worksheets/sheetN.xml). */
  path?: string;
}

/** How the package is written. */
export interface BookSpec {
  sheets: SheetSpec[];
  /** sharedStrings part XML, or the strings (written plainly). */
  shared?: string[] | string;
  styles?: string;
  date1904?: boolean;
  /** Prefix for the SpreadsheetML namespace in workbook and shared strings (腾讯文档 and the .NET SDK write `x`). */
  prefix?: string;
  /** Prefix of the relationship id attribute on <sheet> (default r). */
  relPrefix?: string;
  /** Where the workbook part lives (default xl/workbook.xml). */
  workbookPath?: string;
  /** Where the shared strings live (default beside the workbook, sharedStrings.xml). */
  sharedPath?: string;
  strict?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function el(prefix: string | undefined, name: string): string {
  return prefix ? `${prefix}:${name}` : name;
}

/** A worksheet part around `sheetData` rows (and anything after them, e.g. mergeCells). */
export function worksheet(rows: string, after = '', opts: { prefix?: string; strict?: boolean } = {}): string {
  const ns = opts.strict ? STRICT_MAIN_NS : MAIN_NS;
  const p = opts.prefix;
  const xmlns = p ? `xmlns:${p}="${ns}"` : `xmlns="${ns}"`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${el(p, 'worksheet')} ${xmlns}><${el(p, 'sheetData')}>${rows}</${el(p, 'sheetData')}>${after}</${el(p, 'worksheet')}>`;
}

/** A shared-strings part holding `strings` as plain items. */
export function sharedStrings(strings: string[], prefix?: string): string {
  const xmlns = prefix ? `xmlns:${prefix}="${MAIN_NS}"` : `xmlns="${MAIN_NS}"`;
  const items = strings.map((s) => `<${el(prefix, 'si')}><${el(prefix, 't')} xml:space="preserve">${esc(s)}</${el(prefix, 't')}></${el(prefix, 'si')}>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><${el(prefix, 'sst')} ${xmlns} count="${strings.length}" uniqueCount="${strings.length}">${items}</${el(prefix, 'sst')}>`;
}

/** The parts of a workbook package, by path. */
export function bookParts(spec: BookSpec): Record<string, string | Buffer> {
  const wbPath = spec.workbookPath ?? 'xl/workbook.xml';
  const wbDir = wbPath.includes('/') ? wbPath.slice(0, wbPath.lastIndexOf('/') + 1) : '';
  const wbRels = `${wbDir}_rels/${wbPath.slice(wbDir.length)}.rels`;
  const mainNs = spec.strict ? STRICT_MAIN_NS : MAIN_NS;
  const relNs = spec.strict ? STRICT_REL_NS : REL_NS;
  const relType = (t: string) => (spec.strict ? `http://purl.oclc.org/ooxml/officeDocument/relationships/${t}` : `${REL_NS}/${t}`);
  const p = spec.prefix;
  const rp = spec.relPrefix ?? 'r';
  const parts: Record<string, string | Buffer> = {};
  parts['[Content_Types].xml'] =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>';
  parts['_rels/.rels'] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${relType('officeDocument')}" Target="/${wbPath}"/></Relationships>`;
  const rels: string[] = [];
  const sheets: string[] = [];
  spec.sheets.forEach((s, i) => {
    const type = s.type ?? 'worksheet';
    const dir = type === 'worksheet' ? 'worksheets' : type === 'chartsheet' ? 'chartsheets' : 'dialogsheets';
    const path = s.path ?? `xl/${dir}/sheet${i + 1}.xml`;
    parts[path] = s.xml;
    rels.push(`<Relationship Id="rIdS${i + 1}" Type="${relType(type)}" Target="/${path}"/>`);
    sheets.push(`<${el(p, 'sheet')} name="${esc(s.name)}" sheetId="${i + 1}" ${rp}:id="rIdS${i + 1}"/>`);
  });
  if (spec.shared !== undefined) {
    const ssPath = spec.sharedPath ?? `${wbDir}sharedStrings.xml`;
    parts[ssPath] = typeof spec.shared === 'string' ? spec.shared : sharedStrings(spec.shared, p);
    rels.push(`<Relationship Id="rIdSS" Type="${relType('sharedStrings')}" Target="/${ssPath}"/>`);
  }
  if (spec.styles !== undefined) {
    parts[`${wbDir}styles.xml`] = spec.styles;
    rels.push(`<Relationship Id="rIdST" Type="${relType('styles')}" Target="styles.xml"/>`);
  }
  parts[wbRels] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`;
  const xmlns = p ? `xmlns:${p}="${mainNs}"` : `xmlns="${mainNs}"`;
  const pr = spec.date1904 ? `<${el(p, 'workbookPr')} date1904="1"/>` : '';
  parts[wbPath] = `<?xml version="1.0" encoding="UTF-8"?><${el(p, 'workbook')} ${xmlns} xmlns:${rp}="${relNs}">${pr}<${el(p, 'sheets')}>${sheets.join('')}</${el(p, 'sheets')}></${el(p, 'workbook')}>`;
  return parts;
}

/** The .xlsx bytes of the parts (entry names as given, UTF-8). */
export function packParts(parts: Record<string, string | Buffer>, rename: (name: string) => string = (n) => n): Buffer {
  const entries: ZipEntry[] = Object.entries(parts).map(([name, data]) => entry(rename(name), data));
  return zip(entries);
}

/** A whole workbook from its spec. */
export function book(spec: BookSpec): Buffer {
  return packParts(bookParts(spec));
}

/** A styles part with custom number formats and one cell style (xf) per number format id, in order. */
export function styles(numFmtIds: number[], custom: Record<number, string> = {}): string {
  const fmts = Object.entries(custom)
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`)
    .join('');
  const xfs = numFmtIds.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}"><numFmts count="${Object.keys(custom).length}">${fmts}</numFmts><cellXfs count="${numFmtIds.length}">${xfs}</cellXfs></styleSheet>`;
}
