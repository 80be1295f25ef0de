/**
 * The 条件 of an indicator: a small Chinese condition an officer writes in one cell, e.g.
 *
 *   状态 = 已发表 或 状态 = 获奖 且 级别 ∈ 国家级、省级、市级、区县级 且 获奖等级 ∈ 特等奖、一等奖、二等奖
 *   在岗 ≠ 否 且 出生年月 ≤ 40岁
 *   计划结题日期 < 统计日 且 阶段 ∉ 结题、撤销
 *
 * `或` separates alternatives, `且` joins clauses (且 binds tighter, as in speech). A clause is `字段 op 值`:
 * `=`/`∈` (one of the 、-separated values), `≠`/`∉` (none of them; a blank cell is none of them), `≥ > ≤ <` against
 * a number, a date (2025-09-01, or 统计日 / 学期初 / 学期末), or an age (`40岁`: whole years at the term's start of
 * a 月份/日期 column such as 出生年月); `为空` / `不为空` take no value. Parsing gives problems in Chinese, so the
 * definition check can place them; evaluation is a plain function over a normalised record.
 */
import { ageAt } from '../metrics/calendar';

type Op = '∈' | '∉' | '≥' | '>' | '≤' | '<' | '为空' | '不为空';

/** What a comparison compares with. */
type Operand = { kind: 'number'; value: number } | { kind: 'date'; value: string } | { kind: 'age'; value: number } | { kind: 'day'; which: '统计日' | '学期初' | '学期末' };

export interface Clause {
  field: string;
  op: Op;
  /** For ∈ / ∉. */
  values: string[];
  /** For ≥ > ≤ <. */
  operand?: Operand;
}

/** Alternatives (或) of conjunctions (且). */
export type Condition = Clause[][];

/** The dates a condition may name. */
export interface ConditionDays {
  asOf: string;
  termStart: string;
  termEnd: string;
}

const OPS: [string, Op][] = [
  ['不为空', '不为空'],
  ['为空', '为空'],
  ['>=', '≥'],
  ['<=', '≤'],
  ['!=', '∉'],
  ['≠', '∉'],
  ['∉', '∉'],
  ['∈', '∈'],
  ['≥', '≥'],
  ['≤', '≤'],
  ['=', '∈'],
  ['>', '>'],
  ['<', '<'],
];

const list = (s: string) =>
  s
    .split(/[、，,;；]+/)
    .map((x) => x.trim())
    .filter(Boolean);

function operand(s: string): Operand | null {
  const t = s.trim();
  if (t === '统计日' || t === '学期初' || t === '学期末') return { kind: 'day', which: t };
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return { kind: 'date', value: t };
  const age = /^(\d{1,3})\s*(?:周岁|岁)$/.exec(t);
  if (age) return { kind: 'age', value: Number(age[1]) };
  if (/^-?\d+(?:\.\d+)?$/.test(t)) return { kind: 'number', value: Number(t) };
  return null;
}

function parseClause(s: string): Clause | string {
  const t = s.trim();
  if (!t) return '条件中有空的部分（“且”或“或”的两边都要写条件）';
  for (const [sym, op] of OPS) {
    const i = t.indexOf(sym);
    if (i < 0) continue;
    const field = t.slice(0, i).trim();
    const rest = t.slice(i + sym.length).trim();
    if (!field) return `“${t}”缺少字段名（应写成如“状态 = 已发表”）`;
    if (op === '为空' || op === '不为空') {
      if (rest) return `“${t}”：“${sym}”之后不应再写取值`;
      return { field, op, values: [] };
    }
    if (!rest) return `“${t}”缺少取值`;
    if (op === '∈' || op === '∉') return { field, op, values: list(rest) };
    const o = operand(rest);
    if (!o) return `“${t}”：“${rest}”不是数字、日期（如 2025-09-01、统计日、学期初、学期末）或年龄（如 40岁）`;
    return { field, op, values: [], operand: o };
  }
  return `“${t}”没有比较符号（可用 =、≠、∈、∉、≥、>、≤、<、为空、不为空）`;
}

/** Parses a condition; `problems` lists what cannot be read (then the condition is null). */
export function parseCondition(text: string): { condition: Condition | null; problems: string[] } {
  const problems: string[] = [];
  const condition: Condition = [];
  for (const alt of text.split('或')) {
    const clauses: Clause[] = [];
    for (const part of alt.split('且')) {
      const c = parseClause(part);
      if (typeof c === 'string') problems.push(c);
      else clauses.push(c);
    }
    condition.push(clauses);
  }
  return problems.length ? { condition: null, problems } : { condition, problems };
}

/** The fields a condition reads (for the definition check). */
export function conditionFields(c: Condition): string[] {
  return [...new Set(c.flat().map((x) => x.field))];
}

type Value = string | number | boolean | string[] | null | undefined;

/** A value as the texts a set test compares (是/否 for booleans; each name of a list). */
function texts(v: Value): string[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v.map((x) => String(x).trim()).filter(Boolean);
  if (typeof v === 'boolean') return [v ? '是' : '否'];
  const t = String(v).trim();
  return t ? [t] : [];
}

function compare(op: Op, a: number | string, b: number | string): boolean {
  switch (op) {
    case '≥':
      return a >= b;
    case '>':
      return a > b;
    case '≤':
      return a <= b;
    case '<':
      return a < b;
    default:
      return false;
  }
}

function holds(c: Clause, v: Value, days: ConditionDays): boolean {
  const t = texts(v);
  switch (c.op) {
    case '为空':
      return t.length === 0;
    case '不为空':
      return t.length > 0;
    case '∈':
      return t.some((x) => c.values.includes(x));
    case '∉':
      return !t.some((x) => c.values.includes(x));
  }
  const o = c.operand!;
  const s = t[0] ?? '';
  if (!s) return false;
  switch (o.kind) {
    case 'number': {
      const n = typeof v === 'number' ? v : Number(s);
      return Number.isFinite(n) && compare(c.op, n, o.value);
    }
    case 'date':
      return compare(c.op, s.slice(0, 10), o.value);
    case 'day':
      return compare(c.op, s.slice(0, 10), o.which === '统计日' ? days.asOf : o.which === '学期初' ? days.termStart : days.termEnd);
    case 'age': {
      const age = ageAt(s, days.termStart);
      return age !== null && compare(c.op, age, o.value);
    }
  }
}

/** Whether a record meets the condition (an empty condition always holds). */
export function meetsCondition(c: Condition, values: Record<string, Value>, days: ConditionDays): boolean {
  if (c.length === 0) return true;
  return c.some((alt) => alt.every((clause) => holds(clause, values[clause.field], days)));
}
