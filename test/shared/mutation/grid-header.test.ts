/**
 * fillMerged (shared/grid.ts) and detectHeader (shared/header.ts): the budget arithmetic, which cells a merge fills,
 * and how the header row and the register kind are chosen (fields, then a hint, then the share of the template).
 * Expected values are worked out by hand.
 */
import { detectHeader } from '../../../shared';
import { fillMerged, type Area } from '../../../shared/grid';
import type { ColumnDef, Template } from '../../../shared/templates/template';
import type { Cell, Grid, KindId } from '../../../shared/types';

describe('fillMerged budget', () => {
  // 4-row grid; area rows 1..5 clamp to 1..3 (3 rows), columns 1..2 (2 columns): 6 cells.
  const grid = (): Grid => [['a'], ['b'], ['c'], ['d']];
  const area: Area = { r0: 1, c0: 1, r1: 5, c1: 2 };

  it('allows exactly the budget and refuses one less', () => {
    expect(() => fillMerged(grid(), [area], 6)).not.toThrow();
    expect(() => fillMerged(grid(), [area], 5)).toThrow(new RangeError('合并单元格展开后的单元格数量超过上限'));
  });

  it('counts repeats of an area before writing anything', () => {
    const g = grid();
    expect(() => fillMerged(g, [area, area], 11)).toThrow(RangeError);
    expect(g).toStrictEqual([['a'], ['b'], ['c'], ['d']]);
    expect(() => fillMerged(grid(), [area, area], 12)).not.toThrow();
  });

  it('an area wholly below the grid costs nothing', () => {
    expect(fillMerged(grid(), [{ r0: 7, c0: 0, r1: 9, c1: 3 }], 0)).toBe(0);
  });
});

describe('fillMerged cells', () => {
  const cases: { name: string; grid: Grid; areas: Area[]; count: number; after: Grid }[] = [
    {
      name: 'first row filled across, up to and including c1',
      grid: [['a', '', null]],
      areas: [{ r0: 0, c0: 0, r1: 0, c1: 3 }],
      count: 3,
      after: [['a', 'a', 'a', 'a']],
    },
    {
      name: 'blank top-left fills nothing',
      grid: [['', '']],
      areas: [{ r0: 0, c0: 0, r1: 0, c1: 1 }],
      count: 0,
      after: [['', '']],
    },
    {
      name: 'null top-left fills nothing',
      grid: [[null, '']],
      areas: [{ r0: 0, c0: 0, r1: 0, c1: 1 }],
      count: 0,
      after: [[null, '']],
    },
    {
      name: 'undefined top-left fills nothing',
      grid: [[undefined, '']],
      areas: [{ r0: 0, c0: 0, r1: 0, c1: 1 }],
      count: 0,
      after: [[undefined, '']],
    },
    {
      name: 'a cell already holding a value is kept',
      grid: [['a', 'x', 0, false]],
      areas: [{ r0: 0, c0: 0, r1: 0, c1: 3 }],
      count: 0,
      after: [['a', 'x', 0, false]],
    },
    {
      name: 'a row below is filled only when it has a value of its own',
      grid: [['n', 'x'], ['', ''], ['', 'y']],
      areas: [{ r0: 0, c0: 0, r1: 2, c1: 0 }],
      count: 1,
      after: [['n', 'x'], ['', ''], ['n', 'y']],
    },
    {
      name: 'rows past r1 are left alone',
      grid: [['a', 'b'], ['', 'c'], ['', 'd']],
      areas: [{ r0: 0, c0: 0, r1: 1, c1: 0 }],
      count: 1,
      after: [['a', 'b'], ['a', 'c'], ['', 'd']],
    },
    {
      name: 'a short row is padded with null up to the merge',
      grid: [['p', 'q', 'V'], ['z']],
      areas: [{ r0: 0, c0: 2, r1: 1, c1: 2 }],
      count: 1,
      after: [['p', 'q', 'V'], ['z', null, 'V']],
    },
    {
      name: 'merge starting below the grid fills nothing',
      grid: [['a'], ['b']],
      areas: [{ r0: 5, c0: 0, r1: 6, c1: 1 }],
      count: 0,
      after: [['a'], ['b']],
    },
    {
      name: 'no areas',
      grid: [['a', '']],
      areas: [],
      count: 0,
      after: [['a', '']],
    },
  ];
  it.each(cases)('$name', ({ grid, areas, count, after }) => {
    expect(fillMerged(grid, areas)).toBe(count);
    expect(grid).toStrictEqual(after);
  });

  it('a missing row inside the merge is skipped', () => {
    const grid = [['n'], undefined, ['', 'z']] as unknown as Grid;
    expect(fillMerged(grid, [{ r0: 0, c0: 0, r1: 2, c1: 0 }])).toBe(1);
    expect(grid).toStrictEqual([['n'], undefined, ['n', 'z']]);
  });
});

// ---- detectHeader with small hand-made templates ----

function col(name: string, required = false, aliases?: string[]): ColumnDef {
  return { name, type: 'text', width: 10, ...(required ? { required } : {}), ...(aliases ? { aliases } : {}) };
}
function tpl(kind: string, columns: ColumnDef[], hints: string[] = []): Template {
  return { kind: kind as KindId, title: kind, hints, columns, rules: [] };
}

describe('detectHeader: which template wins', () => {
  // Five columns, share 3/5 when three match; three columns, share 3/3.
  const five = tpl('roster', [col('A', true), col('B'), col('C'), col('D'), col('E')], ['HINT', '提示']);
  const three = tpl('projects', [col('A', true), col('B'), col('C')]);
  const header: Cell[] = ['A', 'B', 'C'];

  it('same fields: the larger share of the template wins, whichever comes first', () => {
    expect(detectHeader([header], 'x', { five, three })?.kind).toBe('projects');
    expect(detectHeader([header], 'x', { three, five })?.kind).toBe('projects');
  });

  it('a hint in the tab name outweighs the share', () => {
    expect(detectHeader([header], 'HINT', { five, three })?.kind).toBe('roster');
    expect(detectHeader([header], 'HINT', { three, five })?.kind).toBe('roster');
    // one of the two hints is enough
    expect(detectHeader([header], '提示', { three, five })?.kind).toBe('roster');
  });

  it('a hint in a title row above the header counts', () => {
    const g: Grid = [['年度HINT登记'], header];
    const m = detectHeader(g, 'x', { three, five });
    expect(m?.kind).toBe('roster');
    expect(m?.headerRow).toBe(2);
  });

  it('a missing row above the header is no hint', () => {
    const was = tpl('roster', [col('A', true), col('B'), col('C'), col('D'), col('E')], ['was']);
    const g: Grid = [];
    g[2] = ['A', 'B', 'C'];
    const m = detectHeader(g, 'x', { three, was });
    expect(m?.kind).toBe('projects');
    expect(m?.headerRow).toBe(3);
  });

  it('words in the header row or below it are no hint', () => {
    const g: Grid = [['A', 'B', 'C', 'HINT'], ['HINT', '', '', 'HINT']];
    const m = detectHeader(g, 'x', { three, five });
    expect(m?.kind).toBe('projects');
    expect(m?.headerRow).toBe(1);
  });

  it('tab name and title are separate words', () => {
    const ab = tpl('roster', [col('A', true), col('B'), col('C'), col('D'), col('E')], ['XY']);
    expect(detectHeader([['Y'], header], 'X', { three, ab })?.kind).toBe('projects');
    expect(detectHeader([['XY'], header], '', { three, ab })?.kind).toBe('roster');
  });

  it('no tab name given: no hint', () => {
    const here = tpl('roster', [col('A', true), col('B'), col('C'), col('D'), col('E')], ['here']);
    expect(detectHeader([header], undefined, { three, here })?.kind).toBe('projects');
  });

  it('more matched fields beats a better share or a hint', () => {
    const eight = tpl('roster', [col('A', true), col('B'), col('C'), col('D'), col('E'), col('F'), col('G'), col('H')]);
    const small = tpl('projects', [col('A', true), col('B'), col('C')], ['HINT']);
    const g: Grid = [['A', 'B', 'C', 'D']];
    expect(detectHeader(g, 'HINT', { eight, small })?.kind).toBe('roster');
  });

  it('a later, worse match does not replace the best one', () => {
    // hinted five first (tie 10.6), three second (tie 1)
    expect(detectHeader([header], 'HINT', { five, three })?.kind).toBe('roster');
  });
});

describe('detectHeader: what counts as a match', () => {
  const t = tpl('roster', [col('R1', true), col('R2', true), col('P'), col('Q'), col('S')]);

  it('three fields with a required one match even when other required columns are missing', () => {
    const m = detectHeader([['R1', 'P', 'Q']], '', { t });
    expect(m).not.toBeNull();
    expect(m?.missing).toEqual(['R2']);
  });

  it('two fields match only when they are every required column', () => {
    expect(detectHeader([['R1', 'P']], '', { t })).toBeNull();
    expect(detectHeader([['R1', 'R2']], '', { t })?.missing).toEqual([]);
  });

  it('no required column: no match, however many optional ones', () => {
    expect(detectHeader([['P', 'Q', 'S']], '', { t })).toBeNull();
  });

  it('nothing known: null', () => {
    expect(detectHeader([['foo', 'bar']], '', { t })).toBeNull();
  });

  it('a column with no aliases matches only its name', () => {
    const m = detectHeader([['Stryker was here', 'R2', 'P', 'Q']], '', { t });
    expect(m?.unknown).toEqual([{ index: 0, text: 'Stryker was here' }]);
    expect(m?.columns.map((c) => c.field)).toEqual(['R2', 'P', 'Q']);
    expect(m?.missing).toEqual(['R1']);
  });

  it('a spelling shared by two columns means the first', () => {
    const s = tpl('roster', [col('甲', true, ['共']), col('乙', false, ['共']), col('丙')]);
    const m = detectHeader([['共', '丙', '乙']], '', { s });
    expect(m?.columns.map((c) => [c.field, c.index])).toEqual([
      ['甲', 0],
      ['丙', 1],
      ['乙', 2],
    ]);
  });

  it('blank header cells are neither columns nor unknown', () => {
    const m = detectHeader([['R1', '', 'P', null, 'zz', 'R2']], '', { t });
    expect(m?.unknown).toEqual([{ index: 4, text: 'zz' }]);
    expect(m?.labels).toEqual(['R1', '', 'P', '', 'zz', 'R2']);
    expect(m?.missing).toEqual([]);
  });
});

describe('detectHeader: two-row headers', () => {
  const t = tpl('roster', [col('C1', true), col('C2'), col('C3'), col('C4'), col('C5'), col('C6')]);

  it('children wider than the parent row: every child column is read', () => {
    const g: Grid = [
      ['C1', 'C2', '获奖'],
      ['', '', 'C3', 'C4'],
    ];
    const m = detectHeader(g, '', { t });
    expect(m?.headerRow).toBe(2);
    expect(m?.labels).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(m?.columns.map((c) => c.header)).toEqual(['C1', 'C2', 'C3', 'C4']);
  });

  it('a missing first row: the header below is read on its own', () => {
    const g: Grid = [];
    g[1] = ['', 'C1', 'C2', 'C3'];
    const m = detectHeader(g, '', { t });
    expect(m?.headerRow).toBe(2);
    expect(m?.labels).toEqual(['', 'C1', 'C2', 'C3']);
    expect(m?.unknown).toEqual([]);
  });
});
