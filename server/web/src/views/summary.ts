/** 区级汇总: the district metrics per school, sortable, with the two targets highlighted. */
import { api, seg } from '../api';
import type { Ctx } from '../context';
import { h, replace } from '../dom';
import { METRICS, notReported, schoolValue, targetState } from '../metrics';
import type { SchoolMetrics, Summary } from '../types';

/** The district target keys of the summary → this page's metric columns. */
const TARGET_METRIC: Record<string, string> = { qualifiedPerTeacher: 'papers.qualified', under40Participation: 'papers.under40' };
import { loading } from '../ui/loading';
import { crossTablesSection } from './cross-tables';
import { errorNotice } from '../ui/notice';
import { sortableTable, type Column } from '../ui/table';

/** The table's columns: school, then every metric. */
function columns(): Column<SchoolMetrics>[] {
  const school: Column<SchoolMetrics> = {
    key: 'school',
    group: '',
    label: '学校',
    value: (s) => s.name,
    render: (s) => h('a', { href: `#/school/${encodeURIComponent(s.code)}`, class: 'school-link' }, s.name),
  };
  return [
    school,
    ...METRICS.map(
      (m): Column<SchoolMetrics> => ({
        key: m.key,
        label: m.label,
        group: m.group,
        title: m.targetLabel ? `${m.group} · 目标：${m.targetLabel}` : m.group,
        numeric: true,
        value: (s) => schoolValue(m, s),
        // A school that has not reported the register shows 未上报, outside the target (not a red 0).
        render: (s) => (notReported(m, s) ? '未上报' : m.format(m.get(s))),
        cellClass: (s) => {
          if (notReported(m, s)) return 'not-reported';
          const t = targetState(m, m.get(s));
          return t ? `target-${t}` : undefined;
        },
      }),
    ),
  ];
}

/** Draws the summary for ctx.term. */
export async function renderSummary(ctx: Ctx, root: HTMLElement): Promise<void> {
  replace(root, loading());
  let summary: Summary;
  try {
    summary = await api<Summary>(`/api/v1/terms/${seg(ctx.term)}/summary`);
  } catch (err) {
    if (ctx.alive()) replace(root, errorNotice(err, () => void renderSummary(ctx, root)));
    return;
  }
  if (!ctx.alive()) return;
  const d = summary.district;
  const foot = d ? [[`全区合计（${summary.schools.length} 所）`, ...METRICS.map((m) => m.format(m.get(d)))]] : undefined;
  replace(
    root,
    h(
      'section',
      { class: 'view view-summary', 'aria-labelledby': 'summary-title' },
      h(
        'div',
        { class: 'view-head' },
        h(
          'div',
          null,
          h('h2', { id: 'summary-title' }, `区级汇总 · ${summary.term}`),
          h(
            'p',
            { class: 'muted', 'data-testid': 'summary-note' },
            summary.asOf ? `统计截至 ${summary.asOf}。` : '',
            '学月反思“应交”只计截止日期已过的月份。点击表头可排序。',
          ),
        ),
      ),
      h(
        'ul',
        { class: 'targets', 'data-testid': 'targets' },
        (d?.targets ?? []).map((t) => {
          const m = METRICS.find((x) => x.target !== undefined && x.key === TARGET_METRIC[t.key]);
          return h(
            'li',
            null,
            h('span', { class: 'chip chip-target' }, '目标'),
            `${t.label}：全区 `,
            h('span', { class: t.met ? 'target-met' : 'target-missed' }, m ? m.format(t.actual) : String(t.actual ?? '—')),
            `，${t.schoolsMet}/${summary.schools.length} 所学校达标。`,
          );
        }),
      ),
      summary.schools.length
        ? sortableTable({ columns: columns(), rows: summary.schools, foot, testid: 'summary-table', className: 'summary' })
        : h('p', { class: 'empty' }, '本学期还没有学校上报数据。'),
      summary.schools.length ? crossTablesSection(summary) : null,
    ),
  );
}
