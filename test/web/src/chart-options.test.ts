/** Chart options: shared name prefixes dropped, bars sorted, the target line always on the axis. */
import { chartOption, shortNames } from '../../../server/web/src/chart-options';
import type { Metric } from '../../../server/web/src/metrics';

const perTeacher: Metric = { key: 'papers.q', index: 0, label: '县二等奖及以上或发表人均', group: '论文投稿', format: String, target: '≥ 1', targetValue: 1, ranked: true, kind: 'papers' };
const share: Metric = { key: 'papers.p', index: 1, label: '40岁以下论文参与率', group: '论文投稿', format: String, target: '= 100%', targetValue: 1, rate: true, ranked: true, kind: 'papers' };
const figure = (value: number | null) => ({ register: 'papers', name: '', format: 'number' as const, value, reported: true });
const line = (name: string, q: number | null, p: number | null) => ({ code: name, name, metrics: [figure(q), figure(p)] }) as any;

test('shortNames drops the prefix every school shares, never leaving a name under four characters', () => {
  expect(shortNames(['五通桥区实验小学', '五通桥区竹根镇中心小学'])).toEqual(['实验小学', '竹根镇中心小学']);
  expect(shortNames(['五通桥区实验小学', '市实验小学'])).toEqual(['五通桥区实验小学', '市实验小学']);
  expect(shortNames(['某区一小学', '某区二小学'])).toEqual(['某区一小学', '某区二小学']);
  expect(shortNames(['唯一学校'])).toEqual(['唯一学校']);
});

test('bars sort ascending (largest on top) and the target line stays visible when every school is below it', () => {
  const q = perTeacher;
  const opt = chartOption([line('A区甲小学校', 0.2, 0.5), line('A区乙小学校', 0.6, 1), line('A区丙小学校', null, 0.2)], [q]) as any;
  expect(opt.yAxis.data).toEqual(['丙小学校', '甲小学校', '乙小学校']);
  expect(opt.series[0].data).toEqual([null, 0.2, 0.6]);
  expect(opt.series[0].markLine.data).toEqual([{ xAxis: 1 }]);
  expect(opt.xAxis.max({ min: 0, max: 0.6 })).toBe(1);
  expect(opt.xAxis.max({ min: 0, max: 1.4 })).toBe(1.4);
});

test('rates are drawn in percent on a 0–100 axis with the 100% target', () => {
  const p = share;
  const opt = chartOption([line('甲', 0, 0.625), line('乙', 0, 1)], [p]) as any;
  expect(opt.series[0].data).toEqual([62.5, 100]);
  expect(opt.xAxis.max).toBe(100);
  expect(opt.series[0].markLine.data).toEqual([{ xAxis: 100 }]);
});

test('many schools: the chart shows the top 25 with a zoom slider instead of squeezing every bar', () => {
  const q = perTeacher;
  const schools = Array.from({ length: 40 }, (_, i) => line(`第${i + 1}号实验学校`, i / 40, 0));
  const opt = chartOption(schools, [q]) as any;
  expect(opt.dataZoom[0]).toMatchObject({ type: 'slider', yAxisIndex: 0, startValue: 15, endValue: 39 });
  expect(chartOption(schools.slice(0, 10), [q]).dataZoom).toBeUndefined();
});
