/** 图表分析: ECharts bar charts of the metrics across schools, targets drawn as lines. */
import { api, seg } from '../api';
import { echarts } from '../charts-lib';
import type { Ctx } from '../context';
import { h, replace } from '../dom';
import { chartOption, chartSpecs } from '../chart-options';
import { metricColumns } from '../metrics';
import type { Summary } from '../types';
import { loading } from '../ui/loading';
import { errorNotice } from '../ui/notice';

/** Charts alive on the page, disposed when the view is left (ECharts holds canvases and listeners). */
let live: echarts.ECharts[] = [];

/** Disposes every chart this view drew. */
export function disposeCharts(): void {
  for (const c of live) c.dispose();
  live = [];
}

/** Charts follow the window's width (phone rotated, window resized); bound on first use, not at import. */
let resizeBound = false;
function bindResize(): void {
  if (resizeBound) return;
  resizeBound = true;
  window.addEventListener('resize', () => {
    for (const c of live) c.resize();
  });
}

/** Draws the charts for ctx.term. */
export async function renderCharts(ctx: Ctx, root: HTMLElement): Promise<void> {
  disposeCharts();
  bindResize();
  replace(root, loading());
  let summary: Summary;
  try {
    summary = await api<Summary>(`/api/v1/terms/${seg(ctx.term)}/summary`);
  } catch (err) {
    if (ctx.alive()) replace(root, errorNotice(err, () => void renderCharts(ctx, root)));
    return;
  }
  if (!ctx.alive()) return;
  const section = h('section', { class: 'view view-charts', 'aria-labelledby': 'charts-title' }, h('div', { class: 'view-head' }, h('h2', { id: 'charts-title' }, `图表分析 · ${summary.term}`)));
  replace(root, section);
  // No school has reported anything this term: no bare axes, a sentence.
  if (!summary.schools.some((s) => s.reported.length > 0)) {
    section.appendChild(h('p', { class: 'empty', 'data-testid': 'charts-empty' }, `${summary.term}还没有学校上报任何登记表，暂无图表。`));
    return;
  }
  const visible = Math.min(summary.schools.length, 25);
  const height = Math.max(220, visible * 26 + 70);
  for (const spec of chartSpecs(metricColumns(summary))) {
    const metrics = spec.metrics;
    const box = h('div', { class: 'chart', 'data-chart': spec.id });
    box.style.height = `${height}px`;
    section.appendChild(h('figure', { class: 'card chart-card' }, h('figcaption', null, spec.title), box));
    const chart = echarts.init(box, undefined, { locale: 'ZH', renderer: 'canvas' });
    chart.setOption(chartOption(summary.schools, metrics, box.clientWidth < 480));
    live.push(chart);
  }
}
