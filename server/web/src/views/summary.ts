/** 区级汇总: the district metrics per school, sortable, with the two targets highlighted. */
import { api, seg } from '../api';
import type { Ctx } from '../context';
import { h, replace } from '../dom';
import { rememberRegisters } from '../labels';
import { metricColumns, metricOf, notReported, schoolValue, targetState, type Metric } from '../metrics';
import type { SchoolMetrics, Summary } from '../types';
import { loading } from '../ui/loading';
import { crossTablesSection } from './cross-tables';
import { errorNotice } from '../ui/notice';
import { sortableTable, type Column } from '../ui/table';

/** The table's columns: school, then every indicator of the term's definition. */
function columns(metrics: Metric[]): Column<SchoolMetrics>[] {
  const school: Column<SchoolMetrics> = {
    key: 'school',
    group: '',
    label: '学校',
    value: (s) => s.name,
    render: (s) => h('a', { href: `#/school/${encodeURIComponent(s.code)}`, class: 'school-link' }, s.name),
  };
  return [
    school,
    ...metrics.map(
      (m): Column<SchoolMetrics> => ({
        key: m.key,
        label: m.label,
        group: m.group,
        title: m.target ? `${m.group} · 目标：${m.target}` : m.group,
        numeric: true,
        value: (s) => schoolValue(m, s),
        // A school that has not reported the register shows 未上报, outside the target (not a red 0).
        render: (s) => {
          if (notReported(m, s)) return '未上报';
          const x = metricOf(m, s);
          const rank = x?.rank ? h('span', { class: 'rank muted small', title: '全区排名' }, ` 第${x.rank}`) : null;
          return rank ? h('span', null, m.format(x?.value), rank) : m.format(x?.value);
        },
        cellClass: (s) => {
          if (notReported(m, s)) return 'not-reported';
          const t = targetState(m, s);
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
  rememberRegisters(summary.registers);
  const d = summary.district;
  const metrics = metricColumns(summary);
  const foot = d ? [[`全区合计（${summary.schools.length} 所）`, ...metrics.map((m) => m.format(metricOf(m, d)?.value))]] : undefined;
  const targeted = metrics.filter((m) => m.target);
  const anyReported = summary.schools.some((s) => s.reported.length > 0);
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
      // A term no school has reported anything for yet: say so, instead of a table of 未上报 and empty targets.
      !anyReported
        ? h('p', { class: 'empty', 'data-testid': 'summary-empty' }, `${summary.term}还没有学校上报任何登记表。学校上报后，这里按登记表定义中的指标逐校汇总。`)
        : null,
      h(
        'ul',
        { class: 'targets', 'data-testid': 'targets' },
        (anyReported ? targeted : []).map((m) => {
          const t = metricOf(m, d);
          // Schools judged: those that reported the register and have a value (未上报 is outside the target).
          const judged = summary.schools.filter((s) => metricOf(m, s)?.met !== undefined).length;
          return h(
            'li',
            { 'data-metric': m.key },
            h('span', { class: 'chip chip-target' }, '目标'),
            `${m.label} ${m.target}：全区 `,
            h('span', { class: t?.met ? 'target-met' : 'target-missed' }, m.format(t?.value)),
            `，${t?.schoolsMet ?? 0}/${judged} 所学校达标`,
            judged < summary.schools.length ? h('span', { class: 'muted' }, `（另有 ${summary.schools.length - judged} 所未上报或无分母）`) : null,
            '。',
          );
        }),
      ),
      anyReported ? sortableTable({ columns: columns(metrics), rows: summary.schools, foot, testid: 'summary-table', className: 'summary', stack: true }) : null,
      anyReported ? crossTablesSection(summary) : null,
    ),
  );
}
