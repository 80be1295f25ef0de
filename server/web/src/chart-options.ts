/** ECharts options for the metric charts, as plain data (no ECharts import here, so it is testable anywhere). */
import type { EChartsCoreOption } from 'echarts/core';
import { escapeHtml } from './format';
import { notReported, schoolValue, type Metric } from './metrics';
import type { SchoolMetrics } from './types';

/** Names without the prefix every school shares (五通桥区…), so the bars keep room (names unchanged when nothing useful is shared). */
export function shortNames(names: string[]): string[] {
  if (names.length < 2) return names;
  let n = 0;
  const first = names[0];
  while (n < first.length && names.every((x) => x[n] === first[n])) n++;
  // Keep at least four characters of each name, and strip only a real shared prefix.
  if (n < 2 || names.some((x) => x.length - n < 4)) return names;
  return names.map((x) => x.slice(n));
}

/** ECharts options of one chart: horizontal bars sorted by the first metric, so long Chinese names stay readable. */
export function chartOption(schools: SchoolMetrics[], metrics: Metric[], narrow = false): EChartsCoreOption {
  const first = metrics[0];
  const sorted = [...schools].sort((a, b) => (schoolValue(first, a) ?? -Infinity) - (schoolValue(first, b) ?? -Infinity));
  const scale = (m: Metric, v: number | null | undefined) => (v === null || v === undefined ? null : m.rate ? Math.round(v * 1000) / 10 : Math.round(v * 100) / 100);
  const rate = metrics.every((m) => m.rate);
  const many = sorted.length > 25;
  const target = metrics.find((m) => m.targetValue !== undefined);
  const labels = shortNames(sorted.map((s) => s.name));
  return {
    color: ['#2b6cb0', '#dd8a2b'],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      // The axis may show shortened names; the tooltip names the school in full.
      formatter: (params: { dataIndex: number; marker: string; seriesName: string; value: unknown }[]) =>
        [escapeHtml(sorted[params[0]?.dataIndex ?? 0]?.name ?? ''), ...params.map((p) => `${p.marker}${escapeHtml(p.seriesName)}：${p.value === null || p.value === undefined ? (notReported(metrics.find((m) => m.label === p.seriesName) ?? first, sorted[p.dataIndex]) ? '未上报' : '—') : rate ? `${p.value}%` : p.value}`)].join('<br>'),
      valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : rate ? `${v}%` : String(v)) },
    legend: metrics.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: many ? 48 : 24, top: metrics.length > 1 || target ? 32 : 12, bottom: 24, containLabel: true },
    // The target line must stay on the chart even when every school is far below it.
    xAxis: {
      type: 'value',
      max: rate ? 100 : target ? (v: { max: number }) => Math.max(v.max, target.targetValue as number) : undefined,
      axisLabel: { formatter: rate ? '{value}%' : '{value}' },
    },
    yAxis: { type: 'category', data: labels, axisLabel: { width: narrow ? 100 : 132, overflow: 'truncate' } },
    dataZoom: many ? [{ type: 'slider', yAxisIndex: 0, right: 8, width: 18, startValue: Math.max(0, sorted.length - 25), endValue: sorted.length - 1 }, { type: 'inside', yAxisIndex: 0 }] : undefined,
    series: metrics.map((m) => ({
      type: 'bar',
      name: m.label,
      // No bar for a school that has not reported the register (the tooltip says 未上报), not an empty 0.
      data: sorted.map((s) => scale(m, schoolValue(m, s))),
      markLine:
        m.targetValue !== undefined
          ? { symbol: 'none', lineStyle: { color: '#c53030', type: 'dashed', width: 2 }, label: { position: 'end', distance: 4, color: '#c53030', formatter: `目标 ${m.target}` }, data: [{ xAxis: m.rate ? Math.round(m.targetValue * 1000) / 10 : m.targetValue }] }
          : undefined,
    })),
  };
}


/**
 * The charts of a summary, from its definition: one per indicator with a target (drawn as a line), and the ranked
 * indicators without one, two of a register's ranked figures of the same kind sharing a chart (完成率 and 按时率).
 */
export function chartSpecs(metrics: Metric[]): { id: string; title: string; metrics: Metric[] }[] {
  const out: { id: string; title: string; metrics: Metric[] }[] = [];
  for (const m of metrics) {
    if (m.target) {
      out.push({ id: `c${m.index}`, title: `${m.label}（目标 ${m.target}）`, metrics: [m] });
      continue;
    }
    if (!m.ranked) continue;
    const last = out[out.length - 1];
    const pair = last && last.metrics.length === 1 && !last.metrics[0].target && last.metrics[0].kind === m.kind && last.metrics[0].rate === m.rate;
    if (pair) {
      last.metrics.push(m);
      last.title = `${last.metrics[0].label}与${m.label}`;
    } else out.push({ id: `c${m.index}`, title: m.label, metrics: [m] });
  }
  return out;
}
