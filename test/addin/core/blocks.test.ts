import { groupBlocks, MAX_BLOCK_ROWS, PAYLOAD_BUDGET, planBlocks, rowsPerBlock } from '../../../addin/core/blocks';

describe('block planning', () => {
  test('between 5,000 and 20,000 rows for ordinary widths at the first guess', () => {
    expect(rowsPerBlock(12)).toBe(16666);
    expect(rowsPerBlock(4)).toBe(MAX_BLOCK_ROWS);
    expect(rowsPerBlock(40)).toBe(5000);
  });

  test('wider or heavier cells mean fewer rows, never zero', () => {
    expect(rowsPerBlock(12, 200)).toBe(1666);
    expect(rowsPerBlock(16384, 100000)).toBe(1);
  });

  test('planBlocks covers every row exactly once', () => {
    const blocks = planBlocks('S', 50001, 12);
    expect(blocks.map((b) => [b.row, b.rows])).toEqual([[0, 16666], [16666, 16666], [33332, 16666], [49998, 3]]);
  });

  test('small sheets share a sync; big ones get their own', () => {
    const groups = groupBlocks([...planBlocks('A', 100, 8), ...planBlocks('B', 200, 8), ...planBlocks('C', 20000, 12)]);
    expect(groups.map((g) => g.map((b) => `${b.sheet}${b.row}`))).toEqual([['A0', 'B0'], ['C0'], ['C16666']]);
    for (const g of groups) expect(g.reduce((n, b) => n + b.rows * b.cols * 20, 0)).toBeLessThanOrEqual(PAYLOAD_BUDGET);
  });
});
