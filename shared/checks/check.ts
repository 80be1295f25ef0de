/** What a check is: a plug-in for one rule type, with row and end-of-sheet hooks and the codes it may emit. */
import type { FindingCode, Severity } from '../findings/codes';
import type { FindingParams } from '../findings/finding';
import type { MappedColumn } from '../header';
import type { TermInfo } from '../term';
import type { Rule, Template } from '../templates';
import type { Cell, ValidateOptions } from '../types';

/** A normalised value of one field. */
export type Value = string | number | boolean | string[] | null;

/** One data row while a sheet is validated. */
export interface Row {
  /** Excel row number. */
  row: number;
  values: Record<string, Value>;
  /** The row's raw cells (0-based by column index). */
  cells: Cell[];
}

/** A finding as a check reports it; the engine adds sheet, column letter, message and default severity. */
export interface Report {
  code: FindingCode;
  row: number;
  field: string;
  value?: Cell;
  fix?: Cell;
  severity?: Severity;
  params?: FindingParams;
}

/** What a check sees of the sheet being validated. */
export interface CheckContext {
  sheet: string;
  template: Template;
  term: TermInfo;
  asOf: string;
  options: ValidateOptions;
  /** The sheet column of a field, if the sheet has it. */
  column(field: string): MappedColumn | undefined;
  /** The raw cell of a field in a row (undefined when the column is absent). */
  cell(row: Row, field: string): Cell;
  report(r: Report): void;
  /** Rows grouped by the comparison key of a field (built once per sheet, shared by checks): a lone row or a list. */
  groups(field: string): Map<string, Row | Row[]>;
}

/** A check for one rule type. */
export interface Check<R extends Rule = Rule> {
  rule: R['rule'];
  codes: readonly FindingCode[];
  row?(rule: R, row: Row, ctx: CheckContext): void;
  end?(rule: R, rows: Row[], ctx: CheckContext): void;
}

/** Is a value filled (not null, not empty text, not an empty list)? */
export function filled(v: Value | undefined): boolean {
  if (v === null || v === undefined || v === '') return false;
  return !(Array.isArray(v) && v.length === 0);
}

/** Does a row meet a condition on a normalised enum value? */
export function holds(row: Row, cond: { field: string; in: string[] }): boolean {
  const v = row.values[cond.field];
  return typeof v === 'string' && cond.in.includes(v);
}
