/**
 * The lean .xlsx writer read back by three readers: exceljs, Debian's python3-openpyxl (dump.py) and LibreOffice
 * (to CSV). Cell values and types, styles, frozen panes, filters, widths, print setup and titles; formula-looking
 * text stays text; hostile text (controls, markup, emoji, lone surrogates, Excel's own _xHHHH_ escapes, past the
 * 32,767-character limit) comes back safely.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { FMT, HEADER, PLAIN, styleOf, TITLE } from '../../../server/report/xlsx/styles';
import type { PrintSetup } from '../../../server/report/xlsx/sheet';
import { readWorkbook } from '../../../server/xlsx/read';
import { readBack, zipParts } from '../read-back';
import { bookBytes, openpyxlRead, type PySheet } from './write-book';

const MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };
const PRINT: PrintSetup = { paperSize: 9, orientation: 'landscape', fitToWidth: 2, fitToHeight: 0, margins: MARGINS, titleRows: '1:1', titleCols: 'A:B' };
const FORMULAS = ['=1+1', '+SUM(A1:A3)', '-2+3', '@A1', '=HYPERLINK("http://evil.example","点我")'];
const LONG = 'x'.repeat(32_768);
/** [written, read back]: what XML 1.0 forbids is dropped, everything else comes back as typed. */
const HOSTILE: [string, string][] = [
  ['a\x01b\x08c\x0Bd\x0Ce\x1Ff\x00g', 'abcdefg'],
  ['tab\there\nline\r\nend', 'tab\there\nline\r\nend'],
  [']]> <![CDATA[ x ]]>', ']]> <![CDATA[ x ]]>'],
  ['<b>&amp;</b> "q" \'a\'', '<b>&amp;</b> "q" \'a\''],
  ['😀 家 👨‍👩‍👧', '😀 家 👨‍👩‍👧'],
  ['x\uD800y\uDC00z', 'xyz'],
  ['a\uFFFEb\uFFFF', 'ab'],
  ['  两端空格  ', '  两端空格  '],
  ['x'.repeat(32_765) + '😀yy', 'x'.repeat(32_765) + '…'],
];

async function sample(): Promise<Buffer> {
  return bookBytes(
    async (book) => {
      const t = book.addSheet('表一', { widths: [12, 20, 10, 10, 8], freeze: { rows: 1, cols: 2 }, print: PRINT });
      t.row(['学校代码', '题目', '完成率', '人均', '是否'], HEADER, 49);
      t.row(['S1', FORMULAS[0], 0.5, 1.25, true], [PLAIN, PLAIN, styleOf({ numFmt: FMT.pct }), styleOf({ numFmt: FMT.dec, bold: true }), PLAIN]);
      t.row(['S2', FORMULAS[1], 0.25, 2, false], [PLAIN, PLAIN, styleOf({ numFmt: FMT.pct, fill: 'good' }), styleOf({ numFmt: FMT.dec, fill: 'bad' }), PLAIN]);
      for (const f of FORMULAS.slice(2)) t.row(['S3', f, undefined, Number.NaN, null]);
      t.autoFilter('A1:E6');
      await t.finish();
      const q = book.addSheet("O'Brien 表", { widths: [30], freeze: { rows: 1, cols: 0 }, print: { ...PRINT, fitToWidth: 1, titleCols: undefined } });
      q.row(['标题'], HEADER);
      q.row(['行'], styleOf({ bold: true }));
      await q.finish();
      const h = book.addSheet('杂项', { widths: [] });
      h.row([LONG]);
      for (const [w] of HOSTILE) h.row([w]);
      h.row(['_x0041_ 不是 A']);
      await h.finish();
      const c = book.addSheet('标题', { widths: [10, 10] });
      c.row(['全区分类统计'], TITLE);
      c.row([]);
      c.row(['级别', 3], [styleOf({ bold: true }), PLAIN]);
      c.row([undefined, 'B列', 'C列', Number.NaN, '=E列', 6, null, 7]); // gaps: only a cell after one says where it is
      await c.finish();
    },
    { creator: '研表 Yanbiao' },
  );
}

let buf: Buffer;
let wb: ExcelJS.Workbook;
let py: { sheets: PySheet[]; creator: string };
beforeAll(async () => {
  buf = await sample();
  wb = await readBack(buf);
  py = openpyxlRead(buf);
});

const pyCell = (sheet: number, ref: string) => py.sheets[sheet].cells.find((c) => c.ref === ref);

test('exceljs: sheets in order, values and types, styles', () => {
  expect(wb.worksheets.map((w) => w.name)).toEqual(['表一', "O'Brien 表", '杂项', '标题']);
  expect(wb.creator).toBe('研表 Yanbiao');
  const ws = wb.getWorksheet('表一')!;
  const a2 = ws.getCell('A2');
  expect([a2.value, a2.type]).toEqual(['S1', ExcelJS.ValueType.String]);
  expect([ws.getCell('C2').value, ws.getCell('C2').type, ws.getCell('C2').numFmt]).toEqual([0.5, ExcelJS.ValueType.Number, '0.0%']);
  expect([ws.getCell('D2').value, ws.getCell('D2').numFmt, ws.getCell('D2').font?.bold]).toEqual([1.25, '0.00', true]);
  expect([ws.getCell('E2').value, ws.getCell('E3').value, ws.getCell('E2').type]).toEqual([true, false, ExcelJS.ValueType.Boolean]);
  // NaN, undefined and null write no cell.
  expect([ws.getCell('C4').value, ws.getCell('D4').value, ws.getCell('E4').value]).toEqual([null, null, null]);
  const head = ws.getCell('B1');
  expect(head.font?.bold).toBe(true);
  expect(head.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
  expect(head.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
  expect(ws.getRow(1).height).toBe(49);
  expect(ws.getCell('C3').fill).toMatchObject({ fgColor: { argb: 'FFC6EFCE' } });
  expect(ws.getCell('C3').font?.color?.argb).toBe('FF006100');
  expect(ws.getCell('D3').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
  expect(ws.getCell('D3').font?.color?.argb).toBe('FF9C0006');
  expect([ws.getCell('D3').numFmt, ws.getCell('A2').font?.bold, ws.getCell('A2').fill]).toEqual(['0.00', undefined, undefined]);
  const title = wb.getWorksheet('标题')!.getCell('A1');
  expect([title.font?.bold, title.font?.size]).toEqual([true, 13]);
  expect(wb.getWorksheet('标题')!.getCell('A3').font?.bold).toBe(true);
  expect(wb.getWorksheet('标题')!.getCell('B3').font?.bold).toBeFalsy();
});

test('exceljs: frozen panes, filter, widths, page setup and print titles', () => {
  const ws = wb.getWorksheet('表一')!;
  expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1, topLeftCell: 'C2' });
  expect(ws.autoFilter).toBe('A1:E6');
  expect(ws.columns.map((c) => c.width)).toEqual([12, 20, 10, 10, 8]);
  expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 2, fitToHeight: 0, printTitlesRow: '1:1', printTitlesColumn: 'A:B' });
  expect(ws.pageSetup.margins).toEqual(MARGINS);
  const q = wb.getWorksheet("O'Brien 表")!;
  expect(q.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
  expect([q.pageSetup.printTitlesRow, q.pageSetup.printTitlesColumn]).toEqual(['1:1', undefined]);
  expect(wb.getWorksheet('杂项')!.views[0]?.state ?? 'normal').toBe('normal');
});

test('openpyxl: values, types and styles', () => {
  expect(py.sheets.map((s) => s.name)).toEqual(['表一', "O'Brien 表", '杂项', '标题']);
  expect(py.creator).toBe('研表 Yanbiao');
  expect(pyCell(0, 'A1')).toMatchObject({ value: '学校代码', type: 's', bold: true, fill: 'FFDDEBF7', wrap: true, horizontal: 'center' });
  expect(pyCell(0, 'C2')).toMatchObject({ value: 0.5, type: 'n', numFmt: '0.0%', bold: false, fill: null });
  expect(pyCell(0, 'D2')).toMatchObject({ value: 1.25, type: 'n', numFmt: '0.00', bold: true });
  expect(pyCell(0, 'E2')).toMatchObject({ value: true, type: 'b' });
  expect(pyCell(0, 'C3')).toMatchObject({ numFmt: '0.0%', fill: 'FFC6EFCE', fontColor: 'FF006100' });
  expect(pyCell(0, 'D3')).toMatchObject({ numFmt: '0.00', fill: 'FFFFC7CE', fontColor: 'FF9C0006' });
  expect(pyCell(0, 'C4')).toBeUndefined();
  expect(pyCell(3, 'A1')).toMatchObject({ bold: true, size: 13 });
});

test('openpyxl: frozen panes, filter, widths, row height, page setup and print titles', () => {
  const [t, q, h] = py.sheets;
  expect([t.freeze, t.autoFilter, t.widths, t.heights]).toEqual(['C2', 'A1:E6', { A: 12, B: 20, C: 10, D: 10, E: 8 }, { 1: 49 }]);
  expect([t.printTitleRows, t.printTitleCols, t.fitToPage]).toEqual(['$1:$1', '$A:$B', true]);
  expect(t.page).toEqual({ orientation: 'landscape', paperSize: 9, fitToWidth: 2, fitToHeight: 0 });
  expect(t.margins).toEqual([0.4, 0.4, 0.5, 0.5, 0.3, 0.3]);
  expect([q.freeze, q.printTitleRows, q.printTitleCols, q.page.fitToWidth]).toEqual(['A2', '$1:$1', null, 1]);
  expect([h.freeze, h.autoFilter, h.fitToPage]).toEqual([null, null, false]);
});

test('formula-looking text is text for every reader, and no <f> is written', async () => {
  const ws = wb.getWorksheet('表一')!;
  const texts = [2, 3, 4, 5, 6].map((r) => ws.getCell(r, 2));
  expect(texts.map((c) => [c.value, c.type, c.formula])).toEqual(FORMULAS.map((f) => [f, ExcelJS.ValueType.String, undefined]));
  expect([2, 3, 4, 5, 6].map((r) => pyCell(0, `B${r}`)).map((c) => [c?.value, c?.type])).toEqual(FORMULAS.map((f) => [f, 's']));
  const parts = await zipParts(buf);
  for (const [name, xml] of parts) if (name.startsWith('xl/worksheets/')) expect(xml).not.toMatch(/<f[ >]/);
});

test('hostile text: forbidden characters dropped, the rest exactly as typed, capped at 32,767 characters', async () => {
  const want = ['x'.repeat(32_766) + '…', ...HOSTILE.map(([, r]) => r)];
  // Long strings compared by length and ends first, so a failure does not print 32k characters.
  const short = (v: unknown) => (typeof v === 'string' && v.length > 100 ? `${v.slice(0, 3)}…(${v.length})…${v.slice(-3)}` : v);
  const got = wb.getWorksheet('杂项')!.getColumn(1).values.slice(1, want.length + 1);
  expect(got.map(short)).toEqual(want.map(short));
  expect(got).toEqual(want);
  const pyGot = py.sheets[2].cells.slice(0, want.length).map((c) => c.value);
  expect(pyGot.map(short)).toEqual(want.map(short));
  expect(pyGot).toEqual(want);
  expect((got[0] as string).length).toBe(32_767);
  // The file is well-formed XML whatever was typed: every part parses (exceljs and openpyxl above), and the
  // escapes are there in the raw sheet.
  const xml = (await zipParts(buf)).get('xl/worksheets/sheet3.xml')!;
  expect(xml).toContain(']]&gt; &lt;![CDATA[ x ]]&gt;');
  expect(xml).toContain('<t xml:space="preserve">  两端空格  </t>');
  expect(xml).toContain('_x005F_x0041_ 不是 A'); // Excel would read a bare _x0041_ as "A"
});

test('a row with gaps: a cell right after another has no reference, one after a gap has one; every reader puts each in its column', async () => {
  const xml = (await zipParts(buf)).get('xl/worksheets/sheet4.xml')!;
  expect(xml).toContain('<row r="4"><c r="B4" t="inlineStr"><is><t>B列</t></is></c><c t="inlineStr"><is><t>C列</t></is></c><c r="E4" t="inlineStr"><is><t>=E列</t></is></c><c><v>6</v></c><c r="H4"><v>7</v></c></row>');
  const ws = wb.getWorksheet('标题')!;
  expect(['A4', 'B4', 'C4', 'D4', 'E4', 'F4', 'G4', 'H4'].map((a) => ws.getCell(a).value)).toEqual([null, 'B列', 'C列', null, '=E列', 6, null, 7]);
  expect(py.sheets[3].cells.filter((c) => c.ref.endsWith('4') && c.value !== null).map((c) => [c.ref, c.value])).toEqual([['B4', 'B列'], ['C4', 'C列'], ['E4', '=E列'], ['F4', 6], ['H4', 7]]);
  const ours = await readWorkbook(buf, 'book.xlsx');
  expect(ours[3].grid[3].slice(0, 8)).toEqual([null, 'B列', 'C列', null, '=E列', 6, null, 7]);
});

test('LibreOffice reads the hostile text back as typed, _x0041_ included', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yanbiao-lo-'));
  try {
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, buf);
    // Every sheet as UTF-8 CSV, book-<sheet>.csv (filter options: comma, quote, UTF-8, first line 1, sheet -1: all).
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'lo')}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, file], { timeout: 180_000, stdio: 'ignore' });
    // Cells after a gap in their columns (the row's references are written only after gaps).
    expect(readFileSync(join(dir, 'book-标题.csv'), 'utf8').split('\n')[3]).toBe(',B列,C列,,=E列,6,,7');
    const csv = readFileSync(join(dir, 'book-杂项.csv'), 'utf8');
    expect(csv).toContain('_x0041_ 不是 A\n');
    expect(csv).toContain('😀 家 👨‍👩‍👧\n');
    expect(csv).toContain(']]> <![CDATA[ x ]]>\n');
    expect(csv).toContain('  两端空格  \n');
    expect(csv).toContain('abcdefg\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 200_000);

test('sheet names Excel would refuse, or a name used twice (in any case), are refused', async () => {
  for (const bad of ['', 'a'.repeat(32), 'a[b', 'a:b', 'a*b', 'a?b', 'a/b', 'a\\b', "'a", "a'"]) {
    await expect(bookBytes(async (b) => void b.addSheet(bad, { widths: [] }))).rejects.toThrow(/工作表名称不符合/);
  }
  await expect(
    bookBytes(async (b) => {
      await b.addSheet('Sheet', { widths: [] }).finish();
      b.addSheet('sheet', { widths: [] });
    }),
  ).rejects.toThrow(/重复/);
  await expect(bookBytes(async (b) => void b.addSheet('甲', { widths: [] }).row(['x']))).rejects.toThrow(/尚未写完/);
});
