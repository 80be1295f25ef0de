import { areaAddress, cellOf, chunkAddresses, mergeCells } from '../../../addin/core/areas';

const cells = (...a: string[]) => a.map(cellOf);

describe('mergeCells', () => {
  test('vertical runs, then equal runs side by side, then singles', () => {
    const areas = mergeCells(cells('B3', 'B4', 'B5', 'C3', 'C4', 'C5', 'D7', 'B9', 'A1'));
    expect(areas.map(areaAddress).sort()).toEqual(['A1', 'B3:C5', 'B9', 'D7']);
  });

  test('duplicates and order do not matter', () => {
    expect(mergeCells(cells('A2', 'A1', 'A2', 'A3')).map(areaAddress)).toEqual(['A1:A3']);
  });

  test('runs of different heights in neighbouring columns stay separate', () => {
    expect(mergeCells(cells('A1', 'A2', 'B1')).map(areaAddress).sort()).toEqual(['A1:A2', 'B1']);
  });

  test('a 2,000-cell checkerboard never merges diagonals', () => {
    const list: { row: number; col: number }[] = [];
    for (let r = 1; r <= 200; r++) for (let c = 0; c < 20; c += 2) list.push({ row: r, col: c + (r % 2) });
    expect(mergeCells(list)).toHaveLength(2000);
  });
});

describe('chunkAddresses', () => {
  test('joins with ", " and starts a new string before passing the limit', () => {
    const areas = mergeCells(Array.from({ length: 300 }, (_, i) => ({ row: i * 2 + 1, col: 5 })));
    const chunks = chunkAddresses(areas, 200);
    expect(chunks.every((c) => c.length <= 200)).toBe(true);
    expect(chunks.join(', ').split(', ')).toHaveLength(300);
    expect(chunks[0].startsWith('F1, F3, F5')).toBe(true);
  });
});
