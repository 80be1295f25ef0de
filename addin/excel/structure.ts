/** Applies a structure plan: new sheet or in-place conversion → table, formats, dropdown lists, frozen header, widths. */
import { colLetter } from '../../shared/a1';
import type { StructurePlan } from '../core/structure-plan';
import { HOST_LIMITS } from '../core/limits';
import { asInput } from '../core/text-guard';

/** What was done (the pane reports it). */
export interface StructureOutcome { sheet: string; table: boolean; lists: number; skippedLists: string[] }

/** Excel caps a list validation's source at 255 characters. */
const LIST_LIMIT = HOST_LIMITS.validationListChars;

/** Applies `plan` in two syncs (one to see existing tables, one for every write). */
export async function applyStructure(plan: StructurePlan): Promise<StructureOutcome> {
  return Excel.run(async (context) => {
    const book = context.workbook;
    const ws = plan.create ? book.worksheets.add(plan.sheet) : book.worksheets.getItem(plan.sheet);
    const tables = ws.tables.load('items/name');
    await context.sync();
    book.application.suspendApiCalculationUntilNextSync();
    const last = colLetter(plan.lastCol);
    if (plan.rewrite) {
      const v = plan.rewrite.values;
      const width = v[0]?.length ?? 0;
      if (width) {
        // text like `=SUM(…)` moved to another column must stay text: written through `formulas` (asInput)
        const range = ws.getRange(`A${plan.rewrite.row}:${colLetter(width - 1)}${plan.rewrite.row + v.length - 1}`);
        range.formulas = v.map((row) => row.map(asInput));
      }
    }
    const body = (i: number) => ws.getRange(`${colLetter(i)}${plan.headerRow + 1}:${colLetter(i)}${Math.max(plan.formatToRow, plan.headerRow + 1)}`);
    const rows = Math.max(plan.formatToRow, plan.headerRow + 1) - plan.headerRow;
    const skippedLists: string[] = [];
    let lists = 0;
    for (const c of plan.columns) {
      const range = body(c.index);
      range.numberFormat = Array.from({ length: rows }, () => [c.numberFormat]);
      ws.getRange(`${colLetter(c.index)}:${colLetter(c.index)}`).format.columnWidth = c.width;
      if (c.list) {
        const source = c.list.join(',');
        if (source.length > LIST_LIMIT) { skippedLists.push(colLetter(c.index)); continue; }
        range.dataValidation.clear();
        // a warning, not a stop: pasted aliases stay possible and 校验 turns them into the canonical value
        range.dataValidation.errorAlert = { showAlert: true, style: 'Warning', title: '研表', message: `请从下拉列表中选择：${c.list.join('、')}` };
        range.dataValidation.rule = { list: { inCellDropDown: true, source } };
        if (c.hint) range.dataValidation.prompt = { showPrompt: true, title: '填写提示', message: c.hint };
        lists++;
      } else if (c.hint) {
        range.dataValidation.prompt = { showPrompt: true, title: '填写提示', message: c.hint };
      }
    }
    const header = ws.getRange(`A${plan.headerRow}:${last}${plan.headerRow}`);
    header.format.font.bold = true;
    // a second table over the same cells would fail the whole batch, so only add one where none is
    const table = tables.items.length === 0;
    if (table) {
      // A sheet-qualified address: an unqualified one is taken on the *active* sheet, which a new sheet is not yet.
      const t = ws.tables.add(`${quoteSheet(plan.sheet)}!A${plan.headerRow}:${last}${Math.max(plan.lastRow, plan.headerRow + 1)}`, true);
      t.style = 'TableStyleMedium2';
    }
    ws.freezePanes.freezeRows(plan.headerRow);
    ws.activate();
    await context.sync();
    return { sheet: plan.sheet, table, lists, skippedLists };
  });
}

/** A sheet name as an A1 reference writes it: in quotes, with its own quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
