/**
 * The register definition (登记表定义) in its canonical form: the data a district edits (as a workbook, see
 * server/registers/workbook.ts) and every part of Yanbiao is driven by. Rows are kept as an officer writes them —
 * Chinese type names, rule families and calculations — and compiled for the engine by compile.ts.
 * See docs/registers.md.
 */
import { z } from 'zod';
import { parseCondition } from './condition';

/** Column types, as the 列 sheet names them. */
export const COLUMN_TYPES = ['文本', '长文本', '姓名', '多个姓名', '日期', '月份', '数字', '整数', '取值', '刊号'] as const;
export type ColumnTypeName = (typeof COLUMN_TYPES)[number];

/** What a column may refer to. */
export const REFERENCES = ['名册', '课题'] as const;

/** Rule families, by the Chinese names of the 规则 sheet (the engine's family in brackets). */
export const RULE_FAMILIES = {
  条件必填: 'requires',
  条件禁填: 'forbids',
  先后: 'order',
  不得重复: 'unique',
  重名需工号: 'homonym',
  字数核对: 'text_length',
  截止日期: 'deadline',
  月份在学期内: 'month_in_term',
  每学期限次: 'per_term_limit',
  逾期: 'overdue',
  相似文本: 'similar_text',
  同题: 'same_title',
} as const;
export type RuleFamilyName = keyof typeof RULE_FAMILIES;

/** Indicator calculations of the 指标 sheet (docs/registers.md says what each counts). */
export const CALCULATIONS = [
  '行数',
  '合计',
  '人均行数',
  '人均合计',
  '达标人数',
  '达标率',
  '去重行数',
  '人均去重行数',
  '应交月数',
  '实交月数',
  '完成率',
  '按时率',
  '按月占比',
  '参与人数',
  '参与率',
  '交叉表',
] as const;
export type CalculationName = (typeof CALCULATIONS)[number];

/** A register code: a stable id, lower-case ASCII (`papers`, `lesson_visits`). */
export const CODE_RE = /^[a-z][a-z0-9_]{0,39}$/;

const Name = z.string().trim().min(1).max(60);
const Names = z.array(Name);

export const ColumnSchema = z.object({
  name: Name,
  aliases: Names.default([]),
  type: z.enum(COLUMN_TYPES),
  required: z.boolean().default(false),
  valueSet: Name.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  ref: z.enum(REFERENCES).optional(),
  /** Value taken when the cell is blank (a value of the column's value set). */
  default: z.string().optional(),
  /** For 多个姓名: whether spaces separate names too (成员 lists: yes; author lists, whose names may hold a space: no). */
  spaceSeparates: z.boolean().optional(),
  /** For 日期: a date outside the term is a warning. */
  inTerm: z.boolean().optional(),
  /** Width in Excel character units (CJK text needs about two per character). */
  width: z.number().int().min(2).max(120).optional(),
  /** Short hint shown in templates. */
  hint: z.string().max(255).optional(),
});
export type Column = z.infer<typeof ColumnSchema>;

export const RegisterSchema = z.object({
  code: z.string().regex(CODE_RE),
  name: Name,
  hints: Names.default([]),
  columns: z.array(ColumnSchema).min(1),
});
export type Register = z.infer<typeof RegisterSchema>;

export const ValueSetSchema = z.object({
  name: Name,
  /** A stable id the stored data and metrics use (the built-in sets keep theirs); defaults to the name. */
  code: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/).optional(),
  values: z.array(z.object({ value: Name, aliases: Names.default([]) })).min(1),
});
export type ValueSetDef = z.infer<typeof ValueSetSchema>;

/** One row of the 规则 sheet; which cells a family uses is in docs/registers.md. */
export const RuleRowSchema = z.object({
  register: z.string().regex(CODE_RE),
  rule: z.enum(Object.keys(RULE_FAMILIES) as [RuleFamilyName, ...RuleFamilyName[]]),
  fields: Names.default([]),
  condField: Name.optional(),
  condValues: Names.default([]),
  other: Name.optional(),
  otherValues: Names.default([]),
  value: z.number().optional(),
  severity: z.enum(['错误', '警告']).optional(),
  note: z.string().max(200).optional(),
});
export type RuleRow = z.infer<typeof RuleRowSchema>;

/** A target such as `≥ 1`, `= 100%`, `> 0.5`: comparison and value (percentages as shares). */
export const TARGET_RE = /^\s*(≥|>=|≤|<=|>|<|=)\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/;

/** A target parsed, or null when the text is not one. */
export function parseTarget(text: string): { op: '≥' | '>' | '≤' | '<' | '='; value: number; percent: boolean } | null {
  const m = TARGET_RE.exec(text);
  if (!m) return null;
  const op = ({ '>=': '≥', '<=': '≤' } as Record<string, '≥' | '≤'>)[m[1]] ?? (m[1] as '≥' | '>' | '≤' | '<' | '=');
  const percent = m[3] === '%';
  return { op, value: percent ? Number(m[2]) / 100 : Number(m[2]), percent };
}

const Condition = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .superRefine((t, ctx) => {
    for (const message of parseCondition(t).problems) ctx.addIssue({ code: 'custom', message });
  });

export const IndicatorSchema = z.object({
  register: z.string().regex(CODE_RE),
  name: Name,
  calc: z.enum(CALCULATIONS),
  field: Name.optional(),
  condField: Name.optional(),
  condValues: Names.default([]),
  value: z.number().optional(),
  target: z.string().refine((t) => parseTarget(t) !== null, { message: '目标应写成如 ≥ 1、= 100%、> 0.5' }).optional(),
  /** 条件: a compound condition on the register's rows (shared/registers/condition.ts), with 条件字段/条件取值. */
  condition: Condition.optional(),
  /** 名册条件: the teachers counted (per-teacher, 达标 and 参与 calculations), a condition on 在岗 roster rows. */
  rosterCondition: Condition.optional(),
  /** 排名: schools are ranked on this indicator (highest first). */
  rank: z.boolean().optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const RegisterDefinitionSchema = z.object({
  name: z.string().trim().min(1).max(100),
  registers: z.array(RegisterSchema).min(1),
  valueSets: z.array(ValueSetSchema),
  rules: z.array(RuleRowSchema),
  indicators: z.array(IndicatorSchema),
});
export type RegisterDefinition = z.infer<typeof RegisterDefinitionSchema>;
