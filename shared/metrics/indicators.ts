/**
 * The indicators (指标) of a register definition, evaluated per school from the same record stream as the other
 * metrics, and pooled for the district (ratios recomputed from summed numerators and denominators). Each has the
 * value the summary shows, its target when the definition gives one, and whether it is met. A school that has not
 * reported the indicator's register has no value (未上报) and is left out of the target.
 */
import { z } from 'zod';
import { parseTarget, type Indicator, type RegisterDefinition } from '../registers/schema';
import { num, text, type Values } from './fields';
import type { People } from './people';

/** One indicator's value in the summary. */
export const MetricSchema = z.object({
  register: z.string(),
  name: z.string(),
  /** null when the school has not reported the register (未上报) or the denominator is 0. */
  value: z.number().nullable(),
  reported: z.boolean(),
  target: z.string().optional(),
  met: z.boolean().optional(),
  /** What the value is made of (pooled for the district). */
  num: z.number(),
  den: z.number().nullable(),
});
export type Metric = z.infer<typeof MetricSchema>;

/** Calculations whose value is a share or a per-teacher figure (num ÷ den). */
const RATIOS = new Set(['人均行数', '人均合计', '达标率', '完成率', '按时率', '参与率']);

function holds(v: Values[string] | undefined, values: string[]): boolean {
  if (Array.isArray(v)) return v.some((x) => values.includes(String(x)));
  return v !== null && v !== undefined && values.includes(String(v));
}

function names(v: Values[string] | undefined): string[] {
  if (Array.isArray(v)) return v.map(String).filter(Boolean);
  const t = text(v);
  return t ? [t] : [];
}

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

interface Acc {
  def: Indicator;
  teacherField: string | undefined;
  monthField: string | undefined;
  dateField: string | undefined;
  rows: number;
  sum: number;
  distinct: Set<string>;
  perTeacher: Map<string, number>;
  teacherMonths: Set<string>;
  onTime: number;
}

/** Accumulates one school's indicators record by record. */
export class IndicatorTally {
  private readonly accs: Acc[];
  private readonly reported = new Set<string>();

  constructor(
    private readonly definition: RegisterDefinition,
    private readonly monthsDue: string[],
    private readonly deadlineOf: (month: string) => string,
  ) {
    this.accs = definition.indicators.map((def) => {
      const reg = definition.registers.find((r) => r.code === def.register);
      const cols = reg?.columns ?? [];
      const deadlineRule = definition.rules.find((r) => r.register === def.register && r.rule === '截止日期');
      return {
        def,
        // A row belongs to the teachers named in the register's first name column that refers to the roster.
        teacherField: cols.find((c) => (c.type === '姓名' || c.type === '多个姓名') && c.ref === '名册')?.name,
        monthField: deadlineRule?.fields[0] ?? cols.find((c) => c.type === '月份')?.name,
        dateField: deadlineRule?.other ?? cols.find((c) => c.type === '日期')?.name,
        rows: 0,
        sum: 0,
        distinct: new Set<string>(),
        perTeacher: new Map<string, number>(),
        teacherMonths: new Set<string>(),
        onTime: 0,
      };
    });
  }

  /** One normalised record of a register. */
  add(register: string, v: Values): void {
    this.reported.add(register);
    for (const a of this.accs) {
      if (a.def.register !== register) continue;
      if (a.def.condField && !holds(v[a.def.condField], a.def.condValues)) continue;
      a.rows++;
      const amount = a.def.field ? (num(v[a.def.field]) ?? 0) : 1;
      if (a.def.field) a.sum += num(v[a.def.field]) ?? 0;
      if (a.def.calc === '去重行数' && a.def.field) a.distinct.add(JSON.stringify(v[a.def.field] ?? null));
      const who = a.teacherField ? names(v[a.teacherField]) : [];
      const byCount = a.def.calc === '达标人数' || a.def.calc === '达标率' ? (a.def.field ? amount : 1) : 1;
      for (const t of who) a.perTeacher.set(t, (a.perTeacher.get(t) ?? 0) + byCount);
      const month = a.monthField ? text(v[a.monthField]) : '';
      if (month) for (const t of who) a.teacherMonths.add(`${t}\u0000${month}`);
      const date = a.dateField ? text(v[a.dateField]) : '';
      if (month && date && date <= this.deadlineOf(month)) a.onTime++;
    }
  }

  /** The school's indicator values. */
  finish(people: People): Metric[] {
    const teachers = people.teachers;
    return this.accs.map((a) => {
      const { calc } = a.def;
      const reported = this.reported.has(a.def.register);
      let n = 0;
      let d: number | null = null;
      const activeWith = (pred: (x: number) => boolean) => [...people.active].filter((t) => pred(a.perTeacher.get(t) ?? 0)).length;
      switch (calc) {
        case '行数':
        case '交叉表':
          n = a.rows;
          break;
        case '合计':
          n = a.sum;
          break;
        case '人均行数':
          [n, d] = [a.rows, teachers];
          break;
        case '人均合计':
          [n, d] = [a.sum, teachers];
          break;
        case '达标人数':
          n = activeWith((x) => x >= (a.def.value ?? 1));
          break;
        case '达标率':
          [n, d] = [activeWith((x) => x >= (a.def.value ?? 1)), teachers];
          break;
        case '去重行数':
          n = a.distinct.size;
          break;
        case '完成率': {
          let done = 0;
          for (const t of people.active) for (const m of this.monthsDue) if (a.teacherMonths.has(`${t}\u0000${m}`)) done++;
          [n, d] = [done, teachers * this.monthsDue.length];
          break;
        }
        case '按时率':
          [n, d] = [a.onTime, a.rows];
          break;
        case '参与率':
          [n, d] = [activeWith((x) => x > 0), teachers];
          break;
      }
      return metricOf(a.def, reported, n, RATIOS.has(calc) ? d : null);
    });
  }
}

function metricOf(def: Indicator, reported: boolean, n: number, d: number | null): Metric {
  const value = !reported ? null : d === null ? n : d > 0 ? Math.round((n / d) * 10000) / 10000 : null;
  const m: Metric = { register: def.register, name: def.name, value, reported, num: n, den: d };
  if (def.target) {
    m.target = def.target;
    if (value !== null) m.met = meets(value, def.target);
  }
  return m;
}

/** The district's indicator values: counts summed, ratios recomputed from summed parts (reported schools only). */
export function districtMetrics(definition: RegisterDefinition, schools: Metric[][]): Metric[] {
  return definition.indicators.map((def, i) => {
    const lines = schools.map((s) => s[i]).filter((m): m is Metric => m !== undefined && m.reported);
    const n = lines.reduce((x, m) => x + m.num, 0);
    const ratio = RATIOS.has(def.calc);
    const d = ratio ? lines.reduce((x, m) => x + (m.den ?? 0), 0) : null;
    return metricOf(def, lines.length > 0, n, d);
  });
}
