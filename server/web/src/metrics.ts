/** The district metrics the page shows (DOMAIN.md), as columns: label, accessor, format, and target if any. */
import { num, percent } from './format';
import type { Totals } from './types';

/** One metric column. */
export interface Metric {
  key: string;
  label: string;
  /** Group heading (在岗教师 / 学月反思 / 论文 / 课题 / 课程). */
  group: string;
  get: (s: Totals) => number | null | undefined;
  format: (x: number | null | undefined) => string;
  /** The district's target: met when the value is at least this. */
  target?: number;
  targetLabel?: string;
  /** True for rates in 0..1 (charts show them as percent). */
  rate?: boolean;
  /** The register the figure comes from: a school that has not reported it shows 未上报, not 0. */
  kind: 'roster' | 'reflections' | 'papers' | 'projects' | 'courses';
}

const int = (x: number | null | undefined) => num(x, 0);
const pct = (x: number | null | undefined) => percent(x);
const dec = (x: number | null | undefined) => num(x, 2);

/** Every metric column, in the order of the 区级汇总 sheet. */
export const METRICS: Metric[] = [
  { key: 'teachers', group: '教师', kind: 'roster', label: '在岗教师', get: (s) => s.teachers, format: int },
  { key: 'under40', group: '教师', kind: 'roster', label: '≤40岁教师', get: (s) => s.under40, format: int },
  { key: 'refl.expected', group: '学月反思', kind: 'reflections', label: '应交', get: (s) => s.reflections?.expected, format: int },
  { key: 'refl.submitted', group: '学月反思', kind: 'reflections', label: '实交', get: (s) => s.reflections?.submitted, format: int },
  { key: 'refl.rate', group: '学月反思', kind: 'reflections', label: '完成率', get: (s) => s.reflections?.rate, format: pct, rate: true },
  { key: 'refl.onTime', group: '学月反思', kind: 'reflections', label: '按时率', get: (s) => s.reflections?.onTimeRate, format: pct, rate: true },
  { key: 'refl.excellent', group: '学月反思', kind: 'reflections', label: '优秀率', get: (s) => s.reflections?.excellentRate, format: pct, rate: true },
  { key: 'papers.count', group: '论文', kind: 'papers', label: '篇数', get: (s) => s.papers?.count, format: int },
  { key: 'papers.perTeacher', group: '论文', kind: 'papers', label: '人均篇数', get: (s) => s.papers?.perTeacher, format: dec },
  {
    key: 'papers.qualified',
    group: '论文', kind: 'papers',
    label: '县二等奖以上或发表人均',
    get: (s) => s.papers?.qualifiedPerTeacher,
    format: dec,
    target: 1,
    targetLabel: '县二等奖及以上或公开发表的论文人均一篇',
  },
  { key: 'papers.published', group: '论文', kind: 'papers', label: '发表', get: (s) => s.papers?.published, format: int },
  {
    key: 'papers.under40',
    group: '论文', kind: 'papers',
    label: '≤40岁参与率',
    get: (s) => s.papers?.under40Participation,
    format: pct,
    rate: true,
    target: 1,
    targetLabel: '40周岁以下教师论文全员参与（100%）',
  },
  { key: 'projects.total', group: '课题', kind: 'projects', label: '总数', get: (s) => s.projects?.count, format: int },
  { key: 'projects.active', group: '课题', kind: 'projects', label: '在研', get: (s) => s.projects?.active, format: int },
  { key: 'projects.overdue', group: '课题', kind: 'projects', label: '逾期未结题', get: (s) => s.projects?.overdue, format: int },
  { key: 'courses.total', group: '课程', kind: 'courses', label: '登记', get: (s) => s.courses?.count, format: int },
  { key: 'courses.public', group: '课程', kind: 'courses', label: '公开课人均', get: (s) => s.courses?.publicLessonsPerTeacher, format: dec },
  { key: 'courses.training', group: '课程', kind: 'courses', label: '培训学时人均', get: (s) => s.courses?.trainingHoursPerTeacher, format: dec },
];

/** Whether a school's line lacks the metric's register (the district line, without `reported`, never does). */
export function notReported(m: Metric, s: Totals & { reported?: string[] }): boolean {
  return s.reported !== undefined && !s.reported.includes(m.kind);
}

/** A school's value of a metric; undefined when it has not reported the register (left out of targets, ranks and charts). */
export function schoolValue(m: Metric, s: Totals & { reported?: string[] }): number | null | undefined {
  return notReported(m, s) ? undefined : m.get(s);
}

/** 'met' / 'missed' for a metric with a target, undefined otherwise (or when the value is missing). */
export function targetState(m: Metric, value: number | null | undefined): 'met' | 'missed' | undefined {
  if (m.target === undefined || value === null || value === undefined || !Number.isFinite(value)) return undefined;
  // A small tolerance: 0.9999 from a division is 100%.
  return value >= m.target - 1e-9 ? 'met' : 'missed';
}
