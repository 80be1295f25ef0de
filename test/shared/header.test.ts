import { detectHeader, validateSheet } from '../../shared';

describe('header and kind detection', () => {
  it('finds a header under title rows, tolerating spaces, full-width brackets and a trailing *', () => {
    const m = detectHeader([['某某学校论文统计表'], [], ['教师 *', '题 目', '去向＊', '评比（刊物）名称', '提交日期*', '状态', '学时(小时)']], 'Sheet1');
    expect(m?.kind).toBe('papers');
    expect(m?.headerRow).toBe(3);
    expect(m?.columns.map((c) => [c.field, c.col])).toEqual([
      ['教师', 'A'],
      ['题目', 'B'],
      ['去向', 'C'],
      ['评比或刊物', 'D'], // 评比（刊物）名称 → 评比名称 once the bracketed note is set aside
      ['提交日期', 'E'],
      ['状态', 'F'],
    ]);
    expect(m?.unknown.map((u) => u.text)).toEqual(['学时(小时)']);
  });
  it('does not look below the first 10 rows for a header', () => {
    const grid = [...Array.from({ length: 10 }, () => ['说明']), ['教师', '题目', '去向', '评比或刊物', '提交日期', '状态']];
    expect(detectHeader(grid)).toBeNull();
    expect(detectHeader(grid.slice(1))?.headerRow).toBe(10);
  });
  it('reports a sheet that matches no kind instead of guessing', () => {
    const r = validateSheet({ sheet: '工资表', grid: [['姓名', '基本工资', '绩效']] });
    expect(r.kind).toBeNull();
    expect(r.findings.map((f) => [f.code, f.row, f.field])).toEqual([['header_unknown', 1, '']]);
  });
  it('ignores a blank sheet entirely', () => {
    expect(validateSheet({ sheet: 'Sheet2', grid: [[], [null, '']] }).findings).toEqual([]);
  });
  it('reads a two-row header with merged parents', () => {
    const m = detectHeader([
      ['教师', '题目', '去向', '评比或刊物', '获奖情况', null, '提交日期', '状态'],
      [null, null, null, null, '级别', '等级', null, null],
      ['张伟', 'x', '评比', '区评比', '区县级', '一等奖', '2025-03-01', '获奖'],
    ]);
    expect(m?.headerRow).toBe(2);
    expect(m?.columns.find((c) => c.field === '获奖等级')?.col).toBe('F');
    expect(m?.columns.find((c) => c.field === '级别')?.col).toBe('E');
  });
  it('tells a roster from a reflection sheet by its headers, whatever the tab is called', () => {
    expect(detectHeader([['姓名', '性别', '学科', '职称']], '论文')?.kind).toBe('roster');
    expect(detectHeader([['月份', '教师', '题目', '字数', '提交日期']], 'Sheet1')?.kind).toBe('reflections');
  });
  it('skips blank rows, 序号-only rows, repeated headers and footers', () => {
    const r = validateSheet(
      {
        sheet: 'x',
        grid: [
          ['序号', '姓名', '学科', '性别'],
          [1, '张伟', '语文', '男'],
          [2, null, null, null],
          [],
          ['序号', '姓名', '学科', '性别'],
          [3, '李娜', '数学', '女'],
          ['合计', '2人'],
          ['填表人：王老师'],
        ],
      },
      { term: '2025春', asOf: '2025-06-30' },
    );
    expect(r.records.map((x) => [x.row, x.values['姓名']])).toEqual([
      [2, '张伟'],
      [6, '李娜'],
    ]);
    expect(r.findings).toEqual([]);
  });
});
