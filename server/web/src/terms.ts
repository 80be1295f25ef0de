/** The terms the picker offers: the current term (the engine's own termOf, in China's time zone) and earlier ones. */
import { isTerm, termOf, todayIso } from '../../../shared/term';

export { isTerm };

/** The term before `term` (2025春 → 2024秋, 2025秋 → 2025春). */
export function previousTerm(term: string): string {
  const y = Number(term.slice(0, 4));
  return term.endsWith('秋') ? `${y}春` : `${y - 1}秋`;
}

/** `count` terms, newest first, ending at the term containing `now`. */
export function recentTerms(now: Date, count = 6): string[] {
  const out = [termOf(todayIso(now))];
  while (out.length < count) out.push(previousTerm(out[out.length - 1]));
  return out;
}
