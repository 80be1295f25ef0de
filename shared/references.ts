/** Cross-sheet checks: every teacher name is on the roster, every linked project code is registered. */
import { nearest } from './edit-distance';
import type { SheetState } from './sheet';

/** What the workbook (or the server) knows to check references against. */
export interface ReferenceSources {
  /** Roster names, or null when no roster is available (names are then not checked). */
  roster: Set<string> | null;
  /** Project codes, or null when no 课题登记 is available. */
  projectCodes: Set<string> | null;
}

/** Reports unknown teachers and unknown project references on one sheet. */
export function checkReferences(state: SheetState, sources: ReferenceSources): void {
  const refCols = state.match.columns.filter((c) => c.def.ref);
  if (!refCols.length) return;
  for (const row of state.rows) {
    for (const col of refCols) {
      const v = row.values[col.field];
      if (v === null || v === undefined || v === '') continue;
      const raw = row.cells[col.index];
      if (col.def.ref === 'roster') {
        if (!sources.roster) continue;
        for (const name of Array.isArray(v) ? v : [String(v)]) {
          if (sources.roster.has(name)) continue;
          const suggestion = nearest(name, sources.roster);
          state.report({ code: 'unknown_teacher', row: row.row, field: col.field, value: raw, params: { expected: name, suggestion } }, col.col);
        }
      } else if (col.def.ref === 'projects') {
        if (!sources.projectCodes || sources.projectCodes.has(String(v))) continue;
        state.report({ code: 'unknown_reference', row: row.row, field: col.field, value: raw }, col.col);
      }
    }
  }
}
