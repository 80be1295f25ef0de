/** A finding is data: where, what, the offending value and (if safe) the fix. The message comes from messages-zh. */
import type { Cell } from '../types';
import type { FindingCode, Severity } from './codes';

/** Extra facts a message may use (allowed values, limits, the other row of a duplicate…). */
export type FindingParams = {
  allowed?: string[];
  min?: number;
  max?: number;
  expected?: string;
  other?: string; // e.g. "第 12 行" or "学校 WTQ-SY 论文 第 5 行"
  suggestion?: string;
  rule?: string; // for requires/forbids/order: a short Chinese description of the rule
  deadline?: string;
  count?: number;
  similarity?: number;
};

/** One finding, exactly as DOMAIN.md defines it. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** Excel row number (1-based, as a person sees it). */
  row: number;
  /** Column letter, '' when the finding is about the whole row/sheet. */
  col: string;
  /** Canonical column name of DOMAIN.md (e.g. 教师), '' for whole-sheet findings. */
  field: string;
  value: Cell;
  /** Chinese message for a coordinator. */
  message: string;
  /** The safe correction, when one exists. */
  fix?: Cell;
  params?: FindingParams;
}
