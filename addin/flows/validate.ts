/** 校验 and 修正 as flows over the adapter: read every sheet, run the shared engine, mark, fix. */
import { applyFixes, validateWorkbook, type Finding, type ValidateOptions, type WorkbookResult } from '../../shared';
import type { Cell } from '../../shared/types';
import { colLetter } from '../../shared/a1';
import type { Mark } from '../core/marks';
import { applyMarks, readWorkbook, writeCells, type MarkOutcome, type WorkbookRead } from '../excel';

/** A validation run: what was read, what the engine found, what got marked. */
export interface ValidationRun { read: WorkbookRead; result: WorkbookResult; marks: MarkOutcome }

/** A finding as a mark. */
export function toMark(f: Finding): Mark {
  return { sheet: f.sheet, row: f.row, col: f.col, severity: f.severity, message: f.message };
}

/** Validates every sheet at once (a roster on one sheet serves the others) and marks the findings.
 *  `only`: mark just this sheet (the ribbon's 校验 works on the active sheet). */
export async function validateAndMark(opts: ValidateOptions = {}, only?: 'active'): Promise<ValidationRun> {
  const read = await readWorkbook();
  const result = validateWorkbook(read.sheets, opts);
  const findings = result.sheets.flatMap((s) => s.findings).filter((f) => !only || f.sheet === read.active);
  const scope = only ? [read.active] : 'all';
  const marks = await applyMarks(findings.map(toMark), scope, read.all);
  return { read, result, marks };
}

/** Applies every safe fix (fresh read, so nothing the user typed since is overwritten), then re-validates. */
export async function fixAll(opts: ValidateOptions = {}): Promise<{ applied: number; run: ValidationRun }> {
  const read = await readWorkbook();
  const result = validateWorkbook(read.sheets, opts);
  let applied = 0;
  for (const sheet of result.sheets) {
    const grid = read.sheets.find((s) => s.sheet === sheet.sheet)?.grid ?? [];
    const fixed = applyFixes(grid, sheet.findings).grid;
    const changes: { row: number; col: string; value: Cell }[] = [];
    fixed.forEach((row, r) => row.forEach((v, c) => {
      if (v !== (grid[r]?.[c] ?? null) && !(v === null && grid[r]?.[c] === undefined)) changes.push({ row: r + 1, col: colLetter(c), value: v });
    }));
    applied += await writeCells(sheet.sheet, changes);
  }
  return { applied, run: await validateAndMark(opts) };
}
