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

/** A row of any register, in a stream of every register's rows (school by school, as a store keeps them). */
export interface KindRow extends ReportRow {
  /** The register's code. */
  kind: string;
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
  /**
   * The district summary, or how to get it once every row has been written (a source that tallies the rows as
   * they pass: then the store is read once for both).
   */
  summary: Summary | (() => Summary);
  /** Every school's code and name (for the 学校 column when the summary comes only at the end). */
  schools?: readonly { code: string; name: string }[];
  /**
   * The completeness board (or how to get it once every row has been written); without one, 上报情况 lists what
   * the summary says was reported.
   */
  status?: StatusBoard | (() => StatusBoard);
  /** The registers, one sheet each in this order (default: the built-in five). */
  registers?: RegisterInfo[];
  /** Each register's rows, register by register: each sheet is written straight into the workbook. */
  rows?: Partial<Record<string, Source<ReportRow>>>;
  /**
   * Or every register's rows in one stream of pages, in any order (school by school, as a store keeps them): the
   * sheets are filled side by side, each into a temporary file, and placed after 区级汇总 and 上报情况.
   */
  allRows?: Source<readonly KindRow[]>;
  issues?: Source<ReportIssue>;
}

/** Who the report is for. */
export interface ReportOptions {
  /** A school's view: the district summary, and only this school's rows, status and problems. */
  school?: string;
  /** Rows between back-pressure checks (default 256). */
  checkEvery?: number;
}
