/**
 * addin/core's small planners on their edges (issue 15's surviving mutants): the school-against-district chart rows,
 * A1 cells merged into areas and chunked for getRanges(), and read blocks grouped under the 4,000,000-byte budget.
 */
import { areaAddress, cellOf, chunkAddresses, mergeCells } from '../../../../addin/core/areas';
import { groupBlocks, planBlocks, type Block } from '../../../../addin/core/blocks';
import { compareSchool } from '../../../../addin/core/compare';

describe('compareSchool', () => {
  // As 区级汇总 is written: the 全区合计 line has no 学校代码.
  const summary = [
    ['学校代码', '学校', '类型', '在岗教师', '反思完成率', '论文人均篇数', '公开课人均'],
    ['WTQ-SY', '五通桥区实验小学', '小学', 40, 0.95, 1.2, null],
    ['WTQ-A', '甲小学', '小学', 20, 0.7, 0.5, 0.4],
    [null, '全区合计', '2所', 60, 0.8667, 0.9667, 0.2],
  ];

  test('no school set (a district token, settings not filled in): no chart, not 全区合计 against itself', () => {
    expect(compareSchool(summary, '')).toBeNull();
    expect(compareSchool(summary, '  ')).toBeNull();
  });

  test('the header line is never a school, even when asked for by a header word', () => {
    expect(compareSchool(summary, '学校')).toBeNull();
    expect(compareSchool(summary, '学校代码')).toBeNull();
  });

  test('headers are read trimmed and a blank header cell is no column; 学校 may be the first column', () => {
    const grid = [
      [' 学校 ', null, ' 反思完成率', '学校代码'],
      ['甲小学', 'x', 0.7, 'WTQ-A'],
      ['全区合计', 'y', 0.8, null],
    ];
    expect(compareSchool(grid, 'WTQ-A')).toEqual({ name: '甲小学', rows: [{ label: '反思完成率', school: 0.7, district: 0.8 }] });
  });

  test('a compared column may be the first; blank lines and a line without a name are passed over', () => {
    const grid = [
      ['反思完成率', '学校代码', '学校'],
      null as unknown as (string | number | null)[],
      [0.5, 'WTQ-B', null],
      [0.7, 'WTQ-A', '甲小学'],
      [0.8, null, '全区合计'],
    ];
    expect(compareSchool(grid, 'WTQ-A')).toEqual({ name: '甲小学', rows: [{ label: '反思完成率', school: 0.7, district: 0.8 }] });
  });
});

describe('cellOf', () => {
  test('letters then digits, any number of each', () => {
    expect([cellOf('B7'), cellOf('AB12'), cellOf('XFD1048576')]).toEqual([
      { row: 7, col: 1 },
      { row: 12, col: 27 },
      { row: 1048576, col: 16383 },
    ]);
  });

  test('anything else around an address is refused', () => {
    for (const bad of ['SheetB7', 'B7x', '7B', 'b7', '']) expect(() => cellOf(bad)).toThrow(new RangeError(`bad cell ${bad}`));
  });
});

describe('mergeCells and chunkAddresses', () => {
  const cells = (...a: string[]) => a.map(cellOf);

  test('columns are merged left to right whatever order the cells come in', () => {
    expect(mergeCells(cells('C1', 'A1', 'D1', 'B1')).map(areaAddress)).toEqual(['A1:D1']);
    expect(mergeCells(cells('K2', 'J2', 'L2')).map(areaAddress)).toEqual(['J2:L2']);
  });

  test('equal runs two columns apart are not merged across the gap', () => {
    expect(mergeCells(cells('A1', 'A2', 'C1', 'C2')).map(areaAddress)).toEqual(['A1:A2', 'C1:C2']);
  });

  test('a chunk may be exactly the limit long; nothing gives no chunk', () => {
    const areas = mergeCells(cells('A1', 'C1'));
    expect(chunkAddresses(areas, 6)).toEqual(['A1, C1']);
    expect(chunkAddresses(areas, 5)).toEqual(['A1', 'C1']);
    expect(chunkAddresses([])).toEqual([]);
  });
});

describe('planBlocks and groupBlocks', () => {
  test('an empty sheet has no blocks; a multiple of the block size has no empty last block', () => {
    expect(planBlocks('S', 0, 12)).toEqual([]);
    expect(planBlocks('S', 33332, 12).map((b) => [b.row, b.rows])).toEqual([[0, 16666], [16666, 16666]]);
  });

  test('blocks exactly filling the 4,000,000-byte budget share one sync; one byte more does not', () => {
    const block = (sheet: string, rows: number): Block => ({ sheet, row: 0, rows, cols: 10 });
    // 10,000 rows × 10 columns × 20 bytes = 2,000,000 bytes each.
    expect(groupBlocks([block('A', 10000), block('B', 10000)]).map((g) => g.map((b) => b.sheet))).toEqual([['A', 'B']]);
    expect(groupBlocks([block('A', 10000), block('B', 10000)], 21).map((g) => g.map((b) => b.sheet))).toEqual([['A'], ['B']]);
    expect(groupBlocks([])).toEqual([]);
  });
});
