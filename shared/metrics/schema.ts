/** The term summary of DOMAIN.md's district metrics as zod: server, web page and report import these types. */
import { z } from 'zod';
import { MetricSchema } from './indicators';

/** A share 0…1 (4 decimals), or null when its denominator is 0 (no teachers, nothing due…). */
const Ratio = z.number().min(0).nullable();
const Count = z.number().int().min(0);

/** A two-way count table, e.g. 级别 → 获奖等级 → count; every canonical row and column is present. */
export const TableSchema = z.record(z.string(), z.record(z.string(), Count));
/** A two-way count table. */
export type Table = z.infer<typeof TableSchema>;

/** 学月反思 figures. */
export const ReflectionMetricsSchema = z.object({
  /** Months counted as due (term months up to the as-of date). */
  months: z.array(z.string()),
  expected: Count,
  submitted: Count,
  onTime: Count,
  excellent: Count,
  rate: Ratio,
  onTimeRate: Ratio,
  excellentRate: Ratio,
});

/** 论文 figures. */
export const PaperMetricsSchema = z.object({
  count: Count,
  perTeacher: Ratio,
  /** Distinct papers (first author + 题目) at 区县级二等奖 or better, or 已发表. */
  qualified: Count,
  qualifiedPerTeacher: Ratio,
  published: Count,
  /** ≤40 teachers who authored or co-authored at least one paper. */
  under40Authors: Count,
  under40Participation: Ratio,
  /** 级别 × 获奖等级 of rows with 状态 获奖. */
  awards: TableSchema,
});

/** 课题 figures. */
export const ProjectMetricsSchema = z.object({
  count: Count,
  byLevelStage: TableSchema,
  active: Count,
  overdue: Count,
  newThisTerm: Count,
});

/** 课程 figures. */
export const CourseMetricsSchema = z.object({
  count: Count,
  byTypeLevel: TableSchema,
  publicLessons: Count,
  publicLessonsPerTeacher: Ratio,
  trainingHours: z.number().min(0),
  trainingHoursPerTeacher: Ratio,
});

/** Everything measured for one school (and, summed, for the district). */
export const TotalsSchema = z.object({
  teachers: Count,
  under40: Count,
  reflections: ReflectionMetricsSchema,
  papers: PaperMetricsSchema,
  projects: ProjectMetricsSchema,
  courses: CourseMetricsSchema,
});
/** Everything measured for one school or the district. */
export type Totals = z.infer<typeof TotalsSchema>;

/** One school's line of the summary. */
export const SchoolSummarySchema = TotalsSchema.extend({
  code: z.string(),
  name: z.string(),
  type: z.string(),
  /** Which kinds had any rows (a kind never reported shows as 0, this says why). */
  reported: z.array(z.string()),
  /** The register definition's indicators (指标), with their targets. */
  metrics: z.array(MetricSchema).optional(),
});
/** One school's metrics. */
export type SchoolSummary = z.infer<typeof SchoolSummarySchema>;

/** The metrics that are ranked across schools (higher is better). */
export const RANK_KEYS = [
  'reflectionRate',
  'onTimeRate',
  'papersPerTeacher',
  'qualifiedPerTeacher',
  'under40Participation',
  'publicLessonsPerTeacher',
  'trainingHoursPerTeacher',
] as const;
/** One ranked metric. */
export type RankKey = (typeof RANK_KEYS)[number];

/** One school's place on one ranked metric; rank null when the school has no value (e.g. no roster). */
export const RankEntrySchema = z.object({ code: z.string(), value: Ratio, rank: z.number().int().min(1).nullable() });

/** A district target and how far the district and its schools are from it. */
export const TargetSchema = z.object({
  key: z.enum(['qualifiedPerTeacher', 'under40Participation']),
  label: z.string(),
  target: z.number(),
  actual: Ratio,
  met: z.boolean(),
  schoolsMet: Count,
});

/** District totals (pooled: ratios are recomputed from summed counts), targets and ranks. */
export const DistrictSummarySchema = TotalsSchema.extend({
  schools: Count,
  /** The indicators pooled over the schools that reported their register. */
  metrics: z.array(MetricSchema).optional(),
  targets: z.array(TargetSchema),
  ranks: z.record(z.enum(RANK_KEYS), z.array(RankEntrySchema)),
});
/** District totals, targets and ranks. */
export type DistrictSummary = z.infer<typeof DistrictSummarySchema>;

/** GET /api/v1/terms/:term/summary. */
export const SummarySchema = z.object({
  term: z.string(),
  asOf: z.string(),
  /** The registers of the term's definition, in order (code, Chinese title): what `reported` and metrics refer to. */
  registers: z.array(z.object({ code: z.string(), name: z.string() })).optional(),
  schools: z.array(SchoolSummarySchema),
  district: DistrictSummarySchema,
});
/** The term summary. */
export type Summary = z.infer<typeof SummarySchema>;
