/** The term summary from the store: every school's counting versions streamed row by row into the metrics tallies. */
import { parseTerm, type KindId } from '../../shared';
import { assembleSummary, SchoolTally, type SchoolRef, type SchoolSummary, type Summary } from '../../shared/metrics';
import type { KindRow } from '../report/types';
import { currentIds, termSubmissions } from '../store/current';
import { reflectionDeadlines } from '../store/deadlines';
import { termDefinition } from '../store/registers';
import { rowPagesOfMany } from '../store/rows';
import type { Store } from '../store/schema';
import { listSchools } from '../store/schools';

/** A term's counting rows, school by school, and the summary they add up to. */
export interface TermRows {
  schools: SchoolRef[];
  /** Every school's current rows in pages (schools by code, each school's submissions in order), tallied as they pass. */
  rows: AsyncGenerator<KindRow[]>;
  /** The summary, once `rows` has been read to its end. */
  summary(): Summary;
}

/**
 * DOMAIN.md's metrics for a term as of a date (every school of the district, reported or not), tallied from
 * the rows as they are read: the merged report writes the same rows while they are counted, reading the store once.
 */
export async function termRows(store: Store, term: string, asOf: string): Promise<TermRows> {
  const { db } = store;
  const [schools, subs, deadlines, inForce] = await Promise.all([
    listSchools(db),
    termSubmissions(db, term),
    reflectionDeadlines(db, parseTerm(term).months),
    termDefinition(db, term),
  ]);
  const current = currentIds(subs);
  const ctx = { term, asOf, deadlines, definition: inForce.definition };
  const lines: SchoolSummary[] = [];
  let done = false;
  async function* rows(): AsyncGenerator<KindRow[]> {
    for (const school of schools) {
      const tally = new SchoolTally(school, ctx);
      const kindOf = new Map(subs.filter((s) => s.school_code === school.code && current.has(s.id)).map((s) => [s.id, s.kind as KindId]));
      for await (const page of rowPagesOfMany(db, [...kindOf.keys()])) {
        const out: KindRow[] = new Array(page.length);
        for (let i = 0; i < page.length; i++) {
          const { submissionId, values } = page[i];
          const kind = kindOf.get(submissionId)!;
          tally.add(kind, values);
          out[i] = { school: school.code, kind, values };
        }
        yield out;
      }
      lines.push(tally.finish());
    }
    done = true;
  }
  const summary = () => {
    if (!done) throw new Error('汇总须在全部行读完之后得出');
    return assembleSummary(ctx, lines);
  };
  return { schools, rows: rows(), summary };
}

/** DOMAIN.md's metrics for a term as of a date (every school of the district, reported or not). */
export async function termSummary(store: Store, term: string, asOf: string): Promise<Summary> {
  const t = await termRows(store, term, asOf);
  for await (const _ of t.rows);
  return t.summary();
}
