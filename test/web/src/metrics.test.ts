/** The page's metric columns come from the summary's indicators: labels, groups, targets, ranks and 未上报. */
import { computeSummary } from '../../../shared/metrics';
import { parseDefinitionWorkbook } from '../../../shared/registers/workbook';
import { metricColumns, notReported, schoolValue, targetState, targetValue } from '../../../server/web/src/metrics';
import { chartSpecs } from '../../../server/web/src/chart-options';
import { districtBDefinition } from '../../fixtures/registers/district-b';
import { fixtureDistrict } from '../../shared/metrics/fixture-district';

const summary = computeSummary(fixtureDistrict());
const cols = metricColumns(summary);
const col = (label: string) => cols.find((m) => m.label === label)!;

test('a column per indicator of the built-in definition, under its register, cross tables left out', () => {
  expect(cols.map((m) => m.label)).toEqual([
    '在岗教师', '40岁以下教师',
    '反思应交', '反思实交', '反思完成率', '反思按时率', '反思优秀率',
    '论文篇数', '论文人均篇数', '县二等奖及以上或发表篇数', '县二等奖及以上或发表人均', '发表篇数', '40岁以下参与人数', '40岁以下论文参与率',
    '课题数', '在研课题', '逾期未结题', '本学期新立项',
    '课程登记数', '公开课节数', '公开课人均', '外出培训学时', '培训学时人均',
  ]);
  expect([...new Set(cols.map((m) => m.group))]).toEqual(['教师名册', '学月反思', '论文投稿', '课题登记', '课程登记']);
  expect(cols.filter((m) => m.target).map((m) => [m.label, m.target, m.targetValue])).toEqual([
    ['县二等奖及以上或发表人均', '≥ 1', 1],
    ['40岁以下论文参与率', '= 100%', 1],
  ]);
  expect([col('反思完成率').format(0.5), col('论文人均篇数').format(0.6667), col('论文篇数').format(9)]).toEqual(['50%', '0.67', '9']);
});

test("a school's cell: the server's value and judgement; 未上报 outside the target", () => {
  const q = col('县二等奖及以上或发表人均');
  const [sy, em, nr] = summary.schools;
  expect([schoolValue(q, em), targetState(q, em)]).toEqual([1, 'met']);
  expect(targetState(q, sy)).toBe('missed');
  // 丙小学 reported only 论文投稿: its roster figures are 未上报, and its papers have no denominator.
  expect([notReported(col('在岗教师'), nr), schoolValue(col('在岗教师'), nr), targetState(q, nr)]).toEqual([true, undefined, undefined]);
  expect(targetState(col('论文篇数'), sy)).toBeUndefined();
});

test('targets parse as the definition writes them', () => {
  expect([targetValue('≥ 1'), targetValue('= 100%'), targetValue('>= 0.5'), targetValue('≤ 3'), targetValue('至少一篇'), targetValue(undefined)]).toEqual([1, 1, 0.5, 3, undefined, undefined]);
});

test('charts: one per target, ranked figures of one register paired', () => {
  expect(chartSpecs(cols).map((c) => c.title)).toEqual([
    '反思完成率与反思按时率',
    '论文人均篇数',
    '县二等奖及以上或发表人均（目标 ≥ 1）',
    '40岁以下论文参与率（目标 = 100%）',
    '公开课人均与培训学时人均',
  ]);
  // A second district's definition brings its own columns and charts, with no page code for them.
  const b = parseDefinitionWorkbook(districtBDefinition()).definition!;
  const other = metricColumns(computeSummary({ ...fixtureDistrict(), definition: b }));
  expect(other.map((m) => [m.group, m.label, m.target ?? ''])).toEqual([
    ['教师名册', '在岗教师数', ''],
    ['学月反思', '学月反思完成率', '≥ 90%'],
    ['听课记录', '听课节数', ''],
    ['听课记录', '听课达标率', '= 100%'],
  ]);
  expect(chartSpecs(other).map((c) => c.title)).toEqual(['学月反思完成率（目标 ≥ 90%）', '听课达标率（目标 = 100%）']);
});
