/** Terms (学期): `YYYY春` is 1 Feb – 31 Jul, `YYYY秋` is 1 Aug – 31 Jan of the next year. */

/** A term's span and months. */
export interface TermInfo {
  term: string;
  year: number;
  season: '春' | '秋';
  start: string;
  end: string;
  /** `YYYY-MM` of each month in the term, in order. */
  months: string[];
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));
// Years 1900–2999: `0000秋` would become the term "0秋" and no longer name itself.
const TERM_RE = /^([12]\d{3})\s*年?\s*(春|秋)(?:季)?(?:学期)?$/;

/** `2025春` → its span and months; throws a Chinese error on anything else. */
export function parseTerm(term: string): TermInfo {
  const m = TERM_RE.exec(String(term).trim());
  if (!m) throw new Error(`学期格式不正确：“${term}”，应为如 2025春 或 2025秋`);
  const year = Number(m[1]);
  const season = m[2] as '春' | '秋';
  const months: string[] = [];
  if (season === '春') for (let mo = 2; mo <= 7; mo++) months.push(`${year}-${pad2(mo)}`);
  else {
    for (let mo = 8; mo <= 12; mo++) months.push(`${year}-${pad2(mo)}`);
    months.push(`${year + 1}-01`);
  }
  return {
    term: `${year}${season}`,
    year,
    season,
    start: season === '春' ? `${year}-02-01` : `${year}-08-01`,
    end: season === '春' ? `${year}-07-31` : `${year + 1}-01-31`,
    months,
  };
}

/** Is the text a well-formed term? */
export function isTerm(term: string): boolean {
  return TERM_RE.test(String(term).trim());
}

/** The term containing an ISO date. */
export function termOf(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const mo = Number(iso.slice(5, 7));
  if (mo === 1) return `${y - 1}秋`;
  return mo <= 7 ? `${y}春` : `${y}秋`;
}

/** For a bare month number, the year it falls in within the term (秋's January is next year). */
export function termYearOf(info: TermInfo): (month: number) => number {
  return (month) => (info.season === '秋' && month === 1 ? info.year + 1 : info.year);
}

/** Today as ISO date (UTC+8, as the schools live). */
export function todayIso(now: Date = new Date()): string {
  const d = new Date(now.getTime() + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}
