/** Writing a fixed copy of a workbook: every safe fix applied in place, all other content and formatting kept. */
import ExcelJS from 'exceljs';
import { fixable, parseAddress, type Finding } from '../../shared';

/** Applies the safe fixes among `findings` to a loaded workbook; returns how many cells changed. */
export function applyFixesTo(wb: ExcelJS.Workbook, findings: Finding[]): number {
  let applied = 0;
  for (const f of fixable(findings)) {
    const ws = wb.getWorksheet(f.sheet);
    if (!ws) continue;
    const { row, col } = parseAddress(`${f.col}${f.row}`);
    ws.getCell(row, col + 1).value = f.fix as ExcelJS.CellValue;
    applied++;
  }
  return applied;
}

/** Applies the safe fixes to a copy of `input` written at `output`; returns how many cells changed. */
export async function writeFixedCopy(input: string, output: string, findings: Finding[]): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const applied = applyFixesTo(wb, findings);
  await wb.xlsx.writeFile(output);
  return applied;
}

/** The same for a workbook in memory (the server's 修正 of an upload): the fixed bytes and how many cells changed. */
export async function fixedCopy(input: Buffer, findings: Finding[]): Promise<{ bytes: Buffer; applied: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(input as unknown as ArrayBuffer);
  const applied = applyFixesTo(wb, findings);
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), applied };
}
