/**
 * The add-in core's mutants a complete Stryker run left alive (group F): text guarding for Range.formulas, UTF-8
 * byte counts at the one-byte boundary, fills kept as JSON, a kept definition that is not an object, a blank school
 * in the comparison, a numFmt declared with id 0, and 结构化 converting a sheet with a title row, a missing row and
 * unnamed columns. Expected values are worked out by hand from the functions' documented behaviour.
 */
import { compareSchool } from '../../../../addin/core/compare';
import { cellBytes } from '../../../../addin/core/limits';
import { fillProps } from '../../../../addin/core/marks';
import { readKept } from '../../../../addin/core/registers';
import { convertPlan } from '../../../../addin/core/structure-plan';
import { asInput } from '../../../../addin/core/text-guard';
import { styleFormats } from '../../../../addin/core/xlsx-lite';
import { compileDefinition } from '../../../../shared/registers/compile';
import { parseDefinitionWorkbook } from '../../../../shared/registers/workbook';
import type { Grid } from '../../../../shared/types';
import { districtBDefinition } from '../../../fixtures/registers/district-b';

describe('asInput: what Range.formulas receives so that text stays text', () => {
  test.each<[unknown, string | number | boolean]>([
    [null, ''],
    [undefined, ''],
    ['=SUM(A1:A3)', "'=SUM(A1:A3)"],
    ['+86 139', "'+86 139"],
    ['-5', "'-5"],
    ['@张伟', "'@张伟"],
    ['\t缩进', "'\t缩进"],
    ['\r回车', "'\r回车"],
    ["'001", "''001"],
    ['张伟', '张伟'],
    ['a=b', 'a=b'],
    ['1+1', '1+1'],
    ['', ''],
    [0, 0],
    [42.5, 42.5],
    [true, true],
    [false, false],
  ])('%j → %j', (v, want) => {
    expect(asInput(v)).toBe(want);
  });
});

test('cellBytes: U+007F is one byte in UTF-8, U+0080 and U+07FF two, U+0800 three (plus 3 for quotes and comma)', () => {
  expect(['\u007f', '\u0080', '\u07ff', '\u0800', 'a\u0080b'].map(cellBytes)).toEqual([4, 5, 5, 6, 7]);
});

test('fillProps: only a JSON object is a patterned fill; a plain colour or other JSON is not', () => {
  expect(['[1,2]', '123', '"#FF0000"', '#FF0000', 'true'].map(fillProps)).toEqual([null, null, null, null, null]);
  expect(fillProps('{"color":"#FF0000","pattern":"Gray50"}')).toEqual({ color: '#FF0000', pattern: 'Gray50' });
});

test('readKept: a function carrying version and definition is not a kept definition', () => {
  const definition = parseDefinitionWorkbook(districtBDefinition()).definition!;
  const fn = Object.assign(() => undefined, { version: 3, server: 'https://yanbiao.example.cn', fetchedAt: '', definition });
  expect(readKept(fn)).toBeNull();
  // the same fields in a plain object are read back
  expect(readKept({ version: 3, definition })?.version).toBe(3);
});

test('compareSchool: a school of only spaces is no school, even when the 全区合计 line has a blank code of spaces', () => {
  const summary: Grid = [
    ['学校代码', '学校', '反思完成率'],
    ['5101', '实验小学', 0.5],
    ['  ', '全区合计', 0.75],
  ];
  expect(compareSchool(summary, '  ')).toBeNull();
  expect(compareSchool(summary, '5101')).toEqual({ name: '实验小学', rows: [{ label: '反思完成率', school: 0.5, district: 0.75 }] });
});

test('styleFormats: style id 0 is General even when the file declares a numFmt with id 0', () => {
  const xml = '<styleSheet><numFmts count="2"><numFmt numFmtId="0" formatCode="General"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts>'
    + '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="165"/><xf numFmtId="9"/></cellXfs></styleSheet>';
  expect(styleFormats(xml)).toEqual([null, '0.0', '0%']);
});

describe('convertPlan on a sheet with a title row, a missing row and unnamed columns', () => {
  // Row 1 a title with a note in column C and one in column I; header in row 2 (C empty, D '', nothing past E);
  // row 4 missing altogether; row 5 reaches column G, with G holding data under no header.
  const grid = [
    ['教师名册', null, '（2025春）', null, null, null, null, null, '附注'],
    ['姓名', '学科', null, '', '工号'],
    ['张伟', '语文', null, null, '001'],
    undefined,
    ['李娜', '数学', null, null, '002', null, 'x'],
  ] as unknown as Grid;

  test('kept in place: the table spans the header to the last data row, as wide as those rows (not the title)', () => {
    const plan = convertPlan('名册', grid, 'roster', false);
    expect([plan.create, plan.headerRow, plan.lastRow, plan.lastCol, plan.formatToRow]).toEqual([false, 2, 5, 6, 5]);
    expect(plan.columns.map((c) => c.index)).toEqual([0, 1, 4]);
  });

  test('reordered: empty unnamed columns (null, empty text, past the header) are dropped, G is kept as 列G', () => {
    const plan = convertPlan('名册', grid, 'roster', true);
    expect([plan.create, plan.headerRow, plan.lastRow, plan.lastCol, plan.formatToRow]).toEqual([false, 2, 5, 8, 5]);
    expect(plan.rewrite).toEqual({
      row: 2,
      values: [
        ['姓名*', '工号', '性别', '出生年月', '学科*', '职称', '骨干称号', '在岗', '列G'],
        ['张伟', '001', null, null, '语文', null, null, null, null],
        [null, null, null, null, null, null, null, null, null],
        ['李娜', '002', null, null, '数学', null, null, null, 'x'],
      ],
    });
  });
});

test("convertPlan with a district's definition: its register is recognised and the table reaches the last data row", () => {
  const compiled = compileDefinition(parseDefinitionWorkbook(districtBDefinition()).definition!);
  const grid: Grid = [
    // the district's aliases: no built-in register knows these headers, so only the district's definition finds data
    ['听课日期', '听课人', '上课教师', '学科', '课题/课名', '节数'],
    ['2025-03-03', '张伟', '李娜', '语文', '识字', 1],
    ['2025-03-04', '张伟', '王芳', '数学', '加法', 1],
    ['2025-03-05', '李娜', '张伟', '语文', '古诗', 2],
  ];
  const plan = convertPlan('听课', grid, 'lesson_visits', false, compiled);
  expect([plan.headerRow, plan.lastRow, plan.lastCol, plan.formatToRow]).toEqual([1, 4, 5, 4]);
  expect(plan.columns.map((c) => [c.index, c.numberFormat])).toEqual([[0, 'yyyy-mm-dd'], [1, '@'], [2, '@'], [3, '@'], [4, '@'], [5, '0']]);
});
