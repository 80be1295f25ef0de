/** Formatting the page relies on: percents, numbers, dates, download names, tooltip escaping. */
import { bytes, dispositionName, escapeHtml, num, percent } from '../../../server/web/src/format';

test('percent rounds to one decimal and drops a trailing .0; missing values show a dash', () => {
  expect([percent(0.857), percent(1), percent(0), percent(0.12345), percent(null), percent(undefined), percent(NaN)]).toEqual(['85.7%', '100%', '0%', '12.3%', '—', '—', '—']);
});

test('num keeps integers whole and trims trailing zeros of ratios', () => {
  expect([num(36), num(0.6111), num(1.1), num(0.5), num(null), num(2 / 3, 2)]).toEqual(['36', '0.61', '1.1', '0.5', '—', '0.67']);
});

test('bytes reads as B / KB / MB', () => {
  expect([bytes(12), bytes(2048), bytes(1.5 * 1024 * 1024)]).toEqual(['12 B', '2 KB', '1.5 MB']);
});

test('dispositionName prefers the UTF-8 filename* and falls back to the plain name', () => {
  expect(dispositionName(`attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent('区级汇总-2025春.xlsx')}`)).toBe('区级汇总-2025春.xlsx');
  expect(dispositionName('attachment; filename="roster.xlsx"')).toBe('roster.xlsx');
  expect(dispositionName('attachment; filename=plain.xlsx')).toBe('plain.xlsx');
  expect(dispositionName(null)).toBeNull();
  expect(dispositionName('inline')).toBeNull();
});

test('escapeHtml neutralises markup a school name could carry into an ECharts tooltip', () => {
  expect(escapeHtml(`<img src=x onerror="alert('x')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;');
});
