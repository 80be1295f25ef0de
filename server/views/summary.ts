/** The term summary from the store: every school's counting versions streamed row by row into the metrics tallies. */
import { parseTerm, type KindId } from '../../shared';
import { assembleSummary, SchoolTally, type Summary } from '../../shared/metrics';
import { currentIds, termSubmissions } from '../store/current';
import { reflectionDeadlines } from '../store/deadlines';
import { termDefinition } from '../store/registers';
import { streamRowsOfMany } from '../store/rows';
import type { Store } from '../store/schema';
import { listSchools } from '../store/schools';

/** DOMAIN.md's metrics for a term as of a date (every school of the district, reported or not). */
export async function termSummary(store: Store, term: string, asOf: string): Promise<Summary> {
  const { db } = store;
  const [schools, subs, deadlines, inForce] = await Promise.all([
    listSchools(db),
    termSubmissions(db, term),
    reflectionDeadlines(db, parseTerm(term).months),
    termDefinition(db, term),
  ]);
  const current = currentIds(subs);
  const ctx = { term, asOf, deadlines, definition: inForce.definition };
  const lines = [];
  for (const school of schools) {
    const tally = new SchoolTally(school, ctx);
    const kindOf = new Map(subs.filter((s) => s.school_code === school.code && current.has(s.id)).map((s) => [s.id, s.kind as KindId]));
    for await (const r of streamRowsOfMany(db, [...kindOf.keys()])) tally.add(kindOf.get(r.submissionId)!, r.values);
    lines.push(tally.finish());
  }
  return assembleSummary(ctx, lines);
}
