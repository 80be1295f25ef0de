/**
 * The summary's figures as the page shows them: one column per indicator (指标) of the term's register definition,
 * grouped under its register's title, with its target. Nothing here names a register: a district's own registers
 * and indicators appear exactly as the built-in ones.
 */
import { num, percent } from './format';
import type { Summary } from './types';

/** One indicator's figures as the server sends them (a school's line or the district's). */
export interface MetricValue {
  register: string;
  name: string;
  format: 'number' | 'perTeacher' | 'percent' | 'table';
  value: number | null;
  reported: boolean;
  target?: string;
  met?: boolean;
  rank?: number | null;
  schoolsMet?: number;
  table?: Record<string, Record<string, number>>;
  axes?: string[];
}

/** A line that carries indicators (a school, or the district). */
export interface Line {
  metrics?: MetricValue[];
  reported?: string[];
}

/** One metric column. */
export interface Metric {
  key: string;
  /** Position in every line's `metrics`. */
  index: number;
  label: string;
  /** Group heading: the register's title. */
  group: string;
  format: (x: number | null | undefined) => string;
  /** The target as the definition writes it (≥ 1, = 100%). */
  target?: string;
  /** The target's value on the chart's scale (shares as 0..1), when it parses. */
  targetValue?: number;
  /** True for shares in 0..1 (charts show them as percent). */
  rate?: boolean;
  ranked: boolean;
  /** The register the figure comes from: a school that has not reported it shows 未上报, not 0. */
  kind: string;
}

const FORMATS: Record<MetricValue['format'], (x: number | null | undefined) => string> = {
  number: (x) => num(x, 2),
  perTeacher: (x) => num(x, 2),
  percent: (x) => percent(x),
  table: (x) => num(x, 0),
};

/** A target's value (`≥ 1` → 1, `= 100%` → 1), or undefined when it does not parse. */
export function targetValue(target: string | undefined): number | undefined {
  const m = target ? /^\s*(?:≥|>=|≤|<=|>|<|=)\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(target) : null;
  if (!m) return undefined;
  return m[2] === '%' ? Number(m[1]) / 100 : Number(m[1]);
}

/** The register titles of a summary (code → title). */
export function registerTitles(summary: Pick<Summary, 'registers'>): Map<string, string> {
  return new Map((summary.registers ?? []).map((r) => [r.code, r.name]));
}

/** The summary's indicator columns (cross tables excluded), in the definition's order. */
export function metricColumns(summary: Summary): Metric[] {
  const titles = registerTitles(summary);
  const ranked = new Set<number>();
  for (const s of summary.schools) (s.metrics ?? []).forEach((m, i) => m.rank !== undefined && ranked.add(i));
  return (summary.district.metrics ?? []).flatMap((m, index): Metric[] =>
    m.format === 'table'
      ? []
      : [
          {
            key: `${m.register}.${m.name}`,
            index,
            label: m.name,
            group: titles.get(m.register) ?? m.register,
            format: FORMATS[m.format],
            target: m.target,
            targetValue: targetValue(m.target),
            rate: m.format === 'percent',
            ranked: ranked.has(index),
            kind: m.register,
          },
        ],
  );
}

/** A line's figure of a metric. */
export function metricOf(m: Metric, s: Line): MetricValue | undefined {
  return s.metrics?.[m.index];
}

/** Whether a school's line lacks the metric's register (the district line never does once anyone reported). */
export function notReported(m: Metric, s: Line): boolean {
  const x = metricOf(m, s);
  return x !== undefined && !x.reported;
}

/** A line's value of a metric; undefined when it has not reported the register (left out of targets, ranks and charts). */
export function schoolValue(m: Metric, s: Line): number | null | undefined {
  const x = metricOf(m, s);
  return !x || !x.reported ? undefined : x.value;
}

/** 'met' / 'missed' as the server judged the line against the target; undefined without a target or a value. */
export function targetState(m: Metric, s: Line): 'met' | 'missed' | undefined {
  const x = metricOf(m, s);
  if (!x || x.met === undefined) return undefined;
  return x.met ? 'met' : 'missed';
}
