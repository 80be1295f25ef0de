/** Report cells: values become plain strings/numbers (never formula objects); widths count CJK double. */
import { displayWidth, fitWidths, toCell } from '../../server/report/cells';

test('toCell keeps formula-looking text as a string and flattens lists and booleans', () => {
  // Text a spreadsheet would read as a formula or a DDE payload stays the same string (written as a string cell;
  // write.test.ts checks the XML holds no <f> for such text).
  for (const t of ['=1+1', '+SUM(A1)', '-2', '@A1', '\t=1', '\r=1']) expect(toCell(t)).toBe(t);
  expect(toCell(['张伟', '李娜'])).toBe('张伟、李娜');
  expect(toCell(true)).toBe('是');
  expect(toCell(false)).toBe('否');
  expect(toCell(12.5)).toBe(12.5);
  expect(toCell(Number.NaN)).toBeUndefined();
  expect([toCell(null), toCell(''), toCell(undefined)]).toEqual([undefined, undefined, undefined]);
  // An object (to a spreadsheet library, a formula or a hyperlink) is written as its JSON text instead.
  expect(toCell({ formula: 'A1' } as never)).toBe('{"formula":"A1"}');
});

test('text longer than an Excel cell holds is cut to 32,767 characters', () => {
  const long = '反'.repeat(40_000);
  const cell = toCell(long) as string;
  expect(cell.length).toBe(32_767);
  expect(cell.endsWith('…')).toBe(true);
  expect(toCell('反'.repeat(32_767))).toBe('反'.repeat(32_767));
});

test('display width: CJK and full-width count two, ASCII one', () => {
  expect(displayWidth('abc')).toBe(3);
  expect(displayWidth('五通桥区')).toBe(8);
  expect(displayWidth('２０２５')).toBe(8);
  expect(displayWidth('A张')).toBe(3);
});

test('fitWidths: header + filter button, longest sampled value, minimum and cap', () => {
  expect(fitWidths(['学校', 'x'], [['五通桥区实验小学', 'ab']])).toEqual([18, 6]);
  expect(fitWidths(['题目'], [['长'.repeat(100)]], [], 60)).toEqual([60]);
  expect(fitWidths(['题目'], [], [40])).toEqual([40]);
});
