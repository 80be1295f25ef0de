/** computeSummary: DOMAIN.md's district metrics for a term from every school's normalised records. */
import type { KindId, NormRecord } from '../types';
import { BUILTIN_DEFINITION } from '../registers/builtin';
import { districtSummary } from './district';
import { districtMetrics, rankMetrics } from './indicators';
import type { SchoolSummary, Summary } from './schema';
import { SchoolTally, type SchoolRef, type TallyContext } from './tally';

/** One school with its latest accepted records per kind. */
export interface SummarySchool extends SchoolRef {
  records: Partial<Record<KindId, Iterable<NormRecord>>>;
}

/** What the summary is computed from. */
export interface SummaryInput extends TallyContext {
  schools: SummarySchool[];
}

/** The summary of GET /api/v1/terms/:term/summary. */
export function computeSummary(input: SummaryInput): Summary {
  const lines = input.schools.map((s) => {
    const tally = new SchoolTally({ code: s.code, name: s.name, type: s.type }, input);
    for (const [kind, records] of Object.entries(s.records) as [KindId, Iterable<NormRecord>][]) {
      for (const r of records ?? []) tally.add(kind, r.values);
    }
    return tally.finish();
  });
  return assembleSummary(input, lines);
}

/** Joins already finished school lines (e.g. from streamed tallies) into the summary. */
export function assembleSummary(ctx: Pick<TallyContext, 'term' | 'asOf' | 'definition'>, schools: SchoolSummary[]): Summary {
  const definition = ctx.definition ?? BUILTIN_DEFINITION;
  const district = districtSummary(schools);
  rankMetrics(definition, schools);
  const metrics = districtMetrics(definition, schools.map((s) => s.metrics ?? []));
  const registers = definition.registers.map((r) => ({ code: r.code, name: r.name }));
  return { term: ctx.term, asOf: ctx.asOf, registers, schools, district: { ...district, metrics } };
}
