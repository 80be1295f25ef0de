/** Cell writes and selection: safe fixes written cell by cell in one sync, formula-looking text kept as text. */
import { looksLikeFormula } from '../core/text-guard';
import type { Cell } from '../../shared/types';

/** One cell to change: Excel row, column letter, new value. */
export interface CellChange { row: number; col: string; value: Cell }

/** Writes changed cells of one sheet (one sync, calculation suspended); text like `=…` gets the '@' format first. */
export async function writeCells(sheet: string, changes: CellChange[]): Promise<number> {
  if (!changes.length) return 0;
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    context.workbook.application.suspendApiCalculationUntilNextSync();
    for (const ch of changes) {
      const range = ws.getRange(`${ch.col}${ch.row}`);
      // a fixed value that starts with = + - @ must stay text: otherwise Excel would run it as a formula
      if (looksLikeFormula(ch.value)) range.numberFormat = [['@']];
      range.values = [[ch.value ?? '']];
    }
    await context.sync();
  });
  return changes.length;
}

/** Activates `sheet` and selects `address` (a finding clicked in the pane). */
export async function selectCell(sheet: string, address: string): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

/** Names of the workbook's worksheets and the active one. */
export async function sheetNames(): Promise<{ names: string[]; active: string }> {
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.load('items/name');
    const active = context.workbook.worksheets.getActiveWorksheet().load('name');
    await context.sync();
    return { names: ws.items.map((w) => w.name), active: active.name };
  });
}
