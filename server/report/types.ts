/** What the merged report is written from: the summary, the board, every kind's rows (streamed) and the problems. */
import type { StatusBoard } from '../../shared/contract';
import type { Summary } from '../../shared/metrics';
import type { RegisterInfo } from '../../shared/registers/list';
import type { Cell, NormRecord } from '../../shared/types';

/** One stored row of one school (its normalised values, canonical field names). */
export interface ReportRow {
  /** School code. */
  school: string;
  values: NormRecord['values'];
}

/** Rows may come from memory or straight from a store cursor. */
export type Source<T> = Iterable<T> | AsyncIterable<T>;

/** One open finding for 问题清单. */
export interface ReportIssue {
  /** School code. */
  school: string;
  kind: string | null;
  sheet: string;
  row: number;
  col: string;
  field: string;
  code: string;
  severity: 'error' | 'warning';
  value?: Cell;
  message: string;
}

/** Everything the merged workbook shows. */
export interface ReportData {
  summary: Summary;
  /** The completeness board; without one, 上报情况 lists what the summary says was reported. */
  status?: StatusBoard;
  /** The registers, one sheet each in this order (default: the built-in five). */
  registers?: RegisterInfo[];
  rows: Partial<Record<string, Source<ReportRow>>>;
  issues?: Source<ReportIssue>;
}

/** Who the report is for. */
export interface ReportOptions {
  /** A school's view: the district summary, and only this school's rows, status and problems. */
  school?: string;
  /** Rows between back-pressure checks (default 256). */
  checkEvery?: number;
}
