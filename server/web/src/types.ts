/** The shapes the page reads: the server's zod contract and the metrics schema, as types only (no zod in the bundle). */
export type {
  BoardCell,
  CrossFinding,
  FindingDto as FindingView,
  Me,
  Receipt,
  StatusBoard as Status,
  Submission as SubmissionView,
  SubmissionList,
} from '../../../shared/contract';
export type { SchoolSummary as SchoolMetrics, Summary, Totals } from '../../../shared/metrics/schema';
