import ExcelJS from 'exceljs';
import { readXlsx, toBase64, unescapeXml } from '../../../addin/core/xlsx-lite';
import { bookBytes } from '../../report/xlsx/write-book';
import { book, worksheet } from '../../support/ooxml';

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('区级汇总');
  a.addRow(['学校代码', '学校', '反思完成率', '在岗']);
  a.addRow(['WTQ-SY', '五通桥区实验小学', 0.9, true]);
  a.addRow(['', '全区合计 & <总>', { formula: '1+1', result: 2 }, false]);
  a.getCell('C2').numFmt = '0.0%';
  a.getCell('C3').numFmt = '0.00';
  a.getCell('A3').numFmt = '@';
  const b = wb.addWorksheet('论文投稿');
  b.getCell('A1').value = '=不是公式';
  b.getCell('C3').value = { richText: [{ text: '富' }, { text: '文本' }] };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readXlsx', () => {
  test("the server report's rows: a cell without a reference is the one after the cell before it; rows and cells after gaps land where they say", async () => {
    const bytes = await bookBytes(async (book) => {
      const t = book.addSheet('论文投稿', { widths: [] });
      t.row(['学校代码', '学校', '题目']);
      t.row([undefined, 'B列', 'C列', Number.NaN, '=E列', 6, null, 7]);
      t.row([]); // an empty row is left out: the next says its number
      t.row(['WTQ-SY', '实验小学', true]);
      await t.finish();
    });
    const [sheet] = await readXlsx(new Uint8Array(bytes));
    expect(sheet.grid).toEqual([
      ['学校代码', '学校', '题目'],
      [null, 'B列', 'C列', null, '=E列', 6, null, 7],
      [],
      ['WTQ-SY', '实验小学', true],
    ]);
  });

  test('rows without a row number follow the row before them; attribute-less cells (<c>) are read too', async () => {
    const rows = '<row><c t="inlineStr"><is><t>甲</t></is></c><c><v>2</v></c></row><row r="3"><c r="B3"><v>5</v></c><c t="b"><v>1</v></c></row><row><c><v>9</v></c></row>';
    const bytes = book({ sheets: [{ name: '甲', xml: worksheet(rows) }] });
    const [sheet] = await readXlsx(new Uint8Array(bytes));
    expect(sheet.grid).toEqual([['甲', 2], [], [null, 5, true], [9]]);
  });

  test('reads sheet names, shared and rich strings, numbers, booleans and cached formula results', async () => {
    const sheets = await readXlsx(await workbook());
    expect(sheets.map((s) => s.name)).toEqual(['区级汇总', '论文投稿']);
    expect(sheets[0].grid).toEqual([
      ['学校代码', '学校', '反思完成率', '在岗'],
      ['WTQ-SY', '五通桥区实验小学', 0.9, true],
      ['', '全区合计 & <总>', 2, false],
    ]);
    expect(sheets[1].grid[0][0]).toBe('=不是公式');
    expect(sheets[1].grid[2]).toEqual([null, null, '富文本']);
  });

  test('number formats come along (custom and built-in), only where a cell has one', async () => {
    const sheets = await readXlsx(await workbook());
    expect(sheets[0].formats).toEqual([[], [null, null, '0.0%'], ['@', null, '0.00']]);
    expect(sheets[1].formats).toBeUndefined();
  });

  test('a file that is not a workbook gives a Chinese error', async () => {
    await expect(readXlsx(new TextEncoder().encode('<html>502 Bad Gateway</html>'))).rejects.toThrow(/不是有效的 Excel 工作簿/);
  });

  test('toBase64 matches Node for large inputs; entities decode', () => {
    const bytes = new Uint8Array(200000).map((_, i) => (i * 31) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(unescapeXml('&lt;a&gt; &amp; &#x4E2D;&#25991;')).toBe('<a> & 中文');
  });
});
