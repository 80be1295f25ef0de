/**
 * addin/core/structure-plan.ts on plain data (issue 15's surviving mutants): what 结构化 plans for a new template
 * sheet and for a sheet converted in place. Widths are the template's characters × 5.6 + 4 points, rounded.
 */
import { convertPlan, freeName, headerText, numberFormatOf, templatePlan, templatesOf, widthPoints } from '../../../../addin/core/structure-plan';
import { TEMPLATES, type ColumnDef } from '../../../../shared';

const SUBJECTS = ['语文', '数学', '英语', '科学', '道德与法治', '音乐', '美术', '体育与健康', '信息科技', '劳动', '综合实践', '心理健康', '书法', '其他'];
const TITLES = ['未定级', '三级教师', '二级教师', '一级教师', '高级教师', '正高级教师'];
const HONOURS = ['无', '校级骨干', '区县级骨干', '市级骨干', '学科带头人', '特级教师'];
const LEVELS = ['国家级', '省级', '市级', '区县级', '校级'];

test('number formats: dates and months as such, integers as 0, numbers General, everything else text', () => {
  const def = (type: ColumnDef['type']) => ({ name: 'x', type, width: 10 }) as ColumnDef;
  expect(['date', 'month', 'integer', 'number', 'text', 'name', 'names', 'enum', 'journal', 'longtext'].map((t) => numberFormatOf(def(t as ColumnDef['type'])))).toEqual([
    'yyyy-mm-dd', 'yyyy-mm', '0', 'General', '@', '@', '@', '@', '@', '@',
  ]);
});

test('widths in points and headers with * on required columns', () => {
  expect([widthPoints(8), widthPoints(10), widthPoints(12), widthPoints(40)]).toEqual([49, 60, 71, 228]);
  expect([headerText({ name: '姓名', type: 'name', required: true, width: 12 }), headerText({ name: '工号', type: 'text', width: 12 })]).toEqual(['姓名*', '工号']);
});

test('without a district definition the built-in templates are used', () => {
  expect(templatesOf()).toBe(TEMPLATES);
  expect(templatesOf(undefined)).toBe(TEMPLATES);
});

test('a new roster sheet: header row 1, a table to row 2, formats and dropdowns to row 501', () => {
  expect(templatePlan('roster', '教师名册 (2)')).toEqual({
    sheet: '教师名册 (2)',
    create: true,
    headerRow: 1,
    lastRow: 2,
    lastCol: 7,
    formatToRow: 501,
    rewrite: { row: 1, values: [['姓名*', '工号', '性别', '出生年月', '学科*', '职称', '骨干称号', '在岗']] },
    columns: [
      { index: 0, numberFormat: '@', width: 71 },
      { index: 1, numberFormat: '@', width: 71 },
      { index: 2, numberFormat: '@', width: 49, list: ['男', '女'] },
      { index: 3, numberFormat: 'yyyy-mm', width: 71, hint: '如 1988-05' },
      { index: 4, numberFormat: '@', width: 82, list: SUBJECTS },
      { index: 5, numberFormat: '@', width: 82, list: TITLES },
      { index: 6, numberFormat: '@', width: 82, list: HONOURS },
      { index: 7, numberFormat: '@', width: 49, list: ['是', '否'] },
    ],
  });
});

test('a free sheet name: the title itself, else the first free (n), compared without case', () => {
  expect(freeName('教师名册', ['论文投稿'])).toBe('教师名册');
  expect(freeName('教师名册', ['教师名册'])).toBe('教师名册 (2)');
  expect(freeName('教师名册', ['教师名册', '教师名册 (2)', '教师名册 (4)'])).toBe('教师名册 (3)');
  expect(freeName('Roster', ['roster', 'ROSTER (2)'])).toBe('Roster (3)');
});

describe('converting a sheet in place', () => {
  const messy = [
    ['五通桥区实验小学2025年春季学期论文统计表'],
    ['序号', '作者', '论文题目', '去向', '评比/刊物', '状态', '提交时间', '级别', '备注'],
    [1, '张伟', '浅谈识字', '评比', '区论文评比', '已提交', '2025-03-10', '区县级', '无'],
    [2, '李娜', '体育常规', '评比', '区论文评比', '已提交', '2025-03-11', '区县级', ''],
    ['填表人：王芳'],
  ];
  const STATUS = ['已提交', '已录用', '已发表', '获奖', '未获奖'];

  test('kept in place: the recognised columns get their formats and lists; the table ends at the last data row', () => {
    expect(convertPlan('论文', messy, 'papers', false)).toEqual({
      sheet: '论文',
      create: false,
      headerRow: 2,
      lastRow: 4,
      lastCol: 8,
      formatToRow: 4,
      columns: [
        { index: 1, numberFormat: '@', width: 82, hint: '第一作者在前，合著者用“、”分隔' },
        { index: 2, numberFormat: '@', width: 228 },
        { index: 3, numberFormat: '@', width: 49, list: ['评比', '投稿'] },
        { index: 4, numberFormat: '@', width: 172 },
        { index: 5, numberFormat: '@', width: 60, list: STATUS },
        { index: 6, numberFormat: 'yyyy-mm-dd', width: 71 },
        { index: 7, numberFormat: '@', width: 60, list: LEVELS },
      ],
    });
  });

  test('reordered: template columns first (missing ones empty), then the other columns as they were', () => {
    const plan = convertPlan('论文', messy, 'papers', true);
    expect([plan.headerRow, plan.lastRow, plan.lastCol, plan.formatToRow]).toEqual([2, 4, 13, 4]);
    expect(plan.rewrite).toEqual({
      row: 2,
      values: [
        ['教师*', '题目*', '类型', '去向*', '评比或刊物*', '级别', '提交日期*', '状态*', '获奖等级', '刊号', '发表期次', '发表日期', '序号', '备注'],
        ['张伟', '浅谈识字', null, '评比', '区论文评比', '区县级', '2025-03-10', '已提交', null, null, null, null, 1, '无'],
        ['李娜', '体育常规', null, '评比', '区论文评比', '区县级', '2025-03-11', '已提交', null, null, null, null, 2, ''],
      ],
    });
    expect(plan.columns.map((c) => [c.index, c.numberFormat, c.width])).toEqual([
      [0, '@', 82], [1, '@', 228], [2, '@', 60], [3, '@', 49], [4, '@', 172], [5, '@', 60],
      [6, 'yyyy-mm-dd', 71], [7, '@', 60], [8, '@', 60], [9, '@', 150], [10, '@', 71], [11, 'yyyy-mm-dd', 71],
    ]);
  });

  test('reordered: an empty unnamed column is dropped, an unnamed one with data is kept as 列X, old cells blanked', () => {
    const grid = [
      ['姓名', '学科', null, null, '备注', null, null, null, null, null, null],
      ['张伟', '语文', null, '党员', '', null, null, null, null, null, null],
      ['李娜', '数学', '', null, null, null, null, null, null, null, null],
    ];
    const plan = convertPlan('名册', grid, 'roster', true);
    expect([plan.headerRow, plan.lastRow, plan.lastCol]).toEqual([1, 3, 9]);
    expect(plan.rewrite).toEqual({
      row: 1,
      values: [
        ['姓名*', '工号', '性别', '出生年月', '学科*', '职称', '骨干称号', '在岗', '列D', '备注', null],
        ['张伟', null, null, null, '语文', null, null, null, '党员', '', null],
        ['李娜', null, null, null, '数学', null, null, null, null, null, null],
      ],
    });
  });

  test('a header with no data rows yet: the table reaches the row below it', () => {
    const plan = convertPlan('名册', [['姓名', '工号', '学科']], 'roster', false);
    expect([plan.headerRow, plan.lastRow, plan.lastCol, plan.formatToRow]).toEqual([1, 2, 2, 2]);
    expect(plan.columns.map((c) => c.index)).toEqual([0, 1, 2]);
  });

  test('another kind, or no header in the first rows, is refused in Chinese naming the sheet', () => {
    expect(() => convertPlan('论文', messy, 'roster', false)).toThrow('工作表“论文”的表头看起来是“论文投稿”，不是“教师名册”。');
    expect(() => convertPlan('空', [['随便'], ['写点']], 'roster', false)).toThrow('工作表“空”的前 10 行里没有找到可识别的表头，请改用“新建模板表”。');
  });
});
