/** The shape of a template: a register kind's columns and rules, as data. */
import type { FindingCode, Severity } from '../findings/codes';
import type { KindId } from '../types';
import type { ValueSetId } from './value-sets';

/** How a column's cells are read and normalised. */
export type ColumnType =
  | 'text' // trimmed text
  | 'longtext' // free text (正文): kept as is, never checked beyond trimming
  | 'name' // one person's name
  | 'names' // several names (成员, or 教师 with co-authors)
  | 'date'
  | 'month'
  | 'number'
  | 'integer'
  | 'enum'
  | 'journal'; // 刊号: ISSN and/or CN

/** One column of a template. */
export interface ColumnDef {
  /** Canonical header (DOMAIN.md). */
  name: string;
  /** Header spellings that mean this column. */
  aliases?: string[];
  type: ColumnType;
  required?: boolean;
  values?: ValueSetId;
  min?: number;
  max?: number;
  /** The finding code when `min` is broken (字数 < 800 is `word_count`, not `min`). */
  minCode?: FindingCode;
  /** Value taken when the cell is blank. */
  default?: string;
  /** For `names`: separators between names. */
  split?: 'members' | 'authors';
  /** Cross-sheet reference checked at workbook level. */
  ref?: 'roster' | 'projects';
  /** A date outside the term is a warning. */
  inTerm?: boolean;
  /** Column width in Excel character units (CJK text needs about two per character). */
  width: number;
  /** Short Chinese hint shown in templates (input message of the data validation). */
  hint?: string;
}

/** A condition on a normalised field value. */
export interface Cond {
  field: string;
  in: string[];
}

/** A row, cross-row or cross-sheet rule, interpreted by the check registered for its `rule`. */
export type Rule =
  /** When `when` holds: every field in `fields` must be filled, and `then` (if given) must hold. */
  | { rule: 'requires'; when: Cond; fields?: string[]; then?: Cond }
  | { rule: 'forbids'; field: string; unless: Cond }
  | { rule: 'order'; before: string; after: string }
  /** The combination of `fields` may appear once; rows are grouped by `on` (reported there), the most telling field. */
  | { rule: 'unique'; fields: string[]; on: string; severity: Severity }
  | { rule: 'homonym'; name: string; id: string }
  | { rule: 'text_length'; field: string; textField: string; tolerance: number }
  | { rule: 'deadline'; monthField: string; dateField: string }
  | { rule: 'month_in_term'; field: string }
  | { rule: 'per_term_limit'; field: string; values: string[]; per: string; max: number }
  | { rule: 'overdue'; field: string; stageField: string; doneStages: string[] }
  /** Near-duplicate texts under different `per` values; each field with its comparison rule (title/body). */
  | { rule: 'similar_text'; fields: [string, 'title' | 'body'][]; per: string }
  /** One 题目 under different `per` values (a warning: 抄袭嫌疑). */
  | { rule: 'same_title'; field: string; per: string };

/** A register kind's template. */
export interface Template {
  kind: KindId;
  /** Chinese name used for sheet tabs and report sheets. */
  title: string;
  /** Words that, in a tab name or title row, hint at this kind. */
  hints: string[];
  columns: ColumnDef[];
  rules: Rule[];
}

/** Headers recognised on every kind and never checked (序号 is numbering; 备注 is kept as is). */
export const PASSIVE_HEADERS = ['序号', '编号序号', '备注', '说明'];
