/**
 * A teacher's name merged down A2:A6 over her two papers (rows 4–6 otherwise blank, another paper in row 7): the .xlsx path (the server's
 * reader) and the add-in path (Office.js on the Excel stand-in) read it alike, and neither makes the blank rows into
 * data rows with `required` errors — one engine, the same findings either way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readWorkbook as readInExcel } from '../../../addin/excel/read';
import { readWorkbook as readXlsx } from '../../../server/xlsx/read';
import { validateWorkbook } from '../../../shared';
import { useHost } from '../../support/excel-host-jest';

const HEADER = ['教师', '题目', '去向', '评比或刊物', '级别', '提交日期', '状态'];
const ROWS = [
  ['张伟', '整本书阅读的三个抓手', '评比', '区论文评比', '区县级', '2025-03-10', '已提交'],
  [null, '古诗教学的情境创设', '评比', '区论文评比', '区县级', '2025-03-12', '已提交'],
  [null, null, null, null, null, null, null],
  [null, null, null, null, null, null, null],
  [null, null, null, null, null, null, null],
  ['李娜', '低年级识字教学的游戏化设计', '评比', '区论文评比', '区县级', '2025-03-20', '已提交'],
];
const OPTS = { term: '2025春', asOf: '2025-06-30' };
const dir = mkdtempSync(join(tmpdir(), 'yb-merged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const triples = (r: ReturnType<typeof validateWorkbook>) => r.sheets.flatMap((s) => s.findings.map((f) => [f.code, f.row, f.field]));

test('the same rows and the same findings through the .xlsx reader and the add-in', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('论文');
  ws.addRow(HEADER);
  for (const r of ROWS) ws.addRow(r);
  ws.mergeCells('A2:A6');
  const file = join(dir, 'merged.xlsx');
  await wb.xlsx.writeFile(file);
  const fromFile = validateWorkbook(await readXlsx(file), OPTS);

  useHost((m) => {
    const s = m.addSheet('论文');
    s.setGrid([HEADER, ...ROWS.map((r) => r.map((v) => v ?? ''))]);
    s.merges.push({ r0: 1, c0: 0, r1: 5, c1: 0 }); // A2:A6
  });
  const read = await readInExcel();
  const inExcel = validateWorkbook(read.sheets, OPTS);

  // Both readers reach row 7 (李娜's paper after the gap), so the merge does cover blank rows of the grid.
  expect([read.sheets[0].grid.length, (await readXlsx(file))[0].grid.length]).toEqual([7, 7]);
  // Three papers, two of them 张伟's; the blank rows under the merge are not rows of data.
  expect(fromFile.sheets[0].dataRows).toBe(3);
  expect(inExcel.sheets[0].dataRows).toBe(3);
  expect(triples(fromFile).filter(([code]) => code === 'required')).toEqual([]);
  expect(triples(inExcel)).toEqual(triples(fromFile));
});
