/**
 * 区级汇总 as a table, driven by the indicators (指标) of the term's register definition: a column per indicator,
 * a rank column per ranked one, a line per school (未上报 where it has not reported the indicator's register), the
 * district total, the targets and how many schools meet each, then the cross tables (交叉表). The .xlsx report
 * and the published Google Sheets tab both write this table, so the two never disagree.
 */
import type { Metric, Summary } from '../../shared/metrics';
import type { PlainCell } from './cells';
import { FMT, type NumFmt } from './xlsx/styles';

/** Whether a school's cell meets its indicator's target. */
export type Mark = 'met' | 'missed' | undefined;

/** The table, ready to be written. */
export interface SummaryTable {
  headers: string[];
  /** Number format per column. */
  formats: (NumFmt | undefined)[];
  /** A line per school, with the marks of its cells. */
  schools: { cells: PlainCell[]; marks: Mark[] }[];
  total: PlainCell[];
  /** 目标 and 达标学校数 (only when some indicator has a target). */
  target: PlainCell[] | null;
  met: PlainCell[] | null;
  /** Cross tables: a title line, a header line, then data lines with a 合计 column. */
  tables: PlainCell[][][];
  note: string;
}

const LEAD = ['学校代码', '学校', '类型'];
const FORMAT: Record<Metric['format'], NumFmt | undefined> = { number: undefined, perTeacher: FMT.dec, percent: FMT.pct, table: undefined };

/** The indicators shown as columns (not the cross tables), in the definition's order. */
function columns(summary: Summary): Metric[] {
  return (summary.district.metrics ?? []).filter((m) => m.format !== 'table');
}

/** Ranked indicators carry a rank on the school lines (the district line has none); `i` is its place in metrics. */
function isRanked(summary: Summary, i: number): boolean {
  return summary.schools.some((s) => s.metrics?.[i]?.rank !== undefined);
}

function crossTable(m: Metric): PlainCell[][] {
  const t = m.table ?? {};
  const rows = Object.keys(t);
  const cols: string[] = [];
  for (const r of rows) for (const c of Object.keys(t[r])) if (!cols.includes(c)) cols.push(c);
  const out: PlainCell[][] = [[`全区${m.name}`], [m.axes?.[0] ?? '', ...cols, '合计']];
  for (const r of rows) {
    const cells = cols.map((c) => t[r]?.[c] ?? 0);
    out.push([r, ...cells, cells.reduce((a, b) => a + b, 0)]);
  }
  return out;
}

/** The whole table of a summary. */
export function summaryTable(summary: Summary): SummaryTable {
  const d = summary.district;
  const cols = columns(summary);
  const index = new Map((d.metrics ?? []).map((m, i) => [m, i]));
  const ranked = cols.filter((m) => isRanked(summary, index.get(m)!));
  const headers = [...LEAD, ...cols.map((m) => m.name), ...ranked.map((m) => `${m.name}排名`)];
  const schools = summary.schools.map((s) => {
    const at = (m: Metric) => s.metrics?.[index.get(m)!];
    const cells: PlainCell[] = [s.code, s.name, s.type];
    const marks: Mark[] = [undefined, undefined, undefined];
    for (const m of cols) {
      const x = at(m);
      // 未上报 where the school has not reported the register: not a 0 that reads as a result.
      cells.push(!x?.reported ? '未上报' : (x.value ?? undefined));
      marks.push(x?.met === undefined ? undefined : x.met ? 'met' : 'missed');
    }
    for (const m of ranked) cells.push(at(m)?.rank ?? undefined);
    return { cells, marks };
  });
  const total: PlainCell[] = [undefined, '全区合计', `${d.schools}所`, ...cols.map((m) => m.value ?? undefined)];
  const targeted = cols.some((m) => m.target);
  const target: PlainCell[] | null = targeted ? [undefined, '目标', undefined, ...cols.map((m) => m.target)] : null;
  const met: PlainCell[] | null = targeted ? [undefined, '达标学校数', undefined, ...cols.map((m) => (m.target ? (m.schoolsMet ?? 0) : undefined))] : null;
  const formats = [...LEAD.map(() => undefined), ...cols.map((m) => FORMAT[m.format]), ...ranked.map(() => undefined)];
  const marked = targeted ? '绿底为达到目标，红底为未达目标；' : '';
  return {
    headers,
    formats,
    schools,
    total,
    target,
    met,
    tables: (d.metrics ?? []).filter((m) => m.format === 'table').map(crossTable),
    note: `学期：${summary.term}；统计截至：${summary.asOf}；全区比率按各校合计数计算；${marked}“未上报”表示该校没有上报这张登记表；空白表示无分母。`,
  };
}
