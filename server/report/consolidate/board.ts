/** The completeness board of a consolidation: 已上报 for merged files, 已退回 (with the reason) for files with errors. */
import { unreportedCell, type BoardCell, type StatusBoard } from '../../../shared/contract';
import { registersOf, type RegisterInfo } from '../../../shared/registers/list';
import type { ResolvedSchool } from './identity';
import type { FileOutcome } from './read-files';


/** One line per school × kind; `mtimes` are the files' modification times (ISO), `cross` the cross-school warnings by `school\0kind`. */
export function boardOf(
  term: string,
  asOf: string,
  schools: ResolvedSchool[],
  outcomes: FileOutcome[],
  byFile: string[],
  mtimes: string[],
  cross: Map<string, number>,
  registers: RegisterInfo[] = registersOf(),
): StatusBoard {
  const kinds = registers.map((r) => r.code);
  const cells = new Map(schools.map((s) => [s.code, Object.fromEntries(kinds.map((k) => [k, unreportedCell()])) as Record<string, BoardCell>]));
  outcomes.forEach((o, i) => {
    const line = cells.get(byFile[i]);
    if (!line) return;
    for (const kind of kinds) {
      const rows = o.kinds[kind];
      if (rows === undefined) continue;
      const c = line[kind];
      const name = o.file.split(/[\\/]/).pop();
      if (o.status === 'merged') {
        const warnings = o.findings.filter((f) => f.kind === kind).length;
        c.status = '已上报';
        c.version = (c.version ?? 0) + 1;
        c.rows = (c.rows ?? 0) + rows;
        c.warnings = (c.warnings ?? 0) + warnings;
        if (!c.submittedAt || mtimes[i] > c.submittedAt) c.submittedAt = mtimes[i];
        if (c.version > 1) c.comment = `${c.comment ? c.comment + '；' : ''}另有文件“${name}”，已一并汇总，请核实是否重复`;
      } else if (c.status !== '已上报') {
        c.status = '已退回';
        c.comment = `文件“${name}”有 ${o.errors} 个错误，未汇总，请修改后重新报送`;
      }
    }
  });
  for (const [key, n] of cross) {
    const [code, kind] = key.split('\u0000');
    const c = cells.get(code)?.[kind];
    if (c) c.crossWarnings = n;
  }
  return {
    term,
    asOf,
    kinds,
    registers: registers.map((r) => ({ code: r.code, name: r.title })),
    deadlines: {},
    schools: schools.map((s) => ({ ...s, kinds: cells.get(s.code)! })),
  };
}
