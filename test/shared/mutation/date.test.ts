/**
 * Boundaries of date and month parsing (shared/normalise/date.ts) that the everyday tests in
 * test/shared/normalise/date.test.ts do not reach. Expected values are worked out by hand; serial dates are
 * 1899-12-30 plus the serial in days (for serials from 61 on), checked against a calendar.
 */
import { isValidYmd, parseDate, parseMonth, serialToIso } from '../../../shared/normalise/date';

const val = (r: ReturnType<typeof parseDate>) => (r.ok ? r.value : `!${r.code}`);

describe('serialToIso at the ends of the range', () => {
  it.each<[number, string | null]>([
    [-1, null],
    [0, null], // Excel's 1900-01-00
    [0.5, null],
    [1, '1900-01-01'],
    [2958465, '9999-12-31'], // the largest serial Excel accepts
    [2958465.9, '9999-12-31'],
    [2958466, null], // would be 10000-01-01
    [NaN, null],
    [Infinity, null],
    [-Infinity, null],
  ])('%p → %p', (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
  });

  it('a NaN number cell is neither a date nor a month', () => {
    expect(val(parseDate(NaN))).toBe('!date');
    expect(val(parseMonth(NaN))).toBe('!month');
  });
});

describe('isValidYmd', () => {
  it.each<[number, number, number, boolean]>([
    [2025, 1, 31, true],
    [2025, 12, 31, true],
    [2025, 12, 32, false],
    [2025, 11, 31, false],
    [2025, 0, 1, false],
    [2025, 13, 1, false],
    [2025, 1, 0, false],
    [2024, 2, 29, true],
    [2000, 2, 29, true],
    [1900, 2, 29, false],
  ])('%p-%p-%p → %p', (y, m, d, expected) => {
    expect(isValidYmd(y, m, d)).toBe(expected);
  });
});

describe('parseDate', () => {
  it('accepts years 1900 to 2100 only, in text and as yyyymmdd numbers', () => {
    const cases: [string | number, string][] = [
      ['2025-12-25', '2025-12-25'],
      ['2025/12/1', '2025-12-01'],
      ['1899-12-31', '!date'],
      ['1900-01-01', '1900-01-01'],
      ['2100-12-31', '2100-12-31'],
      ['2101-01-01', '!date'],
      ['1899年12月31日', '!date'],
      ['2101/1/1', '!date'],
      [19000101, '1900-01-01'],
      [21001231, '2100-12-31'],
      [20251225, '2025-12-25'],
      [20250230, '!date'],
    ];
    for (const [input, expected] of cases) expect([input, val(parseDate(input))]).toEqual([input, expected]);
  });

  it('reads only well-formed yyyy-mm-dd, not strings that merely have dashes in the same places', () => {
    const cases: [string, string][] = [
      ['2025-03-14', '2025-03-14'],
      ['2025- 3-14', '2025-03-14'], // spaces around the separators are allowed
      ['2025x03x14', '!date'],
      ['2025x03-14', '!date'],
      ['2025-03x14', '!date'],
      ['2025-03-14x', '!date'],
      ['2025-03-1x', '!date'],
      ['2e03-03-14', '!date'], // not the year 2000
      ['2025-+3-14', '!date'],
      ['2025-3.-14', '!date'],
      ['2025-03-1.', '!date'],
      ['2025-13-01', '!date'],
      ['2025-02-29', '!date'],
    ];
    for (const [input, expected] of cases) expect([input, val(parseDate(input))]).toEqual([input, expected]);
  });
});

describe('parseMonth', () => {
  it('reads a number typed as yyyy.m, rounding away binary noise', () => {
    const cases: [number, string][] = [
      [2025.1, '2025-01'],
      [2025.2999999999998, '2025-03'], // 2025.3 after a calculation
      [2025.12, '2025-12'],
      [2025.13, '!month'],
      [2025.001, '!month'], // rounds to month 0
      [2025.999, '!month'], // rounds to 100 hundredths, not month 10
      [1900.5, '1900-05'],
      [2099.5, '2099-05'],
      [2100.3, '2100-03'],
      // Outside 1900–2100 a fraction is a serial with a time of day.
      [1899.5, '1905-03'], // serial 1899 = 1905-03-13
      [2101.5, '1905-10'], // serial 2101 = 1905-10-01
      [45730.5, '2025-03'], // serial 45730 = 2025-03-14
    ];
    for (const [input, expected] of cases) expect([input, val(parseMonth(input))]).toEqual([input, expected]);
  });

  it('reads a number typed as yyyymm from 190001 to 210012', () => {
    const cases: [number, string][] = [
      [190001, '1900-01'],
      [202501, '2025-01'],
      [202503, '2025-03'],
      [202512, '2025-12'],
      [210012, '2100-12'],
      [202500, '!month'],
      [202513, '!month'],
      [210013, '2474-12'], // past the range it is a serial: 210013 = 2474-12-28
    ];
    for (const [input, expected] of cases) expect([input, val(parseMonth(input))]).toEqual([input, expected]);
  });

  it('reads yyyy-mm text for years 1900 to 2100 and months 1 to 12', () => {
    const cases: [string, string][] = [
      ['1899-03', '!month'],
      ['1900-01', '1900-01'],
      ['2100-12', '2100-12'],
      ['2101-03', '!month'],
      ['2025-00', '!month'],
      ['2025-01', '2025-01'],
      ['2025年12月', '2025-12'],
      ['202512', '2025-12'],
    ];
    for (const [input, expected] of cases) expect([input, val(parseMonth(input))]).toEqual([input, expected]);
  });

  it('gives a bare month its year from the term, for months 1 to 12 only', () => {
    const autumnTerm = (month: number) => (month >= 9 ? 2025 : 2026);
    const cases: [string, string][] = [
      ['1月', '2026-01'],
      ['12月', '2025-12'],
      ['9月份', '2025-09'],
      ['0月', '!month'],
      ['13月', '!month'],
    ];
    for (const [input, expected] of cases) expect([input, val(parseMonth(input, autumnTerm))]).toEqual([input, expected]);
  });
});
