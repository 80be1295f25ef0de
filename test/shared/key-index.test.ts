/** KeyIndex: rows grouped by key exactly as a Map of lists would group them, collisions and all. */
import { KeyIndex } from '../../shared/key-index';
import { rng } from '../fixtures/text';

/** The reference answer: a Map from key to its rows, keeping only keys held by two or more rows. */
function reference(keys: (string | null)[]): number[][] {
  const m = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (k === null) return;
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  });
  return [...m.values()].filter((l) => l.length > 1).sort((a, b) => a[0] - b[0]);
}

function grouped(keys: (string | null)[]): number[][] {
  const idx = new KeyIndex(keys.length);
  keys.forEach((k, i) => k !== null && idx.add(k, i));
  return [...idx.groups()];
}

describe('KeyIndex', () => {
  it('lists only keys held by more than one row, each with its rows in order', () => {
    expect(grouped(['甲', '乙', '甲', '丙', '乙', '甲'])).toEqual([
      [0, 2, 5],
      [1, 4],
    ]);
  });

  it('gives nothing when every key is unique, and nothing for no rows', () => {
    expect(grouped(['a', 'b', 'c'])).toEqual([]);
    expect(grouped([])).toEqual([]);
  });

  it('skips rows never added (blank values) without joining their neighbours', () => {
    expect(grouped(['x', null, 'x', null])).toEqual([[0, 2]]);
  });

  it('tells apart keys that differ in one character, and equal text held by different string objects', () => {
    const a = ['关于', '小学', '语文'].join('');
    const b = '关于小学' + '语文';
    expect(a).toBe(b);
    expect(grouped([a, '关于小学语言', b, '关于小学语文 '])).toEqual([[0, 2]]);
  });

  it('agrees with a Map over 20,000 random keys from a small alphabet (many hash-slot collisions)', () => {
    const r = rng(7);
    const keys = Array.from({ length: 20_000 }, () => (r() < 0.05 ? null : Array.from({ length: 1 + Math.floor(r() * 3) }, () => '甲乙丙丁戊'[Math.floor(r() * 5)]).join('')));
    expect(grouped(keys)).toEqual(reference(keys));
  });

  it('agrees with a Map over 100,000 distinct titles with a few repeated', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `第${i % 99_000}篇论文`);
    const g = grouped(keys);
    expect(g).toHaveLength(1_000);
    expect(g).toEqual(reference(keys));
  });
});
