/** District metrics: per-school and district figures of DOMAIN.md from normalised records. */
export * from './schema';
export { computeSummary, assembleSummary, type SummaryInput, type SummarySchool } from './summary';
export { SchoolTally, type TallyContext, type SchoolRef } from './tally';
export { RANK_LABELS, RANK_VALUE, districtTotals, rankSchools } from './district';
export { lastFriday, monthsDue, ageAt } from './calendar';
export { isQualified } from './papers';
export { LEVELS, AWARDS, STAGES, COURSE_TYPES } from './values';
export { IndicatorTally, districtMetrics, meets, MetricSchema, type Metric } from './indicators';
