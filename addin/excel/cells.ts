/** Cell writes and selection: safe fixes written cell by cell, as few syncs as the payload limit allows, formula-looking
 *  text kept as text. */
import { cellBytes, WriteBudget } from '../core/limits';
import { asInput } from '../core/text-guard';
import type { Cell } from '../../shared/types';

/** One cell to change: Excel row, column letter, new value. */
export interface CellChange { row: number; col: string; value: Cell }

/**
 * Writes changed cells of one sheet, calculation suspended. Each cell is its own range, so a few thousand fixes would
 * pass Excel on the web's 5 MB request limit in one sync: the writes are synced whenever the budget is reached.
 * Values go through `formulas`, so a fixed value that starts with = + - @ stays text (asInput).
 */
export async function writeCells(sheet: string, changes: CellChange[]): Promise<number> {
  if (!changes.length) return 0;
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const budget = new WriteBudget();
    context.workbook.application.suspendApiCalculationUntilNextSync();
    for (let i = 0; i < changes.length; i++) {
      const ch = changes[i];
      ws.getRange(`${ch.col}${ch.row}`).formulas = [[asInput(ch.value)]];
      if (budget.add(cellBytes(ch.value), 2) && i < changes.length - 1) {
        await context.sync();
        context.workbook.application.suspendApiCalculationUntilNextSync();
      }
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
