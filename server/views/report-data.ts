/** The merged report's inputs from the store: summary, board, every kind's counting rows (streamed) and open problems. */
import type { ReportData, ReportIssue } from '../report/types';
import { crossFindingsFor } from '../cross/list';
import { currentIds, findingsOf, termSubmissions, type SubmissionMeta } from '../store/current';
import type { Store } from '../store/schema';
import { registersOf } from '../../shared/registers/list';
import type { CompiledRegisters } from '../../shared/types';
import { compiledFor, termDefinition } from '../store/registers';
import { listSchools } from '../store/schools';
import { statusBoard } from './status';
import { termRows } from './summary';

async function* issuesOf(store: Store, subs: SubmissionMeta[], all: SubmissionMeta[], current: Set<number>, viewer: string | null, registers: CompiledRegisters): AsyncGenerator<ReportIssue> {
  const names = new Map((await listSchools(store.db)).map((s) => [s.code, s.name]));
  // In pages of submissions, so a district of 300 schools never holds every warning at once.
  for (let i = 0; i < subs.length; i += 50) {
    const page = subs.slice(i, i + 50);
    const cross = await crossFindingsFor(store.db, page.map((s) => s.id), all, current, names, viewer, registers);
    const stored = await findingsOf(store.db, page.map((s) => s.id));
    for (const s of page) {
      const own = stored.get(s.id) ?? [];
      const mine = [...own, ...(cross.get(s.id) ?? [])].sort((a, b) => a.row - b.row);
      for (const f of mine)
        yield { school: s.school_code, kind: s.kind, sheet: f.sheet, row: f.row, col: f.col, field: f.field, code: f.code, severity: f.severity, value: f.value, message: f.message };
    }
  }
}

/** Everything writeReport needs; `school` restricts rows, board and problems to that school (the summary stays district-wide). */
export async function reportData(store: Store, term: string, asOf: string, school: string | null): Promise<ReportData> {
  const all = await termSubmissions(store.db, term);
  const current = currentIds(all);
  const counting = all.filter((s) => current.has(s.id) && (school === null || s.school_code === school));
  // The term's definition, once for the whole report (its sheets, and the titles the problems name).
  const compiled = compiledFor(await termDefinition(store.db, term));
  // The rows are read once: the summary is tallied from them while the register sheets are written.
  const t = await termRows(store, term, asOf);
  return {
    registers: registersOf(compiled),
    schools: t.schools,
    summary: t.summary,
    allRows: t.rows,
    status: await statusBoard(store, term, asOf, school),
    issues: issuesOf(store, counting, all, current, school, compiled),
  };
}
