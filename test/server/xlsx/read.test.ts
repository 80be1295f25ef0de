/** The .xlsx reader against real files written by exceljs: values, names, order, multi-byte text, limits, bad files. */
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbook, XlsxError, XlsxLimitError } from '../../../server/xlsx/read';

const dir = mkdtempSync(join(tmpdir(), 'yb-read-'));

describe('readWorkbook', () => {
  it('gives cells as Office.js does: dates as serials, formulas as results, rich text as text, tabs in order', async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('论文 & 反思');
    a.addRow(['标题']);
    a.mergeCells('A1:C1');
    a.addRow(['张伟', new Date(Date.UTC(2025, 2, 14)), { formula: 'A2&"老师"', result: '张伟老师' }, true]);
    a.getCell('E2').value = { richText: [{ text: '富' }, { text: '文本' }] };
    wb.addWorksheet('Sheet2').getCell('C3').value = 5;
    const file = join(dir, 'a.xlsx');
    await wb.xlsx.writeFile(file);
    const sheets = await readWorkbook(file);
    expect(sheets).toEqual([
      { sheet: '论文 & 反思', grid: [['标题', '标题', '标题'], ['张伟', 45730, '张伟老师', true, '富文本']] },
      { sheet: 'Sheet2', grid: [[], [], [null, null, 5]] },
    ]);
  });

  it('gives every cell of a merged range its value, as the reader of the sheet sees it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('论文');
    ws.addRow(['教师', '题目', '去向', '评比或刊物', '级别', '提交日期', '状态']);
    ws.addRow(['张伟', '整本书阅读的三个抓手', '评比', '区论文评比', '区县级', '2025-03-10', '已提交']);
    ws.addRow([null, '古诗教学的情境创设', '评比', '区论文评比', '区县级', '2025-03-12', '已提交']);
    ws.addRow([null, '习作讲评课的设计', '投稿', '四川教育', null, '2025-03-15', '已提交']);
    ws.mergeCells('A2:A4'); // one teacher's name merged down over her three papers
    ws.mergeCells('D2:D3');
    const file = join(dir, 'merged.xlsx');
    await wb.xlsx.writeFile(file);
    const [{ grid }] = await readWorkbook(file);
    expect(grid.slice(1).map((r) => [r[0], r[3]])).toEqual([
      ['张伟', '区论文评比'],
      ['张伟', '区论文评比'],
      ['张伟', '四川教育'],
    ]);
    const { validateWorkbook } = await import('../../../shared');
    const result = validateWorkbook([{ sheet: '论文', grid }], { term: '2025春', asOf: '2025-06-30' });
    expect(result.sheets[0].findings).toEqual([]);
  });

  it('keeps Chinese text whole across stream chunk boundaries (100k inline-string rows)', async () => {
    const file = join(dir, 'big.xlsx');
    const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const ws = w.addWorksheet('论文');
    for (let i = 0; i < 30000; i++) ws.addRow(['论文题目' + i, '区县级', '获奖']).commit();
    ws.commit();
    await w.commit();
    const [{ grid }] = await readWorkbook(file);
    expect(grid).toHaveLength(30000);
    const bad = grid.filter((r, i) => r[0] !== '论文题目' + i || r[1] !== '区县级' || r[2] !== '获奖');
    expect(bad).toEqual([]);
  });

  it('refuses files that are not workbooks with a Chinese reason', async () => {
    const notXlsx = join(dir, 'x.xlsx');
    writeFileSync(notXlsx, 'hello');
    await expect(readWorkbook(notXlsx)).rejects.toThrow('不是 Excel 工作簿');
    const encrypted = join(dir, 'enc.xlsx');
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    Buffer.from('EncryptionInfo', 'utf16le').copy(cfb, 1024);
    writeFileSync(encrypted, cfb);
    await expect(readWorkbook(encrypted)).rejects.toThrow('已加密');
    const xls = join(dir, 'old.xls');
    writeFileSync(xls, cfb.subarray(0, 1000));
    await expect(readWorkbook(xls)).rejects.toThrow('旧版 .xls');
    const truncated = join(dir, 'cut.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').addRow(['x']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    writeFileSync(truncated, buf.subarray(0, buf.length >> 1));
    await expect(readWorkbook(truncated)).rejects.toBeInstanceOf(XlsxError);
    await expect(readWorkbook(join(dir, 'missing.xlsx'))).rejects.toThrow('无法打开');
  });

  it('stops at the cell and inflated-size limits with a limit error', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('a');
    for (let i = 0; i < 200; i++) ws.addRow([i, i, i, i, i]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(readWorkbook(buf, 'a.xlsx', { maxCells: 500 })).rejects.toBeInstanceOf(XlsxLimitError);
    await expect(readWorkbook(buf, 'a.xlsx', { maxUncompressed: 2000 })).rejects.toBeInstanceOf(XlsxLimitError);
    expect((await readWorkbook(buf, 'a.xlsx', { maxCells: 1000 }))[0].grid).toHaveLength(200);
  });
});
