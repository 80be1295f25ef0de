/** Cross-sheet checks: every teacher name is on the roster, every linked project code is registered. */
import { nearest } from './edit-distance';
import type { MappedColumn } from './header';
import type { SheetState } from './sheet';

/** What the workbook (or the server) knows to check references against. */
export interface ReferenceSources {
  /** Roster names, or null when no roster is available (names are then not checked). */
  roster: Set<string> | null;
  /** Project codes, or null when no 课题登记 is available. */
  projectCodes: Set<string> | null;
}

function unknownTeacher(state: SheetState, col: MappedColumn, i: number, name: string, roster: Set<string>): void {
  const t = state.table;
  const suggestion = nearest(name, roster);
  state.report({ code: 'unknown_teacher', row: t.rowNos[i], field: col.field, value: t.cell(i, col.field), params: { expected: name, suggestion } }, col.col);
}

/** Reports unknown teachers and unknown project references on one sheet. */
export function checkReferences(state: SheetState, sources: ReferenceSources): void {
  const t = state.table;
  for (const col of state.match.columns) {
    const ref = col.def.ref;
    if (!ref) continue;
    const values = t.values(col.field);
    if (ref === 'roster') {
      const roster = sources.roster;
      if (!roster) continue;
      for (let i = 0; i < t.length; i++) {
        const v = values[i];
        if (v === null || v === undefined || v === '') continue;
        if (!Array.isArray(v)) {
          const name = String(v);
          if (!roster.has(name)) unknownTeacher(state, col, i, name, roster);
          continue;
        }
        for (let n = 0; n < v.length; n++) if (!roster.has(v[n])) unknownTeacher(state, col, i, v[n], roster);
      }
    } else if (ref === 'projects') {
      const codes = sources.projectCodes;
      if (!codes) continue;
      for (let i = 0; i < t.length; i++) {
        const v = values[i];
        if (v === null || v === undefined || v === '' || codes.has(String(v))) continue;
        state.report({ code: 'unknown_reference', row: t.rowNos[i], field: col.field, value: t.cell(i, col.field) }, col.col);
      }
    }
  }
}
