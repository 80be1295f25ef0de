/** Test workbooks built with exceljs from plain grids (fixtures are generated, never hand-made binaries). */
import ExcelJS from 'exceljs';
import type { SheetInput } from '../../shared';

/** An .xlsx buffer with one worksheet per grid. */
export async function xlsxOf(sheets: SheetInput[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.sheet);
    for (const row of s.grid) ws.addRow(row.map((v) => (v === undefined ? null : v)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
