/**
 * A register definition compiled for the engine: each register as a Template (columns and rules as the checks
 * read them) and each value set keyed by its code. The built-in definition compiles to exactly the templates the
 * engine has always used (test/shared/registers/parity.test.ts).
 */
import type { FindingCode } from '../findings/codes';
import type { ColumnDef, ColumnType, Rule, Template } from '../templates/template';
import type { ValueSet } from '../templates/value-sets';
import type { CompiledRegisters, KindId } from '../types';
import { RULE_FAMILIES, type Column, type ColumnTypeName, type RegisterDefinition, type RuleRow } from './schema';

const TYPES: Record<ColumnTypeName, ColumnType> = {
  文本: 'text',
  长文本: 'longtext',
  姓名: 'name',
  多个姓名: 'names',
  日期: 'date',
  月份: 'month',
  数字: 'number',
  整数: 'integer',
  取值: 'enum',
  刊号: 'journal',
};

/** The engine's column type of a definition's type name. */
export const columnType = (t: ColumnTypeName): ColumnType => TYPES[t];

/** The code a value set is stored and keyed under. */
export const valueSetCode = (v: { name: string; code?: string }): string => v.code ?? v.name;

function compileColumn(c: Column, setCodes: Map<string, string>): ColumnDef {
  const def: ColumnDef = { name: c.name, type: TYPES[c.type], width: c.width ?? 12 };
  if (c.aliases.length) def.aliases = [...c.aliases];
  if (c.required) def.required = true;
  if (c.valueSet !== undefined) def.values = (setCodes.get(c.valueSet) ?? c.valueSet) as ColumnDef['values'];
  if (c.min !== undefined) def.min = c.min;
  if (c.max !== undefined) def.max = c.max;
  // A minimum on a word count is reported as 字数不足 (word_count), as DOMAIN.md names it.
  if (c.min !== undefined && c.name.endsWith('字数')) def.minCode = 'word_count' satisfies FindingCode;
  if (c.default !== undefined) def.default = c.default;
  if (c.type === '多个姓名') def.split = c.spaceSeparates === false ? 'authors' : 'members';
  if (c.ref) def.ref = c.ref === '名册' ? 'roster' : 'projects';
  if (c.inTerm) def.inTerm = true;
  if (c.hint !== undefined) def.hint = c.hint;
  return def;
}

/** One 规则 row as the engine's rule (the cells each family reads are in docs/registers.md). */
export function compileRule(r: RuleRow, columns: Column[]): Rule {
  const f = r.fields[0] ?? '';
  const other = r.other ?? '';
  const cond = { field: r.condField ?? '', in: [...r.condValues] };
  switch (RULE_FAMILIES[r.rule]) {
    case 'requires':
      return r.other !== undefined
        ? { rule: 'requires', when: cond, fields: [...r.fields], then: { field: other, in: [...r.otherValues] } }
        : { rule: 'requires', when: cond, fields: [...r.fields] };
    case 'forbids':
      return { rule: 'forbids', field: f, unless: cond };
    case 'order':
      return { rule: 'order', before: f, after: other };
    case 'unique':
      return { rule: 'unique', fields: [...r.fields], on: other || f, severity: r.severity === '警告' ? 'warning' : 'error' };
    case 'homonym':
      return { rule: 'homonym', name: f, id: other };
    case 'text_length':
      return { rule: 'text_length', field: f, textField: other, tolerance: r.value ?? 0.1 };
    case 'deadline':
      return { rule: 'deadline', monthField: f, dateField: other };
    case 'month_in_term':
      return { rule: 'month_in_term', field: f };
    case 'per_term_limit':
      return { rule: 'per_term_limit', field: f, values: [...r.condValues], per: other, max: r.value ?? 1 };
    case 'overdue':
      return { rule: 'overdue', field: f, stageField: r.condField ?? '', doneStages: [...r.condValues] };
    case 'similar_text':
      // A long-text column (正文) is compared as a body, anything else as a title.
      return { rule: 'similar_text', fields: r.fields.map((x) => [x, columns.find((c) => c.name === x)?.type === '长文本' ? 'body' : 'title']), per: other };
    case 'same_title':
      return { rule: 'same_title', field: f, per: other };
  }
}

/** The engine's view of a definition. */
export type Compiled = CompiledRegisters;

/** Compiles a (checked) definition for the engine. */
export function compileDefinition(def: RegisterDefinition): Compiled {
  const setCodes = new Map(def.valueSets.map((v) => [v.name, valueSetCode(v)]));
  const valueSets: Record<string, ValueSet> = {};
  for (const v of def.valueSets) {
    const id = valueSetCode(v);
    valueSets[id] = { id, values: Object.fromEntries(v.values.map((x) => [x.value, [...x.aliases]])) };
  }
  const templates: Record<string, Template> = {};
  for (const reg of def.registers) {
    templates[reg.code] = {
      kind: reg.code as KindId,
      title: reg.name,
      hints: [...reg.hints],
      columns: reg.columns.map((c) => compileColumn(c, setCodes)),
      rules: def.rules.filter((r) => r.register === reg.code).map((r) => compileRule(r, reg.columns)),
    };
  }
  return { templates, valueSets };
}
