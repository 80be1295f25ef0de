import { applyMarks, clearMarks, MARKS_KEY } from '../../../addin/excel/marks';
import { MARK_COLORS, type Mark } from '../../../addin/core/marks';
import type { WorkbookModel } from '../../support/excel-host-model';
import { useHost } from '../../support/excel-host-jest';

const RED = MARK_COLORS.error;
const AMBER = MARK_COLORS.warning;

function setup(m: WorkbookModel): void {
  const s = m.addSheet('论文');
  s.setGrid(Array.from({ length: 10 }, (_, r) => ['a', 'b', 'c', 'd'].map((x) => `${x}${r}`)));
  s.cell(3, 2, true)!.fill = { color: '#00B0F0', pattern: 'Solid' }; // C4: the user's own blue
  s.cell(9, 0, true)!.fill = { color: '#92D050', pattern: 'Solid' }; // A10: user's green, never marked
  s.notes.set('D7', '用户自己的备注');
}

const e = (row: number, col: string, message = '缺少必填项'): Mark => ({ sheet: '论文', row, col, severity: 'error', message });
const w = (row: number, col: string, message = '迟交'): Mark => ({ sheet: '论文', row, col, severity: 'warning', message });

describe('applyMarks (notes, ExcelApi 1.18)', () => {
  test('a cell with no fill gets no fill back after 清除标记, not solid white (No Fill reads as #FFFFFF, null pattern)', async () => {
    const host = useHost(setup);
    await applyMarks([e(3, 'B')], 'all');
    await clearMarks();
    const sheet = host.model.sheet('论文')!;
    expect(sheet.fillOf('B3').pattern).toBe('None');
    expect(sheet.fillAt('B3')).toBeNull();
  });

  test('patterned and tinted fills come back whole after 清除标记: pattern, pattern colour and tint', async () => {
    const host = useHost((m) => {
      setup(m);
      const s = m.sheet('论文')!;
      s.cell(1, 1, true)!.fill = { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000' }; // B2
      s.cell(1, 2, true)!.fill = { color: '#4472C4', pattern: 'Solid', tintAndShade: 0.6 }; // C2
    });
    await applyMarks([e(2, 'B'), w(2, 'C')], 'all');
    const sheet = host.model.sheet('论文')!;
    expect(sheet.fillAt('B2')).toBe(RED);
    expect(sheet.fillOf('C2')).toEqual({ color: AMBER, pattern: 'Solid' });
    await clearMarks();
    expect(sheet.fillOf('B2')).toEqual({ color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000' });
    expect(sheet.fillOf('C2')).toEqual({ color: '#4472C4', pattern: 'Solid', tintAndShade: 0.6 });
  });

  test('adjacent cells are merged into range areas; errors red, warnings amber; the message is a note', async () => {
    const host = useHost(setup);
    const out = await applyMarks([e(3, 'B'), e(4, 'B'), e(5, 'B'), e(7, 'D'), w(3, 'C'), w(4, 'C', '格式')], 'all');
    expect(out).toEqual({ cells: 6, removed: 0, notes: 5, skippedNotes: 1, mode: 'note' });
    const fills = host.stats.log.filter((l) => l.startsWith('fill'));
    expect(fills).toEqual([`fill 论文!B3:B5,D7 ${RED}`, `fill 论文!C3:C4 ${AMBER}`]);
    const sheet = host.model.sheet('论文')!;
    expect(sheet.fillAt('B4')).toBe(RED);
    expect(sheet.fillAt('C4')).toBe(AMBER);
    expect(sheet.notes.get('B3')).toBe('研表校验\n错误：缺少必填项');
    expect(sheet.notes.get('D7')).toBe('用户自己的备注'); // the user's note is never replaced
    expect(host.stats.log).toContain('suspendcalc');
    expect(host.stats.syncs).toBe(3); // sheet names, fills/notes now, all writes
    const reg = host.model.savedSettings[MARKS_KEY] as Record<string, Record<string, { prior: string | null }>>;
    const id = host.model.sheet('论文')!.id;
    expect(reg[id].C4.prior).toBe('#00B0F0');
    expect(reg[id].B3.prior).toBeNull();
  });

  test('one cell with an error and a warning is red and its note holds both messages', async () => {
    const host = useHost(setup);
    await applyMarks([w(2, 'A', '迟交'), e(2, 'A', '日期无效')], 'all');
    const sheet = host.model.sheet('论文')!;
    expect(sheet.fillAt('A2')).toBe(RED);
    expect(sheet.notes.get('A2')).toBe('研表校验\n警告：迟交\n错误：日期无效');
  });

  test('清除标记 restores prior fills, removes only Yanbiao notes, leaves the user formatting alone', async () => {
    const host = useHost(setup);
    await applyMarks([e(3, 'B'), w(4, 'C'), e(7, 'D')], 'all');
    expect(await clearMarks()).toEqual({ cells: 0, removed: 3, notes: 0, skippedNotes: 0, mode: 'note' });
    const sheet = host.model.sheet('论文')!;
    expect(sheet.fillAt('B3')).toBeNull();
    expect(sheet.fillAt('C4')).toBe('#00B0F0');
    expect(sheet.fillAt('A10')).toBe('#92D050');
    expect(sheet.fillAt('D7')).toBeNull();
    expect([...sheet.notes.entries()]).toEqual([['D7', '用户自己的备注']]);
    expect(host.model.savedSettings[MARKS_KEY]).toBeUndefined();
  });

  test('renaming a marked sheet does not orphan its marks: 清除标记 still takes them back', async () => {
    const host = useHost(setup);
    await applyMarks([e(3, 'B'), w(4, 'C')], 'all');
    host.model.sheet('论文')!.name = '论文投稿';
    await clearMarks();
    const sheet = host.model.sheet('论文投稿')!;
    expect(sheet.fillAt('B3')).toBeNull();
    expect(sheet.fillAt('C4')).toBe('#00B0F0');
    expect(sheet.notes.has('B3')).toBe(false);
  });

  test('a mark the user recoloured keeps the user colour when marks are cleared', async () => {
    const host = useHost(setup);
    await applyMarks([e(3, 'B')], 'all');
    host.model.sheet('论文')!.cell(2, 1)!.fill = { color: '#FFFF00', pattern: 'Solid' };
    await clearMarks();
    expect(host.model.sheet('论文')!.fillAt('B3')).toBe('#FFFF00');
  });

  test('validating again moves marks: fixed cells get their own fill back, the prior of a re-marked cell is kept', async () => {
    const host = useHost(setup);
    await applyMarks([w(4, 'C'), e(5, 'B')], 'all');
    await applyMarks([e(4, 'C')], 'all');
    const sheet = host.model.sheet('论文')!;
    expect(sheet.fillAt('B5')).toBeNull();
    expect(sheet.fillAt('C4')).toBe(RED);
    expect(sheet.notes.has('B5')).toBe(false);
    expect(sheet.notes.get('C4')).toBe('研表校验\n错误：缺少必填项');
    await clearMarks();
    expect(sheet.fillAt('C4')).toBe('#00B0F0');
  });

  test('scope: marking one sheet leaves the marks of another in place', async () => {
    const host = useHost((m) => { setup(m); m.addSheet('名册').setGrid([['姓名'], ['张伟']]); });
    await applyMarks([e(2, 'A'), { ...e(2, 'A'), sheet: '名册' }], 'all');
    await applyMarks([], ['论文']);
    expect(host.model.sheet('论文')!.fillAt('A2')).toBeNull();
    expect(host.model.sheet('名册')!.fillAt('A2')).toBe(RED);
  });
});

describe('applyMarks degrades by requirement set', () => {
  test('ExcelApi 1.12: the message goes into a comment; clearing deletes only our comments', async () => {
    const host = useHost((m) => {
      setup(m);
      m.comments.push({ id: 'user-1', address: '论文!C3', content: '用户的批注' });
    }, { excelApi: '1.12' });
    const out = await applyMarks([e(3, 'B'), w(3, 'C')], 'all');
    expect(out.mode).toBe('comment');
    expect(out.notes).toBe(1);
    expect(out.skippedNotes).toBe(1);
    expect(host.model.comments.map((c) => [c.address, c.content])).toEqual([
      ['论文!C3', '用户的批注'],
      ['论文!B3', '研表校验\n错误：缺少必填项'],
    ]);
    expect(host.model.sheet('论文')!.notes.size).toBe(1); // no note API used
    await clearMarks();
    expect(host.model.comments.map((c) => c.id)).toEqual(['user-1']);
    expect(host.model.sheet('论文')!.fillAt('B3')).toBeNull();
  });

  test('ExcelApi 1.9: colours only, mode none, and no note/comment API is touched', async () => {
    const host = useHost(setup, { excelApi: '1.9' });
    const out = await applyMarks([e(3, 'B')], 'all');
    expect(out).toEqual({ cells: 1, removed: 0, notes: 0, skippedNotes: 0, mode: 'none' });
    expect(host.model.sheet('论文')!.fillAt('B3')).toBe(RED);
    await clearMarks();
    expect(host.model.sheet('论文')!.fillAt('B3')).toBeNull();
  });
});

describe('applyMarks at scale (Excel on the web, 5 MB a request)', () => {
  test('6,000 scattered findings with notes: probes and notes are synced in parts, none refused, all marked', async () => {
    const host = useHost((m) => {
      const s = m.addSheet('论文');
      s.setGrid(Array.from({ length: 12001 }, (_, r) => [`教师${r}`, `题目${r}`]));
    });
    const marks: Mark[] = Array.from({ length: 6000 }, (_, i) => ({ sheet: '论文', row: 2 + 2 * i, col: 'B', severity: 'error', message: `第 ${i} 个问题：缺少必填项` }));
    const out = await applyMarks(marks, 'all');
    expect(out).toMatchObject({ cells: 6000, notes: 6000, mode: 'note' });
    expect(host.stats.refused).toBe(0);
    expect(Math.max(...host.stats.requests)).toBeLessThan(5 * 1024 * 1024);
    const sheet = host.model.sheet('论文')!;
    expect(sheet.notes.size).toBe(6000);
    expect(sheet.fillAt('B12000')).toBe(RED);
    expect(sheet.fillAt('B12001')).toBeNull();
    expect(await clearMarks()).toMatchObject({ removed: 6000 });
    expect(sheet.notes.size).toBe(0);
    expect(host.stats.refused).toBe(0);
  });
});
