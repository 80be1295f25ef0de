/** Date facts the metrics need: months due by a date, reflection deadlines, age at term start. */
import { parseTerm } from '../term';

/** Last Friday of a `YYYY-MM` month — the engine's default 学月反思 deadline, shared so both agree. */
export { lastFriday } from '../normalise/date';

/**
 * The term's months whose reflection is due by the as-of date: a month counts once its deadline has passed
 * (`deadlineOf`, the district's or the last Friday), so on 1 December no school is short of December's reflection.
 * Without `deadlineOf`: every month up to and including the as-of date's month.
 */
export function monthsDue(term: string, asOf: string, deadlineOf?: (month: string) => string): string[] {
  const upTo = asOf.slice(0, 7);
  return parseTerm(term).months.filter((m) => m <= upTo && (!deadlineOf || deadlineOf(m) <= asOf));
}

/**
 * Whole years between a `YYYY-MM` birth month and an ISO date. Only the month is known, so the birthday
 * counts as passed from the first of its month on: born 1985-02 is 40 on 2025-02-01.
 */
export function ageAt(birth: string, isoDate: string): number | null {
  const m = /^(\d{4})-(\d{2})/.exec(birth);
  if (!m) return null;
  const by = Number(m[1]);
  const bm = Number(m[2]);
  const y = Number(isoDate.slice(0, 4));
  const mo = Number(isoDate.slice(5, 7));
  return y - by - (mo < bm ? 1 : 0);
}

/** Rounds a ratio to 4 decimals (null stays null); what the summary shows and ranks on. */
export function ratio(num: number, den: number): number | null {
  if (!den) return null;
  return Math.round((num / den) * 10000) / 10000;
}
