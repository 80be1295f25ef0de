/** The ribbon's 校验 function command, driven through the stand-in as Office would call it. */
import { MARK_COLORS } from '../../../addin/core/marks';
import { useHost } from '../../support/excel-host-jest';

describe('validateActiveSheet (function command)', () => {
  test('marks the active sheet, then shows the counts in a dialog; the event is completed', async () => {
    (globalThis as Record<string, unknown>).location = new URL('https://localhost:8443/addin/commands.html');
    const host = useHost((m) => {
      m.addSheet('教师名册').setGrid([['姓名', '工号', '学科'], ['张伟', 'T1', '体育'], ['李娜', 'T2', '火星语']]);
      m.addSheet('其他').setGrid([['姓名', '工号', '学科'], ['王芳', 'T3', '体育']]);
    });
    await jest.isolateModulesAsync(async () => { await import('../../../addin/commands/commands'); });
    await new Promise((r) => setTimeout(r, 0));
    const handler = host.actions.get('validateActiveSheet');
    expect(handler).toBeDefined();
    await new Promise<void>((resolve) => handler!({ completed: resolve }));
    const s = host.model.sheet('教师名册')!;
    expect(s.fillAt('C2')).toBe(MARK_COLORS.warning);
    expect(s.fillAt('C3')).toBe(MARK_COLORS.error);
    expect(host.model.sheet('其他')!.fillAt('C2')).toBeNull();
    expect(host.dialogs).toHaveLength(1);
    const url = new URL(host.dialogs[0].url);
    expect(url.pathname).toBe('/addin/dialog.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({ sheet: '教师名册', kind: 'roster', title: '教师名册', e: '1', w: '1', mode: 'note' });
  });

  test('on an older Excel the dialog is told the marks went into comments', async () => {
    (globalThis as Record<string, unknown>).location = new URL('https://localhost:8443/addin/commands.html');
    const host = useHost((m) => m.addSheet('教师名册').setGrid([['姓名', '工号', '学科'], ['李娜', 'T2', '火星语']]), { excelApi: '1.12' });
    await jest.isolateModulesAsync(async () => { await import('../../../addin/commands/commands'); });
    await new Promise((r) => setTimeout(r, 0));
    await new Promise<void>((resolve) => host.actions.get('validateActiveSheet')!({ completed: resolve }));
    expect(host.model.comments.map((c) => c.address)).toEqual(['教师名册!C2']);
    expect(new URL(host.dialogs[0].url).searchParams.get('mode')).toBe('comment');
  });
});
