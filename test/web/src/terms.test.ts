/** The term picker's list: current term in China's time zone, then earlier terms. */
import { previousTerm, recentTerms } from '../../../server/web/src/terms';

test('previousTerm alternates 春 and 秋 across the year boundary', () => {
  expect([previousTerm('2025春'), previousTerm('2025秋'), previousTerm('2000春')]).toEqual(['2024秋', '2025春', '1999秋']);
});

test('recentTerms starts at the term containing the day (UTC+8) and goes back', () => {
  expect(recentTerms(new Date('2025-03-14T04:00:00Z'), 4)).toEqual(['2025春', '2024秋', '2024春', '2023秋']);
  // 31 Jan 20:00 UTC is already 1 Feb in China: the spring term.
  expect(recentTerms(new Date('2025-01-31T20:00:00Z'), 2)).toEqual(['2025春', '2024秋']);
  // January belongs to the autumn term of the year before.
  expect(recentTerms(new Date('2026-01-10T04:00:00Z'), 1)).toEqual(['2025秋']);
});
