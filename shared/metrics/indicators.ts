/**
 * The indicators (指标) of a register definition, evaluated per school from the same record stream as the other
 * metrics, and pooled for the district (counts summed, ratios recomputed from summed numerators and denominators).
 * Each has the value the summary shows, its target when the definition gives one, whether it is met, and its rank
 * when the definition ranks it. A school that has not reported the indicator's register has no value (未上报) and
 * is left out of the target and the ranking.
 *
 * What each calculation counts is in docs/registers.md. The built-in definition's indicators reproduce DOMAIN.md's
 * metrics exactly (test/shared/metrics/indicator-parity.test.ts).
 */
import { z } from 'zod';
import { parseCondition, type Condition, type ConditionDays, meetsCondition } from '../registers/condition';
import { parseTarget, type CalculationName, type Indicator, type RegisterDefinition } from '../registers/schema';
import { splitList } from '../registers/sheets';
import { num, text, type Values } from './fields';
import { ON_TIME, TeacherMonths } from './teacher-months';
import type { People } from './people';

/** A count table (交叉表): rows × columns, every value of the columns' value sets present. */
const TableSchema = z.record(z.string(), z.record(z.string(), z.number()));

/** How a value reads: a count or sum, a per-teacher figure, a share, or a table. */
export const METRIC_FORMATS = ['number', 'perTeacher', 'percent', 'table'] as const;

/** One indicator's value in the summary. */
export const MetricSchema = z.object({
  register: z.string(),
  name: z.string(),
  format: z.enum(METRIC_FORMATS),
  /** null when the school has not reported the register (未上报) or the denominator is 0. */
  value: z.number().nullable(),
  reported: z.boolean(),
  target: z.string().optional(),
  met: z.boolean().optional(),
  /** Place among the district's schools (1 = highest); null without a value. Only for ranked indicators. */
  rank: z.number().int().min(1).nullable().optional(),
  /** District only: schools meeting the target. */
  schoolsMet: z.number().int().optional(),
  /** For 交叉表: the counts; the first field's values are the rows. */
  table: TableSchema.optional(),
  /** The two fields of a 交叉表 (rows, columns). */
  axes: z.array(z.string()).optional(),
  /** What the value is made of (pooled for the district). */
  num: z.number(),
  den: z.number().nullable(),
});
export type Metric = z.infer<typeof MetricSchema>;

/** Calculations whose value is num ÷ den, and how each reads. */
const FORMAT: Record<CalculationName, Metric['format']> = {
  行数: 'number',
  合计: 'number',
  去重行数: 'number',
  应交月数: 'number',
  实交月数: 'number',
  达标人数: 'number',
  参与人数: 'number',
  人均行数: 'perTeacher',
  人均合计: 'perTeacher',
  人均去重行数: 'perTeacher',
  达标率: 'percent',
  完成率: 'percent',
  按时率: 'percent',
  按月占比: 'percent',
  参与率: 'percent',
  交叉表: 'table',
};
const isRatio = (c: CalculationName) => FORMAT[c] === 'perTeacher' || FORMAT[c] === 'percent';
/** Calculations over teacher-months of a monthly register. */
const MONTHLY = new Set<CalculationName>(['应交月数', '实交月数', '完成率', '按时率', '按月占比']);

/** The value format of a calculation. */
export const formatOf = (c: CalculationName): Metric['format'] => FORMAT[c];

/** Whether `value` meets `target` (`≥ 1`, `= 100%` …). */
export function meets(value: number, target: string): boolean {
  const t = parseTarget(target);
  if (!t) return false;
  const eps = 1e-9;
  switch (t.op) {
    case '≥':
      return value >= t.value - eps;
    case '>':
      return value > t.value + eps;
    case '≤':
      return value <= t.value + eps;
    case '<':
      return value < t.value - eps;
    case '=':
      return Math.abs(value - t.value) <= eps;
  }
}

function names(v: Values[string] | undefined): string[] {
  if (Array.isArray(v)) return v.map((x) => String(x).trim()).filter(Boolean);
  const t = text(v);
  return t ? [t] : [];
}

/** A field list cell (字段 of 去重行数 and 交叉表 names several, 、-separated), split as the workbook splits lists. */
export const fieldList = (s: string | undefined): string[] => splitList(s ?? '');

/** The whole row condition of an indicator: 条件字段 ∈ 条件取值, and 条件 when given. */
export function rowCondition(def: Pick<Indicator, 'condField' | 'condValues' | 'condition'>): Condition {
  const simple = def.condField ? [{ field: def.condField, op: '∈' as const, values: [...def.condValues] }] : [];
  const compound = def.condition ? (parseCondition(def.condition).condition ?? []) : [];
  if (!compound.length) return simple.length ? [simple] : [];
  return compound.map((alt) => [...simple, ...alt]);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

// A teacher-month's own flag besides ON_TIME (teacher-months.ts): the row meets the indicator's condition.
const MEETS = 4;

interface Acc {
  def: Indicator;
  calc: CalculationName;
  cond: Condition;
  group: Condition;
  fields: string[];
  teacherField: string | undefined;
  monthField: string | undefined;
  dateField: string | undefined;
  rows: number;
  sum: number;
  distinct: Set<string>;
  perTeacher: Map<string, number>;
  /** Teacher-months: on time, meets the condition (按月占比). */
  months: TeacherMonths;
  table: Record<string, Record<string, number>>;
  /**
   * Whether this accumulator fills its `distinct` or `months`: indicators that would fill them alike (the same
   * register, fields, columns and condition: 实交月数, 完成率 and 按时率 of one register) share one, filled once, so
   * a school's tally holds each teacher-month and each distinct key once however many indicators read them.
   */
  owner: boolean;
}

/** The row and column values of a 交叉表: the value set's values in order (every one shown, as 0 when none). */
function axisValues(definition: RegisterDefinition, register: string, field: string): string[] {
  const col = definition.registers.find((r) => r.code === register)?.columns.find((c) => c.name === field);
  const set = col?.valueSet ? definition.valueSets.find((v) => v.name === col.valueSet) : undefined;
  return set ? set.values.map((v) => v.value) : [];
}

/** Accumulates one school's indicators record by record. */
export class IndicatorTally {
  private readonly accs: Acc[];
  /** The accumulators of each register, so a row visits only its own register's indicators. */
  private readonly byRegister = new Map<string, Acc[]>();
  private readonly reported = new Set<string>();
  private readonly due: Set<string>;

  constructor(
    private readonly definition: RegisterDefinition,
    private readonly monthsDue: string[],
    private readonly deadlineOf: (month: string) => string,
    private readonly days: ConditionDays,
  ) {
    this.due = new Set(monthsDue);
    this.accs = definition.indicators.map((def) => {
      const reg = definition.registers.find((r) => r.code === def.register);
      const cols = reg?.columns ?? [];
      const deadlineRule = definition.rules.find((r) => r.register === def.register && r.rule === '截止日期');
      const fields = fieldList(def.field);
      const table: Acc['table'] = {};
      if (def.calc === '交叉表' && fields.length === 2) {
        const cs = axisValues(definition, def.register, fields[1]);
        for (const r of axisValues(definition, def.register, fields[0])) table[r] = Object.fromEntries(cs.map((c) => [c, 0]));
      }
      return {
        def,
        calc: def.calc,
        cond: rowCondition(def),
        group: def.rosterCondition ? (parseCondition(def.rosterCondition).condition ?? []) : [],
        fields,
        // A row belongs to the teachers named in the register's first name column that refers to the roster.
        teacherField: cols.find((c) => (c.type === '姓名' || c.type === '多个姓名') && c.ref === '名册')?.name,
        monthField: deadlineRule?.fields[0] ?? cols.find((c) => c.type === '月份')?.name,
        dateField: deadlineRule?.other ?? cols.find((c) => c.type === '日期')?.name,
        rows: 0,
        sum: 0,
        distinct: new Set<string>(),
        perTeacher: new Map<string, number>(),
        months: new TeacherMonths(monthsDue),
        table,
        owner: true,
      };
    });
    const shared = new Map<string, Acc>();
    for (const a of this.accs) {
      const fills = MONTHLY.has(a.calc) ? 'months' : a.calc === '去重行数' || a.calc === '人均去重行数' ? 'distinct' : null;
      if (!fills) continue;
      // 按月占比 keeps every teacher-month (marking those meeting its condition); the others only those meeting it.
      const key = JSON.stringify([fills, a.def.register, a.calc === '按月占比', a.cond, a.fields, a.teacherField, a.monthField, a.dateField]);
      const first = shared.get(key);
      if (!first) shared.set(key, a);
      else {
        a.owner = false;
        a.months = first.months;
        a.distinct = first.distinct;
      }
    }
  }

  /** One normalised record of a register. */
  add(register: string, v: Values): void {
    this.reported.add(register);
    let accs = this.byRegister.get(register);
    if (!accs) this.byRegister.set(register, (accs = this.accs.filter((a) => a.def.register === register)));
    for (const a of accs) {
      const meets = meetsCondition(a.cond, v, this.days);
      if (MONTHLY.has(a.calc)) {
        // 按月占比 counts every teacher-month, and marks those with a row meeting the condition.
        if (a.owner && (meets || a.calc === '按月占比')) this.addMonth(a, v, meets);
        continue;
      }
      if (!meets) continue;
      a.rows++;
      const amount = a.fields.length === 1 ? (num(v[a.fields[0]]) ?? 0) : 1;
      if (a.calc === '合计' || a.calc === '人均合计') a.sum += amount;
      if (a.owner && (a.calc === '去重行数' || a.calc === '人均去重行数')) {
        // A 多个姓名 field in the key counts by its first name (第一作者).
        a.distinct.add(a.fields.map((f) => (Array.isArray(v[f]) ? String((v[f] as unknown[])[0] ?? '') : text(v[f]))).join('\u0000'));
      }
      if (a.calc === '交叉表' && a.fields.length === 2) {
        const r = text(v[a.fields[0]]);
        const c = text(v[a.fields[1]]);
        if (r && c) {
          const line = (a.table[r] ??= {});
          line[c] = (line[c] ?? 0) + 1;
        }
      }
      if (a.teacherField && (a.calc === '达标人数' || a.calc === '达标率' || a.calc === '参与人数' || a.calc === '参与率')) {
        const by = a.calc === '达标人数' || a.calc === '达标率' ? amount : 1;
        for (const t of names(v[a.teacherField])) a.perTeacher.set(t, (a.perTeacher.get(t) ?? 0) + by);
      }
    }
  }

  /** A teacher-month: counted once, on time if any copy was handed in by the deadline. */
  private addMonth(a: Acc, v: Values, meets: boolean): void {
    const month = a.monthField ? text(v[a.monthField]).slice(0, 7) : '';
    if (!month || !this.due.has(month) || !a.teacherField) return;
    const date = a.dateField ? text(v[a.dateField]) : '';
    const onTime = date !== '' && date <= this.deadlineOf(month);
    const bits = (onTime ? ON_TIME : 0) | (meets ? MEETS : 0);
    for (const teacher of names(v[a.teacherField])) a.months.mark(teacher, month, bits);
  }

  /** The school's indicator values (ranks are given when the district's schools are put together). */
  finish(people: People): Metric[] {
    return this.accs.map((a) => {
      const reported = this.reported.has(a.def.register);
      // The teachers counted: 在岗, and those meeting 名册条件 when given.
      const group = a.group.length ? people.records.filter((r) => meetsCondition(a.group, r, this.days)) : null;
      const groupNames = group ? new Set(group.map((r) => text(r['姓名'])).filter(Boolean)) : people.active;
      const groupSize = group ? group.length : people.teachers;
      const reaching = (pred: (x: number) => boolean) => [...groupNames].filter((t) => pred(a.perTeacher.get(t) ?? 0)).length;
      // Teacher-months of teachers on the roster (all of them when the school has no roster yet).
      const units = a.months.count(people.hasRoster ? (t) => people.active.has(t) : undefined);
      let n = 0;
      let d: number | null = null;
      switch (a.calc) {
        case '行数':
        case '交叉表':
          n = a.rows;
          break;
        case '合计':
          n = round2(a.sum);
          break;
        case '人均行数':
          [n, d] = [a.rows, groupSize];
          break;
        case '人均合计':
          [n, d] = [round2(a.sum), groupSize];
          break;
        case '去重行数':
          n = a.distinct.size;
          break;
        case '人均去重行数':
          [n, d] = [a.distinct.size, groupSize];
          break;
        case '达标人数':
          n = reaching((x) => x >= (a.def.value ?? 1));
          break;
        case '达标率':
          [n, d] = [reaching((x) => x >= (a.def.value ?? 1)), groupSize];
          break;
        case '参与人数':
          n = reaching((x) => x > 0);
          break;
        case '参与率':
          [n, d] = [reaching((x) => x > 0), groupSize];
          break;
        case '应交月数':
          n = people.teachers * this.monthsDue.length;
          break;
        case '实交月数':
          n = units.seen;
          break;
        case '完成率':
          [n, d] = [units.seen, people.teachers * this.monthsDue.length];
          break;
        case '按时率':
          [n, d] = [units.with(ON_TIME), units.seen];
          break;
        case '按月占比':
          [n, d] = [units.with(MEETS), units.seen];
          break;
      }
      // Without a denominator (no roster yet, nothing due) the numerator counts nowhere: a school's rows without
      // teachers would inflate the district's per-teacher figures.
      if (d === 0) n = 0;
      const m = metricOf(a.def, reported, n, isRatio(a.calc) ? d : null);
      if (a.calc === '交叉表') {
        m.table = a.table;
        m.axes = a.fields;
      }
      return m;
    });
  }
}

function metricOf(def: Indicator, reported: boolean, n: number, d: number | null): Metric {
  const value = !reported ? null : d === null ? n : d > 0 ? Math.round((n / d) * 10000) / 10000 : null;
  const m: Metric = { register: def.register, name: def.name, format: FORMAT[def.calc], value, reported, num: n, den: d };
  if (def.target) {
    m.target = def.target;
    if (value !== null) m.met = meets(value, def.target);
  }
  if (def.rank) m.rank = null;
  return m;
}

/** Competition ranking (1, 2, 2, 4), highest first; entries without a value come last with rank null. */
export function rankEntries<T extends { code: string; value: number | null }>(rows: T[]): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.code.localeCompare(b.code));
  let rank = 0;
  return sorted.map((row, i) => {
    if (row.value === null) return { ...row, rank: null };
    if (i === 0 || sorted[i - 1].value !== row.value) rank = i + 1;
    return { ...row, rank };
  });
}

/** Gives each school's ranked indicators their place (in place). */
export function rankMetrics(definition: RegisterDefinition, schools: { code: string; metrics?: Metric[] }[]): void {
  definition.indicators.forEach((def, i) => {
    if (!def.rank) return;
    const ranked = rankEntries(schools.map((s) => ({ code: s.code, value: s.metrics?.[i]?.value ?? null, m: s.metrics?.[i] })));
    for (const r of ranked) if (r.m) r.m.rank = r.rank;
  });
}

function sumTables(tables: Metric['table'][]): NonNullable<Metric['table']> {
  const out: NonNullable<Metric['table']> = {};
  for (const t of tables)
    for (const [r, line] of Object.entries(t ?? {})) {
      const o = (out[r] ??= {});
      for (const [c, n] of Object.entries(line)) o[c] = (o[c] ?? 0) + n;
    }
  return out;
}

/**
 * The district's indicator values: counts summed, ratios recomputed from summed parts. Every school's parts count
 * (a school that has not handed in a monthly register still owes its months), the value is there once any school
 * has reported the register, and `schoolsMet` counts the schools meeting the target.
 */
export function districtMetrics(definition: RegisterDefinition, schools: Metric[][]): Metric[] {
  return definition.indicators.map((def, i) => {
    const lines = schools.map((s) => s[i]).filter((m): m is Metric => m !== undefined);
    const sumNum = lines.reduce((x, m) => x + m.num, 0);
    const n = def.calc === '合计' || def.calc === '人均合计' ? round2(sumNum) : sumNum;
    const d = isRatio(def.calc) ? lines.reduce((x, m) => x + (m.den ?? 0), 0) : null;
    const m = metricOf(def, lines.some((x) => x.reported), n, d);
    delete m.rank;
    if (def.target) m.schoolsMet = lines.filter((x) => x.met === true).length;
    if (def.calc === '交叉表') {
      m.table = sumTables(lines.map((x) => x.table));
      m.axes = fieldList(def.field);
    }
    return m;
  });
}
