import { address, colIndex, colLetter, parseAddress, rangeAddress } from '../../shared/a1';

describe('a1', () => {
  it('converts column indexes to letters and back across the Z/AA and ZZ/AAA boundaries', () => {
    const pairs: [number, string][] = [[0, 'A'], [25, 'Z'], [26, 'AA'], [51, 'AZ'], [701, 'ZZ'], [702, 'AAA'], [16383, 'XFD']];
    for (const [i, l] of pairs) {
      expect(colLetter(i)).toBe(l);
      expect(colIndex(l)).toBe(i);
    }
    for (let i = 0; i < 2000; i++) expect(colIndex(colLetter(i))).toBe(i);
  });
  it('parses and builds addresses', () => {
    expect(parseAddress('$B$7')).toEqual({ row: 7, col: 1 });
    expect(address(12, 27)).toBe('AB12');
    expect(rangeAddress(2, 0, 5, 2)).toBe('A2:C5');
    expect(rangeAddress(3, 1, 3, 1)).toBe('B3');
  });
  it('rejects nonsense', () => {
    expect(() => colLetter(-1)).toThrow();
    expect(() => colIndex('A1')).toThrow();
    expect(() => parseAddress('1A')).toThrow();
  });
});
