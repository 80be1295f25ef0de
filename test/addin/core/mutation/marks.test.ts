/**
 * addin/core/marks.ts on plain data (issue 15's surviving mutants): which cells get which fill and note, and what
 * 清除标记 puts back. The Excel side is tested in test/addin/excel/marks.test.ts; here the decisions alone.
 */
import { cellMarks, fillKey, fillProps, planSheet, type CellMark, type Mark, type MarkEntry, type NoteOwner } from '../../../../addin/core/marks';

const RED = '#FFC7CE';
const AMBER = '#FFEB9C';

const mark = (row: number, col: string, severity: Mark['severity'], message: string, sheet = '论文投稿'): Mark => ({ sheet, row, col, severity, message });

/** A plan's fills as plain pairs, so a whole plan can be compared at once. */
const plain = (p: ReturnType<typeof planSheet>) => ({ ...p, fills: [...p.fills] });

describe('cellMarks', () => {
  test('one cell per sheet and address; an error outranks a warning; each message once, in the order found', () => {
    const got = cellMarks([
      mark(3, 'B', 'warning', '迟交'),
      mark(3, 'B', 'error', '日期无效'),
      mark(3, 'B', 'warning', '迟交'),
      mark(4, 'C', 'warning', '字数与正文相差较多'),
      mark(2, 'A', 'error', '缺少必填项', '教师名册'),
    ]);
    expect([...got.keys()]).toEqual(['论文投稿', '教师名册']);
    expect([...got.get('论文投稿')!.values()]).toEqual([
      { address: 'B3', color: RED, text: '研表校验\n警告：迟交\n错误：日期无效' },
      { address: 'C4', color: AMBER, text: '研表校验\n警告：字数与正文相差较多' },
    ]);
    expect([...got.get('教师名册')!.values()]).toEqual([{ address: 'A2', color: RED, text: '研表校验\n错误：缺少必填项' }]);
  });

  test('a warning after an error keeps the cell red', () => {
    const got = cellMarks([mark(5, 'D', 'error', '取值无效'), mark(5, 'D', 'warning', '迟交')]);
    expect(got.get('论文投稿')!.get('D5')).toEqual({ address: 'D5', color: RED, text: '研表校验\n错误：取值无效\n警告：迟交' });
  });

  test('a row-level finding (no column) marks column A; whole-sheet findings (row 0, no row) mark nothing', () => {
    const got = cellMarks([mark(7, '', 'error', '重复'), mark(0, 'B', 'error', '缺少列'), mark(Number.NaN, 'B', 'error', '缺少列')]);
    expect([...got.get('论文投稿')!.keys()]).toEqual(['A7']);
    expect(cellMarks([mark(0, 'B', 'error', '缺少列')]).size).toBe(0);
  });

  test('row 1 is a cell like any other', () => {
    expect([...cellMarks([mark(1, 'B', 'warning', '表头')]).get('论文投稿')!.keys()]).toEqual(['B1']);
  });
});

describe('planSheet', () => {
  const m = (address: string, color = RED, text = '研表校验\n错误：日期无效'): CellMark => ({ address, color, text });
  const marks = (...list: CellMark[]) => new Map(list.map((x) => [x.address, x]));
  const fills = (o: Record<string, string | null>) => new Map(Object.entries(o));
  const notes = (o: Record<string, NoteOwner>) => new Map(Object.entries(o));

  test('a new mark on a plain cell: filled, noted, and its prior fill (none) remembered', () => {
    const p = planSheet({}, marks(m('B3')), fills({ B3: null }), notes({}));
    expect(plain(p)).toEqual({ fills: [[RED, ['B3']]], clears: [], deleteNotes: [], addNotes: [m('B3')], skippedNotes: 0, registry: { B3: { prior: null, color: RED } } });
  });

  test('a cell whose fill was not read counts as unfilled', () => {
    const p = planSheet({}, marks(m('B3')), fills({}), notes({}));
    expect(p.registry).toEqual({ B3: { prior: null, color: RED } });
    expect([...p.fills]).toEqual([[RED, ['B3']]]);
  });

  test("a new mark on the user's blue cell remembers the blue; marks of one colour are written together", () => {
    const p = planSheet({}, marks(m('C4'), m('D7')), fills({ C4: '#00B0F0', D7: null }), notes({}));
    expect([...p.fills]).toEqual([[RED, ['C4', 'D7']]]);
    expect(p.registry).toEqual({ C4: { prior: '#00B0F0', color: RED }, D7: { prior: null, color: RED } });
  });

  test('marked again in the same colour: no fill written, the original prior kept, our old note replaced', () => {
    const old: Record<string, MarkEntry> = { B3: { prior: '#00B0F0', color: RED, note: true } };
    const p = planSheet(old, marks(m('B3')), fills({ B3: RED }), notes({ B3: 'ours' }));
    expect(plain(p)).toEqual({ fills: [], clears: [], deleteNotes: ['B3'], addNotes: [m('B3')], skippedNotes: 0, registry: { B3: { prior: '#00B0F0', color: RED } } });
  });

  test('an error cell that is now only a warning turns amber and still remembers the fill from before the marks', () => {
    const old: Record<string, MarkEntry> = { B3: { prior: '#00B0F0', color: RED } };
    const p = planSheet(old, marks(m('B3', AMBER, '研表校验\n警告：迟交')), fills({ B3: RED }), notes({}));
    expect([...p.fills]).toEqual([[AMBER, ['B3']]]);
    expect(p.registry).toEqual({ B3: { prior: '#00B0F0', color: AMBER } });
  });

  test('a marked cell the user recoloured: their colour becomes the prior to put back', () => {
    const old: Record<string, MarkEntry> = { B3: { prior: null, color: RED } };
    const p = planSheet(old, marks(m('B3')), fills({ B3: '#92D050' }), notes({}));
    expect(p.registry).toEqual({ B3: { prior: '#92D050', color: RED } });
    expect([...p.fills]).toEqual([[RED, ['B3']]]);
  });

  test('no longer marked: a cell that had no fill is cleared, a cell that had one gets it back; our note goes', () => {
    const old: Record<string, MarkEntry> = { B3: { prior: null, color: RED, note: true }, C4: { prior: '#00B0F0', color: AMBER, note: true } };
    const p = planSheet(old, marks(), fills({ B3: RED, C4: AMBER }), notes({ B3: 'ours', C4: 'ours' }));
    expect(plain(p)).toEqual({ fills: [['#00B0F0', ['C4']]], clears: ['B3'], deleteNotes: ['B3', 'C4'], addNotes: [], skippedNotes: 0, registry: {} });
  });

  test('no longer marked but recoloured by the user since: left exactly as the user made it', () => {
    const old: Record<string, MarkEntry> = { B3: { prior: null, color: RED } };
    const p = planSheet(old, marks(), fills({ B3: '#92D050' }), notes({ B3: 'user' }));
    expect(plain(p)).toEqual({ fills: [], clears: [], deleteNotes: [], addNotes: [], skippedNotes: 0, registry: {} });
  });

  test("the user's own note stays and ours is not added (counted as skipped); a cell with no note gets ours", () => {
    const p = planSheet({}, marks(m('D7'), m('E8')), fills({}), notes({ D7: 'user', E8: 'none' }));
    expect(p.skippedNotes).toBe(1);
    expect(p.addNotes).toEqual([m('E8')]);
    expect(p.deleteNotes).toEqual([]);
    expect(Object.keys(p.registry)).toEqual(['D7', 'E8']);
  });
});

describe('fillKey and fillProps', () => {
  test('no fill: nothing read, no pattern (how Excel reports No Fill), pattern None, or no colour', () => {
    expect([
      fillKey(undefined),
      fillKey({ color: '#FFFFFF', pattern: null }),
      fillKey({ color: '#FFFFFF' }),
      fillKey({ color: '#FFFFFF', pattern: 'None' }),
      fillKey({ color: null, pattern: 'Solid' }),
      fillKey({ color: '', pattern: 'Solid' }),
    ]).toEqual([null, null, null, null, null, null]);
  });

  test('a plain solid colour is its upper-case hex; a tint or pattern is kept whole as JSON', () => {
    expect(fillKey({ color: '#ffc7ce', pattern: 'Solid' })).toBe('#FFC7CE');
    expect(fillKey({ color: '#ffc7ce', pattern: 'Solid', tintAndShade: 0 })).toBe('#FFC7CE');
    expect(fillKey({ color: '#4472c4', pattern: 'Solid', tintAndShade: 0.6 })).toBe('{"color":"#4472C4","pattern":"Solid","tintAndShade":0.6}');
    expect(fillKey({ color: '#ffff00', pattern: 'Gray25', patternColor: '#ff0000' })).toBe('{"color":"#FFFF00","pattern":"Gray25","patternColor":"#FF0000"}');
    expect(fillKey({ color: '#ffff00', pattern: 'Gray25', patternColor: null, tintAndShade: null })).toBe('{"color":"#FFFF00","pattern":"Gray25"}');
  });

  test('fillProps reads back the JSON form; a plain colour or unreadable text gives null', () => {
    expect(fillProps('{"color":"#FFFF00","pattern":"Gray25","patternColor":"#FF0000"}')).toEqual({ color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000' });
    expect(fillProps('#FFC7CE')).toBeNull();
    expect(fillProps('{not json')).toBeNull();
  });
});
