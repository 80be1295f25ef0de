/** Where Excel keeps state per runtime and per session: each runtime's own copy of the document settings, worksheet
 *  ids that change when the workbook is reopened, and dialogs that die with the command runtime that opened them. */
import { applyMarks, clearMarks, MARKS_KEY } from '../../../addin/excel/marks';
import { saveDocSettings } from '../../../addin/excel/settings';
import { MARK_COLORS, type Mark } from '../../../addin/core/marks';
import { createHost, installHost } from '../../support/excel-host';
import { memoryStorage } from '../../support/excel-host-jest';
import { WorkbookModel } from '../../support/excel-host-model';

const e = (row: number, col: string): Mark => ({ sheet: '论文', row, col, severity: 'error', message: '缺少必填项' });

function workbook(): WorkbookModel {
  const m = new WorkbookModel();
  m.addSheet('论文').setGrid(Array.from({ length: 6 }, (_, r) => ['a', 'b', 'c'].map((x) => `${x}${r}`)));
  m.sheet('论文')!.cell(2, 1, true)!.fill = { color: '#00B0F0', pattern: 'Solid' }; // B3: the user's blue
  (globalThis as Record<string, unknown>).localStorage = memoryStorage();
  return m;
}

describe('document settings: one copy per runtime', () => {
  test('marks saved by the ribbon command’s runtime are seen, kept and cleared by the pane', async () => {
    const model = workbook();
    const pane = createHost(model); // the pane opened first: its copy of the settings has no marks
    const command = createHost(model); // 校验 on the ribbon, in a runtime of its own
    installHost(command);
    await applyMarks([e(2, 'A'), e(3, 'B')], 'all');
    expect(model.sheet('论文')!.fillAt('B3')).toBe(MARK_COLORS.error);

    installHost(pane);
    await saveDocSettings({ 'yanbiao.school': 'WTQ-SY' }); // the pane saves something of its own
    expect(model.savedSettings[MARKS_KEY]).toBeDefined(); // …without writing its stale copy over the marks
    expect(await clearMarks()).toMatchObject({ removed: 2 });
    const sheet = model.sheet('论文')!;
    expect(sheet.fillAt('A2')).toBeNull();
    expect(sheet.fillAt('B3')).toBe('#00B0F0');
    expect(sheet.notes.size).toBe(0);
    expect(model.savedSettings).toEqual({ 'yanbiao.school': 'WTQ-SY' });
  });
});

describe('worksheet ids change when the workbook is reopened', () => {
  test('清除标记 after reopening takes back the marks made before: fills restored, notes removed', async () => {
    const model = workbook();
    model.addSheet('名册').setGrid([['姓名'], ['张伟']]);
    installHost(createHost(model));
    await applyMarks([e(2, 'A'), e(3, 'B')], 'all');
    const before = model.sheet('论文')!.id;

    model.reopen(); // closed, saved and opened again: new ids, a new runtime
    expect(model.sheet('论文')!.id).not.toBe(before);
    installHost(createHost(model));
    expect(await clearMarks()).toMatchObject({ removed: 2 });
    const sheet = model.sheet('论文')!;
    expect(sheet.fillAt('A2')).toBeNull();
    expect(sheet.fillAt('B3')).toBe('#00B0F0');
    expect(sheet.notes.size).toBe(0);
  });

  test('after reopening, validating again moves the marks (the prior fill is still the user’s)', async () => {
    const model = workbook();
    installHost(createHost(model));
    await applyMarks([e(3, 'B')], 'all');
    model.reopen();
    installHost(createHost(model));
    await applyMarks([e(2, 'A')], 'all'); // B3 fixed, A2 now wrong
    const sheet = model.sheet('论文')!;
    expect(sheet.fillAt('B3')).toBe('#00B0F0');
    expect(sheet.fillAt('A2')).toBe(MARK_COLORS.error);
    expect(Object.keys(model.savedSettings[MARKS_KEY] as object)).toEqual([sheet.id]);
  });
});
