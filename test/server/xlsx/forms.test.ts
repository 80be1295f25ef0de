/**
 * The reader on every form in which the tools schools use write a workbook (generated part by part in
 * test/support/ooxml.ts): each grid asserted cell by cell against what Excel shows.
 */
import { readWorkbook, XlsxError } from '../../../server/xlsx/read';
import { book, bookParts, packParts, styles, worksheet, MAIN_NS } from '../../support/ooxml';

const read = (buf: Buffer) => readWorkbook(buf, 'a.xlsx');
const grids = async (buf: Buffer) => (await read(buf)).map((s) => [s.sheet, s.grid]);

describe('the reader gives the grid Excel shows', () => {
  test('namespace-prefixed parts (腾讯文档, .NET Open XML SDK): x:row, x:c, x:si', async () => {
    const rows = '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row><x:row r="2"><x:c r="A2" t="s"><x:v>2</x:v></x:c><x:c r="B2"><x:v>42</x:v></x:c></x:row>';
    const buf = book({ prefix: 'x', shared: ['姓名', '年龄', '张伟'], sheets: [{ name: '名册', xml: worksheet(rows, '', { prefix: 'x' }) }] });
    expect(await grids(buf)).toEqual([['名册', [['姓名', '年龄'], ['张伟', 42]]]]);
  });

  test('the sheet relationship written rel:id (not r:id) is followed', async () => {
    const buf = book({ relPrefix: 'rel', sheets: [{ name: '论文', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>') }] });
    expect(await grids(buf)).toEqual([['论文', [[1]]]]);
  });

  test('Strict OOXML namespaces are read alike', async () => {
    const buf = book({ strict: true, shared: ['题目'], sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="b"><v>1</v></c></row>', '', { strict: true }) }] });
    expect(await grids(buf)).toEqual([['S', [['题目', true]]]]);
  });

  test('<v xml:space="preserve"> keeps a formula text result with its spaces', async () => {
    const xml = worksheet('<row r="1"><c r="A1" t="str"><f>"  "&amp;B1</f><v xml:space="preserve">  张 伟 </v></c></row>');
    expect(await grids(book({ sheets: [{ name: 'S', xml }] }))).toEqual([['S', [['  张 伟 ']]]]);
  });

  test('literal CR LF and lone CR in text become LF, as XML requires (the add-in gets LF too)', async () => {
    const ss = `<sst xmlns="${MAIN_NS}"><si><t>第一行\r\n第二行\r第三行</t></si></sst>`;
    const xml = worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>甲\r\n乙</t></is></c></row>');
    expect(await grids(book({ shared: ss, sheets: [{ name: 'S', xml }] }))).toEqual([['S', [['第一行\n第二行\n第三行', '甲\n乙']]]]);
  });

  test('a CR LF split between two inflated chunks is still one LF', async () => {
    // The reader decodes a part in chunks of 1 MB; put the CR at the end of the first (padding items before it).
    const item = `<si><t>${'p'.repeat(1000)}</t></si>`;
    let head = `<sst xmlns="${MAIN_NS}">`;
    while (Buffer.byteLength(head) + item.length < (1 << 20) - 2000) head += item;
    const count = (head.match(/<si>/g) ?? []).length;
    head += '<si><t>';
    const ss = `${head}${'a'.repeat((1 << 20) - Buffer.byteLength(head) - 1)}\r\nb</t></si></sst>`;
    const [{ grid }] = await read(book({ shared: ss, sheets: [{ name: 'S', xml: worksheet(`<row r="1"><c r="A1" t="s"><v>${count}</v></c></row>`) }] }));
    expect(String(grid[0][0]).slice(-3)).toBe('a\nb');
  });

  test('1904 date system: date-formatted cells become 1900-system serials, other numbers stay as they are', async () => {
    // Styles: 0 General, 1 built-in 14 (m/d/yyyy), 2 CJK built-in 31 (yyyy"年"m"月"d"日"), 3 custom date, 4 custom number.
    const st = styles([0, 14, 31, 164, 165], { 164: 'yyyy"年"m"月"', 165: '0.00"元"' });
    // Serial 44270 of the 1904 system is 2025-03-16, serial 45732 of the 1900 system.
    const rows = '<row r="1"><c r="A1" s="1"><v>44270</v></c><c r="B1" s="2"><v>44270</v></c><c r="C1" s="3"><v>44270</v></c><c r="D1" s="4"><v>5</v></c><c r="E1"><v>7</v></c><c r="F1" s="0"><v>44270</v></c></row>';
    const buf = book({ date1904: true, styles: st, sheets: [{ name: 'S', xml: worksheet(rows) }] });
    expect(await grids(buf)).toEqual([['S', [[45732, 45732, 45732, 5, 7, 44270]]]]);
    // The same cells in a 1900 workbook are left alone.
    expect(await grids(book({ styles: st, sheets: [{ name: 'S', xml: worksheet(rows) }] }))).toEqual([['S', [[44270, 44270, 44270, 5, 7, 44270]]]]);
  });

  test('t="d" ISO cells are dates (serials), with the time as the fraction', async () => {
    const rows = '<row r="1"><c r="A1" t="d"><v>2025-03-15</v></c><c r="B1" t="d"><v>2025-03-15T12:00:00</v></c><c r="C1" t="d"><v>不是日期</v></c></row>';
    expect(await grids(book({ sheets: [{ name: 'S', xml: worksheet(rows) }] }))).toEqual([['S', [[45731, 45731.5, '不是日期']]]]);
  });

  test('<v></v> and <v/> are empty, not 0', async () => {
    const rows = '<row r="1"><c r="A1"><v></v></c><c r="B1"><v/></c><c r="C1"><v>0</v></c></row>';
    expect(await grids(book({ sheets: [{ name: 'S', xml: worksheet(rows) }] }))).toEqual([['S', [[null, null, 0]]]]);
  });

  test('chart sheets and dialog sheets are left out', async () => {
    const buf = book({
      sheets: [
        { name: '图表', type: 'chartsheet', xml: `<chartsheet xmlns="${MAIN_NS}"><sheetPr/></chartsheet>` },
        { name: '名册', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>') },
        { name: '对话框', type: 'dialogsheet', xml: `<dialogsheet xmlns="${MAIN_NS}"/>` },
      ],
    });
    expect(await grids(buf)).toEqual([['名册', [[1]]]]);
  });

  test("single-quoted attributes and a newline before an attribute are attributes still", async () => {
    const rows = "<row r='1'><c r='A1' t='s'><v>0</v></c><c\n r=\"B1\"\n\tt=\"s\"><v>1</v></c></row>";
    expect(await grids(book({ shared: ['甲', '乙'], sheets: [{ name: 'S', xml: worksheet(rows) }] }))).toEqual([['S', [['甲', '乙']]]]);
  });

  test('<si/> and <si /> are items (empty), so later strings keep their indexes', async () => {
    const ss = `<sst xmlns="${MAIN_NS}"><si><t>零</t></si><si/><si /><si><t>三</t></si></sst>`;
    const rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>';
    expect(await grids(book({ shared: ss, sheets: [{ name: 'S', xml: worksheet(rows) }] }))).toEqual([['S', [['零', null, null, '三']]]]);
  });

  test('CDATA is text without its markers; comments and processing instructions are not rows', async () => {
    const ss = `<sst xmlns="${MAIN_NS}"><si><t><![CDATA[a<b & c]]></t></si></sst>`;
    const rows = '<!-- <row r="5"><c r="A5"><v>9</v></c></row> --><row r="1"><?pi x?><c r="A1" t="s"><v>0</v></c></row>';
    expect(await grids(book({ shared: ss, sheets: [{ name: 'S', xml: worksheet(rows) }] }))).toEqual([['S', [['a<b & c']]]]);
  });

  test('UTF-16 parts (LE and BE, with a BOM) are decoded', async () => {
    const parts = bookParts({ shared: ['论文'], sheets: [{ name: '论文', xml: worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>3</v></c></row>') }] });
    const le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s.replace('UTF-8', 'UTF-16'), 'utf16le')]);
    const be = (s: string) => {
      const b = Buffer.from(s.replace('UTF-8', 'UTF-16'), 'utf16le');
      b.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), b]);
    };
    parts['xl/worksheets/sheet1.xml'] = le(parts['xl/worksheets/sheet1.xml'] as string);
    parts['xl/sharedStrings.xml'] = be(parts['xl/sharedStrings.xml'] as string);
    expect(await grids(packParts(parts))).toEqual([['论文', [['论文', 3]]]]);
  });

  test('the workbook and shared strings are found through the relationships at non-default paths', async () => {
    const buf = book({
      workbookPath: 'book/main.xml',
      sharedPath: 'strings/all.xml',
      shared: ['甲'],
      sheets: [{ name: 'S', path: 'book/tabs/first.xml', xml: worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }],
    });
    expect(await grids(buf)).toEqual([['S', [['甲']]]]);
  });

  test('zip quirks Excel opens: \\ in entry names, and an end record whose comment length is wrong', async () => {
    const parts = bookParts({ sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1"><v>5</v></c></row>') }] });
    const back = packParts(parts, (n) => n.replace(/\//g, '\\'));
    expect(await grids(back)).toEqual([['S', [[5]]]]);
    const comment = Buffer.from(book({ sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1"><v>5</v></c></row>') }] }));
    comment.writeUInt16LE(40, comment.length - 2); // declares a 40-byte comment that is not there
    expect(await grids(comment)).toEqual([['S', [[5]]]]);
  });

  test('text as Excel holds it: _xHHHH_ escapes, rich text runs joined, phonetic guides left out, entities and references', async () => {
    const ss = `<sst xmlns="${MAIN_NS}"><si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></si><si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si><si><t>a_x000D_b_x005F_x0041_</t></si><si><t>&lt;&amp;&#x4E2D;&#25991;&#99999999;</t></si></sst>`;
    const rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>';
    expect(await grids(book({ shared: ss, sheets: [{ name: 'S', xml: worksheet(rows) }] }))).toEqual([['S', [['富文本', '漢字', 'a\rb_x0041_', '<&中文\ufffd']]]]);
  });

  test('cells as Office.js gives them: numbers, booleans, errors, cached formula results, inline strings', async () => {
    const rows =
      '<row r="1"><c r="A1"><v>1.5</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1"><f>1+1</f><v>2</v></c><c r="E1"><f>NOW()</f></c><c r="F1" t="inlineStr"><is><t>内联</t></is></c></row>';
    expect(await grids(book({ sheets: [{ name: 'S', xml: worksheet(rows) }] }))).toEqual([['S', [[1.5, false, '#N/A', 2, null, '内联']]]]);
  });

  test('numbers are the double Excel holds, however they are written: long digit runs, leading zeros, spaces, exponents', async () => {
    // 18 digits are past 2^53: the value is the double nearest the decimal (1.2345678901234568e17), not digits summed.
    const vs = ['123456789012345678', '007', ' 42 ', '1E3', '0', '999999999999999', '9007199254740993', '-5'];
    const rows = `<row r="1">${vs.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${v}</v></c>`).join('')}</row>`;
    expect(await grids(book({ sheets: [{ name: 'S', xml: worksheet(rows) }] }))).toEqual([
      ['S', [[123456789012345680, 7, 42, 1000, 0, 999999999999999, 9007199254740992, -5]]],
    ]);
  });

  test('rows and cells without r= follow the previous ones; gaps stay empty; $-references are read', async () => {
    const rows = '<row><c><v>1</v></c><c><v>2</v></c></row><row r="3"><c r="B3"><v>3</v></c><c><v>4</v></c></row><row><c r="$A$4"><v>5</v></c></row>';
    expect(await grids(book({ sheets: [{ name: 'S', xml: worksheet(rows) }] }))).toEqual([['S', [[1, 2], [], [null, 3, 4], [5]]]]);
  });

  test('row numbers: spaces around them are allowed; anything else that is no row number is refused, naming the sheet', async () => {
    const sheet = (rows: string) => book({ sheets: [{ name: '名册', xml: worksheet(rows) }] });
    expect(await grids(sheet('<row r=" 2\t"><c><v>1</v></c></row><row r="0003"><c><v>2</v></c></row>'))).toEqual([['名册', [[], [1], [2]]]]);
    for (const r of ['0', '', '  ', '2x', '-1', '1.5', '１'])
      await expect(read(sheet(`<row r="${r}"><c><v>1</v></c></row>`))).rejects.toThrow(`工作表“名册”有无法识别的行号“${r.trim()}”`);
    await expect(read(sheet('<row r="1048577"><c><v>1</v></c></row>'))).rejects.toThrow('工作表“名册”的行号 1048577 超出 Excel 的最大行数 1,048,576');
    await expect(read(sheet('<row r="99999999999999999999"><c><v>1</v></c></row>'))).rejects.toThrow('超出 Excel 的最大行数');
    expect(await grids(sheet('<row r="1048576"><c r="A1048576"><v>1</v></c></row>')).then((g) => (g[0][1] as unknown[]).length)).toBe(1048576);
  });

  test('a merge repeats a value across and down rows that hold data, never over blank rows', async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>张伟</t></is></c><c r="B2"><v>1</v></c></row>' +
      '<row r="3"><c r="B3"><v>2</v></c></row><row r="4"/><row r="5"><c r="A5" s="0"/></row>';
    const merges = '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A2:A5"/></mergeCells>';
    expect(await grids(book({ sheets: [{ name: 'S', xml: worksheet(rows, merges) }] }))).toEqual([['S', [['标题', '标题', '标题'], ['张伟', 1], ['张伟', 2]]]]);
  });

  test('a Word document renamed .xlsx is named as such; a zip that is no workbook is refused in Chinese', async () => {
    const word = packParts({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document xmlns:w="x"/>' });
    await expect(read(word)).rejects.toThrow(new XlsxError('“a.xlsx”是 Word 文档（.docx），不是 Excel 工作簿'));
    const other = packParts({ 'readme.txt': 'hello' });
    await expect(read(other)).rejects.toThrow(/“a\.xlsx”不是 Excel 工作簿/);
  });

  test('a truncated file and an empty zip are refused with a Chinese reason naming the file', async () => {
    const buf = book({ sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1"><v>5</v></c></row>') }] });
    await expect(read(buf.subarray(0, buf.length - 30))).rejects.toThrow(new XlsxError('“a.xlsx”无法读取：不是有效的 zip 压缩包（文件不完整或已损坏）'));
    const empty = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    await expect(read(empty)).rejects.toThrow(/“a\.xlsx”不是 Excel 工作簿/);
  });
});
