/**
 * Parity: the built-in definition's indicators (指标) give exactly DOMAIN.md's metrics — every figure of the
 * summary, for every school and the district, with the same targets and ranks — on the hand-worked fixture
 * district, on the four fixture schools read through the engine, and on generated districts.
 *
 * The table below is written here, independently of the product: which summary figure each built-in indicator
 * must equal.
 */
import fc from 'fast-check';
import { computeSummary, type Metric, type SchoolSummary, type Summary, type SummaryInput, type Totals } from '../../../shared/metrics';
import { validateWorkbook } from '../../../shared';
import type { KindId, NormRecord } from '../../../shared/types';
import { FIXTURE_OPTIONS, FIXTURES } from '../../fixtures';
import { fixtureDistrict } from './fixture-district';

type Get = (t: Totals) => unknown;
const FIGURES: [name: string, register: string, get: Get][] = [
  ['在岗教师', 'roster', (t) => t.teachers],
  ['40岁以下教师', 'roster', (t) => t.under40],
  ['反思应交', 'reflections', (t) => t.reflections.expected],
  ['反思实交', 'reflections', (t) => t.reflections.submitted],
  ['反思完成率', 'reflections', (t) => t.reflections.rate],
  ['反思按时率', 'reflections', (t) => t.reflections.onTimeRate],
  ['反思优秀率', 'reflections', (t) => t.reflections.excellentRate],
  ['论文篇数', 'papers', (t) => t.papers.count],
  ['论文人均篇数', 'papers', (t) => t.papers.perTeacher],
  ['县二等奖及以上或发表篇数', 'papers', (t) => t.papers.qualified],
  ['县二等奖及以上或发表人均', 'papers', (t) => t.papers.qualifiedPerTeacher],
  ['发表篇数', 'papers', (t) => t.papers.published],
  ['40岁以下参与人数', 'papers', (t) => t.papers.under40Authors],
  ['40岁以下论文参与率', 'papers', (t) => t.papers.under40Participation],
  ['课题数', 'projects', (t) => t.projects.count],
  ['在研课题', 'projects', (t) => t.projects.active],
  ['逾期未结题', 'projects', (t) => t.projects.overdue],
  ['本学期新立项', 'projects', (t) => t.projects.newThisTerm],
  ['课程登记数', 'courses', (t) => t.courses.count],
  ['公开课节数', 'courses', (t) => t.courses.publicLessons],
  ['公开课人均', 'courses', (t) => t.courses.publicLessonsPerTeacher],
  ['外出培训学时', 'courses', (t) => t.courses.trainingHours],
  ['培训学时人均', 'courses', (t) => t.courses.trainingHoursPerTeacher],
  ['论文获奖（级别 × 获奖等级）', 'papers', (t) => t.papers.awards],
  ['课题（级别 × 阶段）', 'projects', (t) => t.projects.byLevelStage],
  ['课程（课型 × 级别）', 'courses', (t) => t.courses.byTypeLevel],
];
/** Ranked figures: the summary's rank key of each. */
const RANKED: Record<string, string> = {
  反思完成率: 'reflectionRate',
  反思按时率: 'onTimeRate',
  论文人均篇数: 'papersPerTeacher',
  县二等奖及以上或发表人均: 'qualifiedPerTeacher',
  '40岁以下论文参与率': 'under40Participation',
  公开课人均: 'publicLessonsPerTeacher',
  培训学时人均: 'trainingHoursPerTeacher',
};
/** The two district targets. */
const TARGETS: Record<string, string> = { 县二等奖及以上或发表人均: 'qualifiedPerTeacher', '40岁以下论文参与率': 'under40Participation' };

function byName(ms: Metric[] | undefined): Map<string, Metric> {
  return new Map((ms ?? []).map((m) => [m.name, m]));
}

/** The indicator's value as the summary shows it (a table for 交叉表). */
const shown = (m: Metric) => (m.format === 'table' ? m.table : m.value);

function expectSchoolParity(s: SchoolSummary, summary: Summary): void {
  const ms = byName(s.metrics);
  for (const [name, register, get] of FIGURES) {
    const m = ms.get(name);
    expect({ school: s.code, name, present: m !== undefined }).toEqual({ school: s.code, name, present: true });
    if (!s.reported.includes(register)) {
      expect({ school: s.code, name, value: m!.value, reported: m!.reported }).toEqual({ school: s.code, name, value: null, reported: false });
      continue;
    }
    expect({ school: s.code, name, value: shown(m!) }).toEqual({ school: s.code, name, value: get(s) });
    const key = RANKED[name];
    if (key) {
      const entry = summary.district.ranks[key as keyof Summary['district']['ranks']].find((e) => e.code === s.code);
      expect({ school: s.code, name, rank: m!.rank }).toEqual({ school: s.code, name, rank: entry?.rank ?? null });
    }
  }
}

function expectParity(summary: Summary): void {
  for (const s of summary.schools) expectSchoolParity(s, summary);
  const d = byName(summary.district.metrics);
  for (const [name, register, get] of FIGURES) {
    // The district has a value once any school has reported the register (else 未上报, where the totals say 0).
    const any = summary.schools.some((s) => s.reported.includes(register));
    expect({ name, value: shown(d.get(name)!) }).toEqual({ name, value: any ? get(summary.district) : d.get(name)!.format === 'table' ? get(summary.district) : null });
  }
  for (const [name, key] of Object.entries(TARGETS)) {
    const t = summary.district.targets.find((x) => x.key === key)!;
    const m = d.get(name)!;
    expect({ name, met: m.met ?? false, schoolsMet: m.schoolsMet }).toEqual({ name, met: t.met, schoolsMet: t.schoolsMet });
  }
  // Nothing of the built-in indicators is left out of the table above.
  expect([...d.keys()].sort()).toEqual(FIGURES.map((f) => f[0]).sort());
}

describe('the built-in indicators are DOMAIN.md\'s metrics', () => {
  test('on the hand-worked fixture district, and at every as-of date of its term', () => {
    const input = fixtureDistrict();
    expectParity(computeSummary(input));
    for (const asOf of ['2025-02-01', '2025-02-28', '2025-03-01', '2025-04-25', '2025-06-30', '2025-08-31'])
      expectParity(computeSummary({ ...input, asOf }));
  });

  test('with district deadlines, and with a school that has no roster', () => {
    const input = fixtureDistrict();
    expectParity(computeSummary({ ...input, deadlines: { '2025-02': '2025-03-05', '2025-03': '2025-03-10' } }));
    const noRoster = { ...input, schools: input.schools.map((s, i) => (i === 0 ? { ...s, records: { ...s.records, roster: [] } } : s)) };
    expectParity(computeSummary(noRoster));
  });

  test('on the four fixture schools, read through the engine', () => {
    const schools = FIXTURES.map((f) => {
      const result = validateWorkbook(f.sheets, FIXTURE_OPTIONS);
      const records: Partial<Record<KindId, NormRecord[]>> = {};
      for (const s of result.sheets) if (s.kind) (records[s.kind as KindId] ??= []).push(...s.records);
      return { code: f.code, name: f.name, type: '小学', records };
    });
    expectParity(computeSummary({ ...FIXTURE_OPTIONS, schools }));
  });

  test('on generated districts', () => {
    const name = fc.constantFrom('张伟', '李娜', '王强', '赵敏', '陈刚', '刘洋');
    const month = fc.constantFrom('2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2024-12');
    const day = fc.constantFrom('2025-01-15', '2025-02-01', '2025-02-28', '2025-03-20', '2025-04-01', '2025-06-30', '2025-07-15', '2024-12-31');
    const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
    const level = maybe(fc.constantFrom('国家级', '省级', '市级', '区县级', '校级'));
    const record = <T extends NormRecord["values"]>(a: fc.Arbitrary<T>) => a.map((values: T) => ({ row: 2, values }));
    const school = fc.record({
      roster: fc.array(record(fc.record({ 姓名: name, 出生年月: maybe(fc.constantFrom('1980-01', '1984-02', '1985-02', '1990-05', '1999-12')), 在岗: fc.constantFrom('是', '否', '是') })), { maxLength: 6 }),
      reflections: fc.array(record(fc.record({ 教师: name, 月份: month, 提交日期: maybe(day), 评价: maybe(fc.constantFrom('优秀', '合格', '不合格')) })), { maxLength: 10 }),
      papers: fc.array(
        record(
          fc.record({
            教师: fc.array(name, { minLength: 1, maxLength: 3 }),
            题目: fc.constantFrom('P1', 'P2', 'P3'),
            状态: fc.constantFrom('已提交', '获奖', '已发表', '未获奖'),
            级别: level,
            获奖等级: maybe(fc.constantFrom('特等奖', '一等奖', '二等奖', '三等奖', '优秀奖')),
          }),
        ),
        { maxLength: 8 },
      ),
      projects: fc.array(
        record(fc.record({ 级别: level, 阶段: maybe(fc.constantFrom('申报', '立项', '开题', '中期', '结题', '延期', '撤销')), 立项日期: maybe(day), 计划结题日期: maybe(day) })),
        { maxLength: 6 },
      ),
      courses: fc.array(
        record(
          fc.record({
            授课教师: name,
            课型: maybe(fc.constantFrom('示范课', '研究课', '外出培训', '校本课程', '送教课')),
            级别: level,
            学时: maybe(fc.constantFrom(0.5, 1.25, 2, 3.3, 16)),
          }),
        ),
        { maxLength: 6 },
      ),
      drop: fc.subarray(['roster', 'reflections', 'papers', 'projects', 'courses'] as KindId[]),
    });
    fc.assert(
      fc.property(fc.array(school, { minLength: 1, maxLength: 4 }), fc.constantFrom('2025-03-01', '2025-04-15', '2025-06-30'), (schools, asOf) => {
        const input: SummaryInput = {
          term: '2025春',
          asOf,
          schools: schools.map((s, i) => {
            const { drop, ...all } = s;
            const records = Object.fromEntries(Object.entries(all).filter(([k]) => !drop.includes(k as KindId)));
            return { code: `S${i}`, name: `学校${i}`, type: '小学', records };
          }),
        };
        expectParity(computeSummary(input));
      }),
      { numRuns: 200, seed: 20261130 },
    );
  });
});
