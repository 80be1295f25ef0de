/**
 * Hostile workbooks, as an attacker with one school token would send them (issue 10's list): each is small on
 * the wire and generated here, and each says what the server must answer.
 */
import { book, bookParts, packParts, worksheet, MAIN_NS, PKG_REL_NS } from './ooxml';
import { repeatedEntry, xlsxParts, zip, entry } from './zip';

export interface Hostile {
  name: string;
  buf: Buffer;
  /** Statuses the server may answer (never 500, never a crash). */
  status: number[];
}

const SHEET = 'xl/worksheets/sheet1.xml';
const HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData>`;

/** The roster header, then `rows` rows whose every cell is shared string 1 (32,767 characters). */
function longStringRoster(rows: number): Buffer {
  const header = '<row r="1">' + ['姓名', '性别', '学科', '职称', '身份证号'].map((_, i) => `<c r="${'ABCDE'[i]}1" t="s"><v>${i + 2}</v></c>`).join('') + '</row>';
  let body = '';
  for (let r = 2; r <= rows + 1; r++) body += `<row r="${r}">` + [0, 1, 2, 3, 4].map((i) => `<c r="${'ABCDE'[i]}${r}" t="s"><v>1</v></c>`).join('') + '</row>';
  return book({ shared: ['x', '长'.repeat(32_767), '姓名', '性别', '学科', '职称', '身份证号'], sheets: [{ name: '教师名册', xml: worksheet(header + body) }] });
}

/** Every hostile form, each answered with a 4xx. */
export function hostileFiles(): Hostile[] {
  const out: Hostile[] = [];
  out.push({ name: 'a cell reference past column XFD (r="ZZZZZZ1")', buf: book({ sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="ZZZZZZ1"><v>1</v></c></row>') }] }), status: [413] });
  out.push({ name: 'row 100,000,000 with a cell lacking r=', buf: book({ sheets: [{ name: 'S', xml: worksheet('<row r="100000000"><c><v>1</v></c></row>') }] }), status: [413] });
  out.push({
    name: '80,000 unclosed <Relationship in workbook.xml.rels',
    buf: (() => {
      const parts = bookParts({ sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>') }] });
      parts['xl/_rels/workbook.xml.rels'] = `<Relationships xmlns="${PKG_REL_NS}">` + '<Relationship'.repeat(80_000);
      return packParts(parts);
    })(),
    status: [400],
  });
  out.push({
    name: '40,000 unclosed <mergeCell',
    buf: book({ sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>', '<mergeCells>' + '<mergeCell ref="A1:B2"'.repeat(40_000)) }] }),
    status: [400, 413, 422],
  });
  out.push({
    name: 'a sheet of 20 MB without </row>',
    buf: zip(xlsxParts(repeatedEntry(SHEET, '<row><c t="inlineStr"><is><t>无尾</t></is></c>', 400_000, HEAD, '</sheetData></worksheet>'))),
    status: [400, 413, 422],
  });
  out.push({
    name: '2,000 repeats of the merge A1:ALK1000',
    buf: zip(xlsxParts(entry(SHEET, `${HEAD}<row r="1"><c r="A1"><v>1</v></c></row><row r="1000"><c r="A1000"><v>1</v></c></row></sheetData><mergeCells>${'<mergeCell ref="A1:ALK1000"/>'.repeat(2000)}</mergeCells></worksheet>`))),
    status: [413],
  });
  out.push({ name: 'a shared string longer than Excel allows (32,768 characters)', buf: book({ shared: ['长'.repeat(32_768)], sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }] }), status: [413] });
  // 327 M characters once read: refused while reading.
  out.push({ name: 'a roster whose 10,000 cells all point at one 32,767-character string', buf: longStringRoster(2000), status: [413] });
  // 33 M characters: read, refused by validation, and the 422 stays small (values shortened, findings bounded).
  out.push({ name: 'a roster whose 1,000 cells all point at one 32,767-character string', buf: longStringRoster(200), status: [422] });
  out.push({
    name: 'a DOCTYPE declaring entities (no expansion)',
    buf: book({ sheets: [{ name: 'S', xml: `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;&b;&b;</t></is></c></row></sheetData></worksheet>` }] }),
    status: [422],
  });
  return out;
}
