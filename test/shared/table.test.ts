/** The column store behind a validated sheet, and the records built from it on first reading. */
import { validateSheet } from '../../shared';
import { Table } from '../../shared/table';

describe('Table', () => {
  const t = new Table(
    ['姓名', '学科'],
    new Map([
      ['姓名', ['张三', '李四']],
      ['学科', ['语文', null]],
    ]),
    [3, 5],
    [
      [' 张三 ', '语文'],
      ['李四', ''],
    ],
    new Map([
      ['姓名', 0],
      ['学科', 1],
    ]),
  );

  it('reads values by field and raw cells by row', () => {
    expect(t.length).toBe(2);
    expect(t.values('学科')).toEqual(['语文', null]);
    expect(t.cell(0, '姓名')).toBe(' 张三 ');
    expect(t.cell(1, '学科')).toBe('');
  });

  it('reads a field the sheet lacks as undefined on every row', () => {
    expect(t.values('工号')[0]).toBeUndefined();
    expect(t.values('工号')[1]).toBeUndefined();
    expect(t.cell(0, '工号')).toBeUndefined();
  });

  it('builds records with the Excel row number and the fields in column order', () => {
    expect(t.records()).toEqual([
      { row: 3, values: { 姓名: '张三', 学科: '语文' } },
      { row: 5, values: { 姓名: '李四', 学科: null } },
    ]);
    expect(Object.keys(t.records()[1].values)).toEqual(['姓名', '学科']);
  });

  it('drops the raw cells but keeps the values when asked', () => {
    const light = t.withoutCells();
    expect(light.values('姓名')).toEqual(['张三', '李四']);
    expect(light.cell(0, '姓名')).toBeUndefined();
  });
});

describe('records of a sheet result', () => {
  const grid = [
    ['姓名', '学科', '工号'],
    ['王芳', '数学', 'T01'],
    ['李 强', '英语', ''],
  ];

  it('are built once, on first reading, and then stay the same array', () => {
    const r = validateSheet({ sheet: '名册', grid }, { asOf: '2025-06-30' });
    const first = r.records;
    expect(first.map((x) => x.row)).toEqual([2, 3]);
    expect(first[1].values['姓名']).toBe('李强');
    expect(r.records).toBe(first);
  });

  it('come along when a result is spread, serialised or structured-cloned', () => {
    const r = validateSheet({ sheet: '名册', grid }, { asOf: '2025-06-30' });
    expect({ ...r }.records).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(r)).records[0]).toEqual({ row: 2, values: { 姓名: '王芳', 学科: '数学', 工号: 'T01' } });
    expect(structuredClone(r).records).toHaveLength(2);
  });

  it('can be replaced, as a plain property could', () => {
    const r = validateSheet({ sheet: '名册', grid }, { asOf: '2025-06-30' });
    r.records = [];
    expect(r.records).toEqual([]);
  });
});
