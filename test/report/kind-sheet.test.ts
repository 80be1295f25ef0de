/** A register's sheet name keeps to Excel's rules, and never repeats a sheet already in the report. */
import { sheetName } from '../../server/report/kind-sheet';
import { validSheetName } from '../../server/report/xlsx/workbook';

test('characters Excel refuses become _, apostrophes at either end go, at most 31 characters', () => {
  expect(sheetName('课题[2025]:A/B\\C?*')).toBe('课题_2025__A_B_C__');
  expect(sheetName("'校本课程'")).toBe('校本课程');
  expect(sheetName('长'.repeat(40))).toBe('长'.repeat(31));
  // Cut at 31, the name would end in an apostrophe.
  expect(sheetName('x'.repeat(30) + "'y")).toBe('x'.repeat(30));
  expect(sheetName('')).toBe('登记表');
  expect(sheetName("''")).toBe('登记表');
});

test('the report’s own sheet names and names already taken (in any case) are not reused', () => {
  expect(sheetName('问题清单')).toBe('问题清单（登记表）');
  expect(sheetName('分类统计')).toBe('分类统计（登记表）'); // the report's cross-table sheet
  expect(sheetName('教师名册', ['区级汇总', '教师名册'])).toBe('教师名册（2）');
  expect(sheetName('Papers', ['papers', 'Papers（2）'])).toBe('Papers（3）');
  // Two long titles that agree in their first 31 characters: the second is cut to make room for its number.
  const long = '五通桥区中小学教育科研课题过程管理与成果登记表（2025年春季学期）';
  const first = sheetName(long);
  const second = sheetName(`${long}补充`, [first]);
  expect([first.length, second.length, second.endsWith('（2）'), second === first]).toEqual([31, 31, true, false]);
  for (const n of [first, second, sheetName("a'".repeat(20), ['x'])]) expect([n, validSheetName(n)]).toEqual([n, true]);
});
