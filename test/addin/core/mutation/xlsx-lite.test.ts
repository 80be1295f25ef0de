/**
 * addin/core/xlsx-lite.ts on archives exceljs never writes (issue 15's surviving mutants): stored (uncompressed)
 * entries next to deflated ones, extra fields and comments in the ZIP headers, an archive comment, absolute
 * relationship targets, inline strings, formula strings, error cells, styled empty cells and multi-letter columns.
 * The archive is built here byte by byte from the ZIP specification (APPNOTE 4.3.7, 4.3.12, 4.3.16).
 */
import { deflateRawSync } from 'node:zlib';
import { readXlsx, styleFormats, unescapeXml } from '../../../../addin/core/xlsx-lite';

interface Entry { name: string; text: string; deflate?: boolean; extra?: number; comment?: string; localExtra?: number }

/** A ZIP archive of the entries, in order, with an archive comment. */
function zip(entries: Entry[], archiveComment = ''): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const raw = enc.encode(e.text);
    const data = e.deflate ? new Uint8Array(deflateRawSync(raw)) : raw;
    const localExtra = new Uint8Array(e.localExtra ?? 0).fill(0x55);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, e.deflate ? 8 : 0, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, raw.length, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, localExtra.length, true);
    parts.push(new Uint8Array(local.buffer), name, localExtra, data);
    const extra = new Uint8Array(e.extra ?? 0).fill(0x66);
    const comment = enc.encode(e.comment ?? '');
    const head = new DataView(new ArrayBuffer(46));
    head.setUint32(0, 0x02014b50, true);
    head.setUint16(4, 20, true);
    head.setUint16(6, 20, true);
    head.setUint16(10, e.deflate ? 8 : 0, true);
    head.setUint32(20, data.length, true);
    head.setUint32(24, raw.length, true);
    head.setUint16(28, name.length, true);
    head.setUint16(30, extra.length, true);
    head.setUint16(32, comment.length, true);
    head.setUint32(42, offset, true);
    central.push(new Uint8Array(head.buffer), name, extra, comment);
    offset += 30 + name.length + localExtra.length + data.length;
  }
  const cdSize = central.reduce((n, p) => n + p.length, 0);
  const commentBytes = enc.encode(archiveComment);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  end.setUint16(20, commentBytes.length, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer), commentBytes];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
<sheet name="区级汇总" sheetId="1" r:id="rId1"/><sheet name="论文投稿" sheetId="2" r:id="rId2"/><sheet sheetId="3" r:id="rId9"/>
</sheets></workbook>`;
const RELS = `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>`;
const SHARED = `<sst><si><t>学校</t></si><si><t xml:space="preserve"> 全区合计 </t></si><si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></si></sst>`;
const STYLES = `<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt formatCode="无编号"/></numFmts>
<cellXfs count="4"><xf numFmtId="0" fontId="0"/><xf numFmtId="164" fontId="0"/><xf numFmtId="14" fontId="0"/><xf numFmtId="abc" fontId="0"/></cellXfs></styleSheet>`;
const SHEET1 = `<worksheet><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr">
  <is><t>反思完成率</t></is>
</c></row>
<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"><v>0.9</v></c><c r="C2" t="b"><v>1</v></c></row>
<row r="3"><c r="A3" t="str"><v>甲 乙</v></c><c r="B3" t="e"><v>#N/A</v></c><c r="C3" s="2"/><c r="D3" s="3"><v>7</v></c><c r="AB3" t="s"><v>2</v></c></row>
<row r="10"><c r="C10"><v>5</v></c><c r="A10x" t="inlineStr"><is><t>坏</t></is></c><c r="1A10" t="inlineStr"><is><t>坏</t></is></c></row>
</sheetData></worksheet>`;
const SHEET2 = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>=不是公式</t></is></c><c r="B1"><v>45730</v></c></row></sheetData></worksheet>`;

const ENTRIES: Entry[] = [
  { name: '[Content_Types].xml', text: '<Types/>', deflate: true },
  { name: 'xl/workbook.xml', text: WORKBOOK, extra: 4, comment: '工作簿', localExtra: 7 },
  { name: 'xl/_rels/workbook.xml.rels', text: RELS, deflate: true, extra: 12, comment: 'rels' },
  { name: 'xl/sharedStrings.xml', text: SHARED, deflate: true, localExtra: 3 },
  { name: 'xl/styles.xml', text: STYLES, comment: '样式' },
  // Two stored sheets one after the other: a wrong length would read the second into the first.
  { name: 'xl/worksheets/sheet1.xml', text: SHEET1, extra: 9, comment: 'sheet one', localExtra: 5 },
  { name: 'xl/worksheets/sheet2.xml', text: SHEET2, extra: 1 },
];

const row3 = ['甲 乙', '#N/A', null, 7, ...Array<null>(23).fill(null), '富文本'];

describe('readXlsx on a hand-built archive', () => {
  test('stored and deflated entries, header extras and comments: every sheet, cell kind and format', async () => {
    const sheets = await readXlsx(zip(ENTRIES, '研表测试归档'));
    expect(sheets).toEqual([
      {
        name: '区级汇总',
        grid: [['学校', '反思完成率'], [' 全区合计 ', 0.9, true], row3, [], [], [], [], [], [], [null, null, 5]],
        formats: [[], [null, '0.0%'], [null, null, 'yyyy-mm-dd']],
      },
      { name: '论文投稿', grid: [['=不是公式', 45730]] },
      { name: '', grid: [] },
    ]);
  });

  test('an archive with no entries at all has no workbook', async () => {
    await expect(readXlsx(zip([]))).rejects.toThrow(new Error('文件不是有效的 Excel 工作簿（缺少 xl/workbook.xml）'));
  });

  test('a damaged central directory is reported as such', async () => {
    const bytes = zip(ENTRIES);
    const view = new DataView(bytes.buffer);
    const cdOffset = view.getUint32(bytes.length - 22 + 16, true);
    view.setUint32(cdOffset, 0x02014b51, true);
    await expect(readXlsx(bytes)).rejects.toThrow(new Error('Excel 工作簿的 ZIP 目录已损坏'));
  });
});

describe('styleFormats and unescapeXml', () => {
  test('per style: null for General, the custom or built-in code; a format without an id is no format', () => {
    expect(styleFormats(STYLES)).toEqual([null, '0.0%', 'yyyy-mm-dd', null]);
    expect(styleFormats('')).toEqual([]);
    expect(styleFormats('<styleSheet><fonts/></styleSheet>')).toEqual([]);
  });

  test('hexadecimal character references in either case', () => {
    expect(unescapeXml('&#X4E2D;&#x6587;&#25991;&QUOT;')).toBe('中文文"');
  });
});
