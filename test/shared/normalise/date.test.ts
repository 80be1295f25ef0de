import { isoToSerial, lastFriday, parseDate, parseMonth, serialToIso } from '../../../shared/normalise/date';
import { parseTerm, termYearOf } from '../../../shared/term';

const val = (r: ReturnType<typeof parseDate>) => (r.ok ? r.value : `!${r.code}`);

describe('dates', () => {
  it('reads Excel serials in the 1900 system, including the phantom 1900-02-29', () => {
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(60)).toBeNull(); // Excel's fictitious 29 Feb 1900
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(45730)).toBe('2025-03-14');
    expect(serialToIso(45730.75)).toBe('2025-03-14'); // time of day ignored
    expect(isoToSerial('2025-03-14')).toBe(45730);
    expect(isoToSerial('1900-02-28')).toBe(59);
    for (let s = 61; s < 60000; s += 997) expect(isoToSerial(serialToIso(s)!)).toBe(s);
  });
  it('reads the five ways dates are typed', () => {
    for (const s of ['2025-03-14', '2025/3/14', '2025.3.14', '2025年3月14日', '20250314', '２０２５－０３－１４', ' 2025-3-14 10:30 ']) expect(val(parseDate(s))).toBe('2025-03-14');
    expect(val(parseDate(20250314))).toBe('2025-03-14');
  });
  it('knows 29 February only in leap years', () => {
    expect(val(parseDate('2024年2月29日'))).toBe('2024-02-29');
    expect(val(parseDate('2025年2月29日'))).toBe('!date');
    expect(val(parseDate('2000-02-29'))).toBe('2000-02-29');
    expect(val(parseDate('1900-02-29'))).toBe('!date');
    expect(val(parseDate('20250230'))).toBe('!date');
    expect(val(parseDate('2025-13-01'))).toBe('!date');
    expect(val(parseDate('三月'))).toBe('!date');
    expect(val(parseDate(60))).toBe('!date');
  });
  it('reads months typed as text, dates, serials and the number 2025.3', () => {
    for (const m of ['2025-03', '2025年3月', '2025.3', '2025/03', '202503', '2025-03-14', '2025年3月份']) expect(val(parseMonth(m))).toBe('2025-03');
    expect(val(parseMonth(2025.3))).toBe('2025-03');
    expect(val(parseMonth(2025.12))).toBe('2025-12');
    expect(val(parseMonth(2025.11))).toBe('2025-11');
    expect(val(parseMonth(45730))).toBe('2025-03');
    expect(val(parseMonth('2025-13'))).toBe('!month');
    expect(val(parseMonth('3月'))).toBe('!month'); // no term: no year to give it
    const autumn = termYearOf(parseTerm('2025秋'));
    expect(val(parseMonth('1月', autumn))).toBe('2026-01');
    expect(val(parseMonth('9月', autumn))).toBe('2025-09');
  });
  it('finds the last Friday of a month', () => {
    expect(lastFriday('2025-03')).toBe('2025-03-28');
    expect(lastFriday('2025-02')).toBe('2025-02-28');
    expect(lastFriday('2025-05')).toBe('2025-05-30');
    expect(lastFriday('2024-02')).toBe('2024-02-23');
    expect(lastFriday('2025-10')).toBe('2025-10-31');
  });
});
