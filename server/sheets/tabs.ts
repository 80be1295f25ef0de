/**
 * The two published tabs as rows: 区级汇总 from the term summary and 上报情况 from the completeness board,
 * with the same columns (and the same metric getters) as the merged .xlsx report.
 */
import type { StatusBoard } from '../../shared/contract';
import type { Summary } from '../../shared/metrics';
import { TEMPLATES } from '../../shared/templates';
import type { Cell, KindId } from '../../shared/types';
import { STATUS_HEADERS } from '../report/status-sheet';
import type { PlainCell } from '../report/cells';
import { summaryTable } from '../report/summary-table';
import type { Tab } from './publish';

/** Tab titles, as in the .xlsx report. */
export const SUMMARY_TAB = '区级汇总';
/** Tab title of the completeness board. */
export const STATUS_TAB = '上报情况';

/** 区级汇总: a line per school with its ranks, then 全区合计, 目标 and 达标学校数, then a note (as in the .xlsx report). */
export function summaryTab(summary: Summary): Tab {
  const t = summaryTable(summary);
  const width = t.headers.length;
  const line = (cells: PlainCell[]): Cell[] => [...cells.map((c) => (c === undefined ? null : c)), ...new Array<Cell>(Math.max(0, width - cells.length)).fill(null)];
  const rows: Cell[][] = [[...t.headers]];
  for (const s of t.schools) rows.push(line(s.cells));
  rows.push(line(t.total));
  if (t.target) rows.push(line(t.target));
  if (t.met) rows.push(line(t.met));
  rows.push([], [t.note]);
  // Number formats cover the school lines, the total and the target (not the counts of 达标学校数).
  return { title: SUMMARY_TAB, rows, formats: t.formats, formatRows: summary.schools.length + 2 };
}

/** 上报情况: one line per school × register kind. */
export function statusTab(board: StatusBoard): Tab {
  const rows: Cell[][] = [[...STATUS_HEADERS]];
  for (const s of board.schools) {
    for (const kind of board.kinds) {
      const c = s.kinds[kind];
      const title = TEMPLATES[kind as KindId]?.title ?? kind;
      if (!c) {
        rows.push([s.code, s.name, title, '未上报']);
        continue;
      }
      rows.push([
        s.code,
        s.name,
        title,
        c.status,
        c.submittedAt ? c.submittedAt.replace('T', ' ').slice(0, 19) : null,
        c.version,
        c.rows,
        c.warnings,
        c.crossWarnings || null,
        c.deadline ?? board.deadlines[kind] ?? null,
        c.late ? (c.status === '已上报' ? '迟交' : '已逾期') : null,
        c.comment,
      ]);
    }
  }
  return { title: STATUS_TAB, rows };
}
