/** The ribbon's 校验 function command, driven through the stand-in as Office would call it. */
import { registerRibbonCommands } from '../../../addin/commands/ribbon';
import { MARK_COLORS } from '../../../addin/core/marks';
import { useHost } from '../../support/excel-host-jest';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('validateActiveSheet (function command)', () => {
  beforeEach(() => {
    (globalThis as Record<string, unknown>).location = new URL('https://localhost:8443/addin/taskpane.html');
  });

  test('marks the active sheet, then shows the counts in a dialog; the event is completed after 确定', async () => {
    const host = useHost((m) => {
      m.addSheet('教师名册').setGrid([['姓名', '工号', '学科'], ['张伟', 'T1', '体育'], ['李娜', 'T2', '火星语']]);
      m.addSheet('其他').setGrid([['姓名', '工号', '学科'], ['王芳', 'T3', '体育']]);
    });
    registerRibbonCommands();
    let completed = false;
    const run = host.runCommand('validateActiveSheet').then(() => { completed = true; });
    for (let i = 0; i < 50 && !host.dialogs.length; i++) await tick();
    const s = host.model.sheet('教师名册')!;
    expect(s.fillAt('C2')).toBe(MARK_COLORS.warning);
    expect(s.fillAt('C3')).toBe(MARK_COLORS.error);
    expect(host.model.sheet('其他')!.fillAt('C2')).toBeNull();
    expect(host.dialogs).toHaveLength(1);
    const url = new URL(host.dialogs[0].url);
    expect(url.pathname).toBe('/addin/dialog.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({ sheet: '教师名册', kind: 'roster', title: '教师名册', e: '1', w: '1', mode: 'note' });

    // Without a shared runtime, completing the command ends its runtime and closes the dialog with it: the result
    // must stay on screen until the user presses 确定, and only then is the event completed.
    await tick();
    expect(completed).toBe(false);
    expect(host.dialogs[0].open).toBe(true);
    host.dialogs[0].message('close'); // 确定
    await run;
    expect(host.dialogs[0].open).toBe(false);
    expect(host.alive).toBe(false);
  });

  test('closing the dialog with its own close button also completes the command', async () => {
    const host = useHost((m) => m.addSheet('教师名册').setGrid([['姓名', '工号', '学科'], ['张伟', 'T1', '体育']]));
    registerRibbonCommands();
    const run = host.runCommand('validateActiveSheet');
    for (let i = 0; i < 50 && !host.dialogs.length; i++) await tick();
    expect(host.dialogs[0].open).toBe(true);
    host.dialogs[0].dismiss();
    await run;
    expect(host.alive).toBe(false);
  });

  test('on an older Excel the dialog is told the marks went into comments', async () => {
    const host = useHost((m) => m.addSheet('教师名册').setGrid([['姓名', '工号', '学科'], ['李娜', 'T2', '火星语']]), { excelApi: '1.12' });
    registerRibbonCommands();
    const run = host.runCommand('validateActiveSheet');
    for (let i = 0; i < 50 && !host.dialogs.length; i++) await tick();
    host.dialogs[0].message('close');
    await run;
    expect(host.model.comments.map((c) => c.address)).toEqual(['教师名册!C2']);
    expect(new URL(host.dialogs[0].url).searchParams.get('mode')).toBe('comment');
  });
});
