/** .xlsx inputs for the browser tests, generated here with exceljs from the demo registers (no binary fixtures). */
import ExcelJS from 'exceljs';
import type { SheetInput } from '../../shared';
import { schoolRegisters } from '../../server/demo/registers';

/** Writes sheets (grid from A1) into an .xlsx buffer. */
export async function xlsxOf(sheets: SheetInput[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.sheet);
    for (const row of s.grid) ws.addRow(row.map((c) => (c === undefined ? null : c)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A school's realistic registers for a term (the demo generator), all five kinds. */
export function goodSheets(code: string, name: string, term: string, asOf: string): SheetInput[] {
  return schoolRegisters({ code, name, term, asOf, seed: 4242 });
}

/** Where the bad workbook's planted errors are, as the findings table must show them. */
export const PLANTED = {
  sheet: '论文投稿',
  /** Excel row of the blank 题目 (grid row index 2 = Excel row 3: a title row, then the header). */
  blankTitleRow: 3,
  /** Excel row of the unknown 级别 value. */
  badLevelRow: 4,
  badLevel: '镇级',
};

/** The same registers with two errors planted in 论文投稿: a blank 题目 and a 级别 no list allows. */
export function badSheets(code: string, name: string, term: string, asOf: string): SheetInput[] {
  const sheets = goodSheets(code, name, term, asOf).map((s) => ({ sheet: s.sheet, grid: s.grid.map((r) => [...r]) }));
  const papers = sheets.find((s) => s.sheet === PLANTED.sheet);
  if (!papers) throw new Error('demo registers have no 论文投稿 sheet');
  const header = papers.grid[1];
  const title = header.indexOf('题目');
  const level = header.indexOf('级别');
  papers.grid[PLANTED.blankTitleRow - 1][title] = null;
  papers.grid[PLANTED.badLevelRow - 1][level] = PLANTED.badLevel;
  return sheets;
}
