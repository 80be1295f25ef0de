/** What a check is: a plug-in for one rule type that makes one pass over a sheet's data rows, and the codes it may emit. */
import type { FindingCode, Severity } from '../findings/codes';
import type { FindingParams } from '../findings/finding';
import type { MappedColumn } from '../header';
import type { TermInfo } from '../term';
import type { Rule, Template } from '../templates';
import type { Table } from '../table';
import type { Cell, ValidateOptions } from '../types';

/** A normalised value of one field. */
export type Value = string | number | boolean | string[] | null;

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
  report(r: Report): void;
  /**
   * Data rows that share the comparison key (keyOf) of a field, one list of row indices per key held by more than one
   * row (built once per sheet and shared by checks; rows with a blank value belong to none).
   */
  groups(field: string): Iterable<number[]>;
}

/** A check for one rule type: one pass over the sheet's data rows, column by column. */
export interface Check<R extends Rule = Rule> {
  rule: R['rule'];
  codes: readonly FindingCode[];
  run(rule: R, t: Table, ctx: CheckContext): void;
}

/** Is a value filled (not null, not empty text, not an empty list)? */
export function filled(v: Value | undefined): boolean {
  if (v === null || v === undefined || v === '') return false;
  return !(Array.isArray(v) && v.length === 0);
}

/** Is a normalised enum value one of the listed ones? */
export function isIn(v: Value | undefined, values: readonly string[]): boolean {
  return typeof v === 'string' && values.includes(v);
}
