/** Writing a fixed copy of a workbook: every safe fix applied in place, all other content and formatting kept. */
import ExcelJS from 'exceljs';
import { fixable, parseAddress, type Finding } from '../../shared';

/** Applies the safe fixes to a copy of `input` written at `output`; returns how many cells changed. */
export async function writeFixedCopy(input: string, output: string, findings: Finding[]): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  let applied = 0;
  for (const f of fixable(findings)) {
    const ws = wb.getWorksheet(f.sheet);
    if (!ws) continue;
    const { row, col } = parseAddress(`${f.col}${f.row}`);
    ws.getCell(row, col + 1).value = f.fix as ExcelJS.CellValue;
    applied++;
  }
  await wb.xlsx.writeFile(output);
  return applied;
}
