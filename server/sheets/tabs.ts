/**
 * The two published tabs as rows: 区级汇总 from the term summary and 上报情况 from the completeness board,
 * with the same columns (and the same metric getters) as the merged .xlsx report.
 */
import type { StatusBoard } from '../../shared/contract';
import type { Summary } from '../../shared/metrics';
import type { Cell } from '../../shared/types';
import { fromBoard, STATUS_HEADERS } from '../report/status-sheet';
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

/** 上报情况: one line per school × register, as in the .xlsx report (times in Beijing time). */
export function statusTab(board: StatusBoard): Tab {
  const rows: Cell[][] = [[...STATUS_HEADERS], ...fromBoard(board).map((r) => r.map((c) => (c === undefined ? null : c)))];
  return { title: STATUS_TAB, rows };
}
