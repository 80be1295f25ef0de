/**
 * The two published tabs as rows: 区级汇总 from the term summary and 上报情况 from the completeness board,
 * with the same columns (and the same metric getters) as the merged .xlsx report.
 */
import type { StatusBoard } from '../../shared/contract';
import type { Summary, Totals } from '../../shared/metrics';
import { RANK_KEYS } from '../../shared/metrics';
import { TEMPLATES } from '../../shared/templates';
import type { Cell, KindId } from '../../shared/types';
import { STATUS_HEADERS } from '../report/status-sheet';
import { METRIC_COLUMNS, SUMMARY_HEADERS } from '../report/summary-sheet';
import type { Tab } from './publish';

/** Tab titles, as in the .xlsx report. */
export const SUMMARY_TAB = '区级汇总';
/** Tab title of the completeness board. */
export const STATUS_TAB = '上报情况';

const LEAD = 3; // 学校代码, 学校, 类型
const metrics = (t: Totals): Cell[] => METRIC_COLUMNS.map((c) => c.get(t));
/** A school's figures: 未上报 where it has not reported the column's register, as in the report. */
const schoolMetrics = (s: Totals & { reported: string[] }): Cell[] => METRIC_COLUMNS.map((c) => (s.reported.includes(c.kind) ? c.get(s) : '未上报'));

/** 区级汇总: a line per school with its ranks, then 全区合计, 目标 and 达标学校数, then a note. */
export function summaryTab(summary: Summary): Tab {
  const d = summary.district;
  const ranks = new Map<string, Cell[]>(summary.schools.map((s) => [s.code, []]));
  for (const k of RANK_KEYS) for (const e of d.ranks[k] ?? []) ranks.get(e.code)?.push(e.rank);
  const width = SUMMARY_HEADERS.length;
  const line = (cells: Cell[]): Cell[] => [...cells, ...new Array<Cell>(Math.max(0, width - cells.length)).fill(null)];
  const rows: Cell[][] = [[...SUMMARY_HEADERS]];
  for (const s of summary.schools) rows.push(line([s.code, s.name, s.type, ...schoolMetrics(s), ...(ranks.get(s.code) ?? [])]));
  rows.push(line([null, '全区合计', `${d.schools}所`, ...metrics(d)]));
  const target = line([null, '目标']);
  const met = line([null, '达标学校数']);
  for (const t of d.targets) {
    const i = SUMMARY_HEADERS.indexOf(t.key === 'qualifiedPerTeacher' ? '县二等奖及以上或发表人均' : '40岁以下论文参与率');
    if (i < 0) continue;
    target[i] = t.target;
    met[i] = t.schoolsMet;
  }
  rows.push(target, met, [], [`学期：${summary.term}；统计截至：${summary.asOf}；全区比率按各校合计数计算；“未上报”表示该校没有上报这张登记表；空白表示无分母。`]);
  const formats = [...new Array<string | undefined>(LEAD).fill(undefined), ...METRIC_COLUMNS.map((c) => c.fmt)];
  // Number formats cover the school lines, the total and the target (not the counts of 达标学校数).
  return { title: SUMMARY_TAB, rows, formats, formatRows: summary.schools.length + 2 };
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
