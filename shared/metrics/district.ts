/** District totals (pooled from the schools' counts), the two targets, and ranks of schools. */
import { ratio } from './calendar';
import { RANK_KEYS, type DistrictSummary, type RankKey, type SchoolSummary, type Totals } from './schema';
import { rankEntries } from './indicators';
import { sumTables } from './tables';
import { AWARDS, COURSE_TYPES, LEVELS, STAGES } from './values';

const sum = (xs: SchoolSummary[], f: (s: SchoolSummary) => number) => xs.reduce((a, s) => a + f(s), 0);

/** How each ranked metric is read from a school's line. */
export const RANK_VALUE: Record<RankKey, (t: Totals) => number | null> = {
  reflectionRate: (t) => t.reflections.rate,
  onTimeRate: (t) => t.reflections.onTimeRate,
  papersPerTeacher: (t) => t.papers.perTeacher,
  qualifiedPerTeacher: (t) => t.papers.qualifiedPerTeacher,
  under40Participation: (t) => t.papers.under40Participation,
  publicLessonsPerTeacher: (t) => t.courses.publicLessonsPerTeacher,
  trainingHoursPerTeacher: (t) => t.courses.trainingHoursPerTeacher,
};

/** Chinese column titles of the ranked metrics (report and web page). */
export const RANK_LABELS: Record<RankKey, string> = {
  reflectionRate: '反思完成率',
  onTimeRate: '反思按时率',
  papersPerTeacher: '论文人均篇数',
  qualifiedPerTeacher: '县二等奖及以上或发表人均',
  under40Participation: '40岁以下论文参与率',
  publicLessonsPerTeacher: '公开课人均',
  trainingHoursPerTeacher: '培训学时人均',
};

/**
 * Summed counts with ratios recomputed from the sums (a big school weighs more than a small one). A school with no
 * roster yet counts in every total but not in the ratios: its rows have no denominator, and adding them to other
 * schools' teachers would inflate the district's per-teacher figures.
 */
export function districtTotals(schools: SchoolSummary[]): Totals {
  const counted = schools.filter((s) => s.teachers > 0);
  const teachers = sum(schools, (s) => s.teachers);
  const under40 = sum(schools, (s) => s.under40);
  const r = (f: (s: SchoolSummary['reflections']) => number) => sum(schools, (s) => f(s.reflections));
  const p = (f: (s: SchoolSummary['papers']) => number) => sum(schools, (s) => f(s.papers));
  const expected = r((x) => x.expected);
  const submitted = r((x) => x.submitted);
  const rated = (f: (s: SchoolSummary) => number) => sum(counted, f);
  const onTime = r((x) => x.onTime);
  const excellent = r((x) => x.excellent);
  const papers = p((x) => x.count);
  const qualified = p((x) => x.qualified);
  const under40Authors = p((x) => x.under40Authors);
  const lessons = sum(schools, (s) => s.courses.publicLessons);
  const hours = Math.round(sum(schools, (s) => s.courses.trainingHours) * 100) / 100;
  return {
    teachers,
    under40,
    reflections: {
      months: schools[0]?.reflections.months ?? [],
      expected,
      submitted,
      onTime,
      excellent,
      rate: ratio(rated((s) => s.reflections.submitted), expected),
      onTimeRate: ratio(onTime, submitted),
      excellentRate: ratio(excellent, submitted),
    },
    papers: {
      count: papers,
      perTeacher: ratio(rated((s) => s.papers.count), teachers),
      qualified,
      qualifiedPerTeacher: ratio(rated((s) => s.papers.qualified), teachers),
      published: p((x) => x.published),
      under40Authors,
      under40Participation: ratio(under40Authors, under40),
      awards: sumTables(schools.map((s) => s.papers.awards), LEVELS, AWARDS),
    },
    projects: {
      count: sum(schools, (s) => s.projects.count),
      byLevelStage: sumTables(schools.map((s) => s.projects.byLevelStage), LEVELS, STAGES),
      active: sum(schools, (s) => s.projects.active),
      overdue: sum(schools, (s) => s.projects.overdue),
      newThisTerm: sum(schools, (s) => s.projects.newThisTerm),
    },
    courses: {
      count: sum(schools, (s) => s.courses.count),
      byTypeLevel: sumTables(schools.map((s) => s.courses.byTypeLevel), COURSE_TYPES, LEVELS),
      publicLessons: lessons,
      publicLessonsPerTeacher: ratio(rated((s) => s.courses.publicLessons), teachers),
      trainingHours: hours,
      trainingHoursPerTeacher: ratio(rated((s) => s.courses.trainingHours), teachers),
    },
  };
}

/** The register each ranked metric comes from: a school that has not reported it is not ranked on it. */
export const RANK_KIND: Record<RankKey, string> = {
  reflectionRate: 'reflections',
  onTimeRate: 'reflections',
  papersPerTeacher: 'papers',
  qualifiedPerTeacher: 'papers',
  under40Participation: 'papers',
  publicLessonsPerTeacher: 'courses',
  trainingHoursPerTeacher: 'courses',
};

/** A school's value of a ranked metric; null when it has not reported the register (未上报: no 0, no rank). */
function rankValue(s: SchoolSummary, key: RankKey): number | null {
  return s.reported.includes(RANK_KIND[key]) ? RANK_VALUE[key](s) : null;
}

/** Competition ranking (1, 2, 2, 4), highest first; schools without a value come last with rank null. */
export function rankSchools(schools: SchoolSummary[], key: RankKey): DistrictSummary['ranks'][RankKey] {
  return rankEntries(schools.map((s) => ({ code: s.code, value: rankValue(s, key) })));
}

/** The district line: totals, the targets (人均一篇; ≤40 全员参与) and every ranking. */
export function districtSummary(schools: SchoolSummary[]): DistrictSummary {
  const totals = districtTotals(schools);
  const target = (key: 'qualifiedPerTeacher' | 'under40Participation', label: string, actual: number | null) => ({
    key,
    label,
    target: 1,
    actual,
    met: actual !== null && actual >= 1,
    schoolsMet: schools.filter((s) => (rankValue(s, key) ?? 0) >= 1).length,
  });
  const ranks = Object.fromEntries(RANK_KEYS.map((k) => [k, rankSchools(schools, k)])) as DistrictSummary['ranks'];
  return {
    ...totals,
    schools: schools.length,
    targets: [
      target('qualifiedPerTeacher', '县二等奖及以上或公开发表的论文人均一篇', totals.papers.qualifiedPerTeacher),
      target('under40Participation', '40岁以下教师论文全员参与', totals.papers.under40Participation),
    ],
    ranks,
  };
}
