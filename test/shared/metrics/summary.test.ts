/** Metrics of a fixture district, every number worked out by hand in the comments. */
import { computeSummary, SummarySchema, lastFriday, ageAt, monthsDue, rankSchools } from '../../../shared/metrics';
import type { SchoolSummary } from '../../../shared/metrics';
import { fixtureDistrict } from './fixture-district';

describe('computeSummary on the fixture district', () => {
  const summary = computeSummary(fixtureDistrict());
  const [sy, em, nr] = summary.schools;

  test('is valid against SummarySchema', () => {
    expect(() => SummarySchema.parse(summary)).not.toThrow();
    expect(summary.schools.map((s) => s.code)).toEqual(['WTQ-SY', 'WTQ-EM', 'WTQ-NR']);
  });

  test('teachers: 在岗 only; ≤40 at 2025-02-01 from 出生年月', () => {
    // SY: 张伟 李娜 王强 赵敏 在岗 (陈刚 not) = 4; ≤40: 张伟 34, 李娜 40 = 2.  EM: 2 and 1 (刘洋 32).
    expect([sy.teachers, sy.under40, em.teachers, em.under40, nr.teachers]).toEqual([4, 2, 2, 1, 0]);
  });

  test('reflections: 应交 = teachers × the months whose deadline has passed; distinct teacher-months; on time by last Friday', () => {
    // As of 2025-04-15, February's and March's deadlines (02-28, 03-28) have passed, April's (04-25) has not: 2 months.
    // SY: 应交 4×2 = 8; 实交 张伟-02 张伟-03 李娜-02 赵敏-03 = 4 (李娜-04 not due yet, 王强 May not due, 陈刚 not 在岗);
    // on time 3 (赵敏 04-01 > 03-28); 优秀 1 (the other is April's).  4/8 = .5, 3/4 = .75, 1/4 = .25
    expect(sy.reflections).toEqual({
      months: ['2025-02', '2025-03'],
      expected: 8,
      submitted: 4,
      onTime: 3,
      excellent: 1,
      rate: 0.5,
      onTimeRate: 0.75,
      excellentRate: 0.25,
    });
    // EM: 应交 2×2 = 4, 实交 刘洋-02 刘洋-03 孙丽-02 = 3 (孙丽-04 not due), on time 2 (孙丽 03-01 > 02-28), 优秀 1.
    expect([em.reflections.expected, em.reflections.submitted, em.reflections.rate, em.reflections.onTimeRate, em.reflections.excellentRate]).toEqual([
      4, 3, 0.75, 0.6667, 0.3333,
    ]);
    expect(nr.reflections.rate).toBeNull();
  });

  test('papers: counts, qualified distinct papers, ≤40 participation incl. co-authors, awards table', () => {
    // SY: 6 rows /4 = 1.5; qualified {张伟 P1, 王强 P2} = 2 → .5; published 1; ≤40 authors 张伟 + 李娜 (co-author) = 2/2.
    expect(sy.papers).toMatchObject({ count: 6, perTeacher: 1.5, qualified: 2, qualifiedPerTeacher: 0.5, published: 1, under40Authors: 2, under40Participation: 1 });
    expect(sy.papers.awards['区县级']).toEqual({ 特等奖: 0, 一等奖: 0, 二等奖: 1, 三等奖: 1, 优秀奖: 0 });
    expect(sy.papers.awards['市级']['一等奖']).toBe(1);
    expect(sy.papers.awards['校级']['一等奖']).toBe(1);
    expect(sy.papers.awards['省级']).toEqual({ 特等奖: 0, 一等奖: 0, 二等奖: 0, 三等奖: 0, 优秀奖: 0 });
    // EM: 2 papers, both qualified (已发表; 国家级特等奖) → 1.0; 刘洋 wrote none → 0/1.
    expect(em.papers).toMatchObject({ count: 2, perTeacher: 1, qualified: 2, qualifiedPerTeacher: 1, published: 1, under40Participation: 0 });
    // NR: no roster → per-teacher null, still counted.
    expect(nr.papers).toMatchObject({ count: 1, perTeacher: null, qualified: 1, qualifiedPerTeacher: null, under40Participation: null });
  });

  test('projects: 级别 × 阶段, 在研, 逾期未结题, new this term', () => {
    expect(sy.projects).toMatchObject({ count: 5, active: 3, overdue: 1, newThisTerm: 2 });
    const t = sy.projects.byLevelStage;
    expect([t['市级']['立项'], t['区县级']['中期'], t['区县级']['结题'], t['省级']['申报'], t['校级']['延期'], t['国家级']['立项']]).toEqual([1, 1, 1, 1, 1, 0]);
    expect(em.projects.count).toBe(0);
  });

  test('courses: 课型 × 级别, public lessons and training hours per teacher', () => {
    // SY: 示范 研究 竞赛 = 3 public → .75; 外出培训 12 + 6.5 = 18.5 h → 4.625
    expect(sy.courses).toMatchObject({ count: 6, publicLessons: 3, publicLessonsPerTeacher: 0.75, trainingHours: 18.5, trainingHoursPerTeacher: 4.625 });
    expect(sy.courses.byTypeLevel['外出培训']).toMatchObject({ 市级: 1, 省级: 1, 区县级: 0 });
    expect(em.courses).toMatchObject({ publicLessons: 1, publicLessonsPerTeacher: 0.5, trainingHours: 8, trainingHoursPerTeacher: 4 });
  });

  test('district totals are pooled from counts, with targets and ranks', () => {
    const d = summary.district;
    expect([d.schools, d.teachers, d.under40]).toEqual([3, 6, 3]);
    // 实交 4+3 = 7 / 应交 8+4 = 12; on time 5/7; 优秀 2/7
    expect(d.reflections).toMatchObject({ expected: 12, submitted: 7, rate: 0.5833, onTimeRate: 0.7143, excellentRate: 0.2857 });
    // papers 9 in all, 5 qualified, 3 published; per teacher only over schools with a roster (NR has none):
    // (6+2)/6 = 1.3333, qualified (2+2)/6 = .6667; ≤40 authors 2/3
    expect(d.papers).toMatchObject({ count: 9, perTeacher: 1.3333, qualified: 5, qualifiedPerTeacher: 0.6667, published: 3, under40Participation: 0.6667 });
    expect(d.papers.awards['区县级']['二等奖']).toBe(1);
    expect(d.papers.awards['国家级']['特等奖']).toBe(1);
    expect(d.projects).toMatchObject({ count: 5, active: 3, overdue: 1, newThisTerm: 2 });
    // 4 public lessons / 6; 26.5 h / 6 = 4.41666…
    expect(d.courses).toMatchObject({ publicLessons: 4, publicLessonsPerTeacher: 0.6667, trainingHours: 26.5, trainingHoursPerTeacher: 4.4167 });
    expect(d.targets).toEqual([
      expect.objectContaining({ key: 'qualifiedPerTeacher', target: 1, actual: 0.6667, met: false, schoolsMet: 1 }),
      expect.objectContaining({ key: 'under40Participation', target: 1, actual: 0.6667, met: false, schoolsMet: 1 }),
    ]);
    expect(d.ranks.qualifiedPerTeacher).toEqual([
      { code: 'WTQ-EM', value: 1, rank: 1 },
      { code: 'WTQ-SY', value: 0.5, rank: 2 },
      { code: 'WTQ-NR', value: null, rank: null },
    ]);
    expect(d.ranks.reflectionRate.map((r) => [r.code, r.rank])).toEqual([
      ['WTQ-EM', 1],
      ['WTQ-SY', 2],
      ['WTQ-NR', null],
    ]);
  });

  test('district deadlines replace the last-Friday default', () => {
    const input = fixtureDistrict();
    const moved = computeSummary({ ...input, deadlines: { '2025-02': '2025-03-05' } });
    // 孙丽's February reflection (03-01) is now on time: EM 4/4.
    expect(moved.schools[1].reflections.onTimeRate).toBe(1);
  });
});

test('a school without a roster counts in district totals but not in the ratios', () => {
  const refl = (教师: string) => ({ row: 2, values: { 月份: '2025-03', 教师, 提交日期: '2025-03-10', 评价: '合格' } });
  const summary = computeSummary({
    term: '2025春',
    asOf: '2025-03-31', // 2 months due
    schools: [
      { code: 'A', name: '甲', type: '小学', records: { roster: [{ row: 2, values: { 姓名: '张伟', 在岗: '是' } }], reflections: [refl('张伟')] } },
      { code: 'B', name: '乙', type: '小学', records: { reflections: [refl('王五'), refl('赵六'), refl('钱七')] } },
    ],
  });
  // 应交 1×2 = 2 (B has no roster); 实交 A 1 + B 3 = 4 in total, but the rate is A's 1/2, not 4/2.
  expect(summary.district.reflections).toMatchObject({ expected: 2, submitted: 4, rate: 0.5 });
  expect(summary.schools[1].reflections).toMatchObject({ expected: 0, submitted: 3, rate: null });
});

describe('metric helpers', () => {
  test('lastFriday', () => {
    expect(['2025-02', '2025-03', '2025-04', '2025-05', '2026-01'].map(lastFriday)).toEqual([
      '2025-02-28',
      '2025-03-28',
      '2025-04-25',
      '2025-05-30',
      '2026-01-30',
    ]);
  });
  test('ageAt counts the birth month as passed', () => {
    expect([ageAt('1985-02', '2025-02-01'), ageAt('1985-03', '2025-02-01'), ageAt('bad', '2025-02-01')]).toEqual([40, 39, null]);
  });
  test('monthsDue', () => {
    expect(monthsDue('2025秋', '2026-01-05')).toEqual(['2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01']);
    expect(monthsDue('2025春', '2025-01-20')).toEqual([]);
  });
  test('rankSchools gives equal values equal ranks (1, 1, 3); a school that has not reported the register is not ranked', () => {
    const line = (code: string, rate: number | null, reported = ['roster', 'reflections']) => ({ code, reported, reflections: { rate } }) as unknown as SchoolSummary;
    expect(rankSchools([line('A', 0.5), line('B', 0.9), line('C', 0.9), line('D', null), line('E', 0, ['roster'])], 'reflectionRate')).toEqual([
      { code: 'B', value: 0.9, rank: 1 },
      { code: 'C', value: 0.9, rank: 1 },
      { code: 'A', value: 0.5, rank: 3 },
      { code: 'D', value: null, rank: null },
      { code: 'E', value: null, rank: null },
    ]);
  });
});

test('on 1 December the current month is not due yet: a month counts once its deadline has passed', () => {
  // 2025秋: the last Fridays are 08-29, 09-26, 10-31, 11-28, 12-26.
  expect(monthsDue('2025秋', '2025-12-01', lastFriday)).toEqual(['2025-08', '2025-09', '2025-10', '2025-11']);
  expect(monthsDue('2025秋', '2025-11-27', lastFriday)).toEqual(['2025-08', '2025-09', '2025-10']);
  // A district deadline moves it: November due on 11-20 → due by 11-27.
  expect(monthsDue('2025秋', '2025-11-27', (m) => (m === '2025-11' ? '2025-11-20' : lastFriday(m)))).toEqual(['2025-08', '2025-09', '2025-10', '2025-11']);
});
