import { capabilities, registerCommand, showDialog, whenReady } from '../../../addin/excel/host';
import { docSetting, saveDocSettings, setUserValue, userValue } from '../../../addin/excel/settings';
import { useHost } from '../../support/excel-host-jest';

describe('host detection and requirement sets', () => {
  test.each([
    ['1.18', { base: true, notes: true, comments: true, insertSheets: true }],
    ['1.13', { base: true, notes: false, comments: true, insertSheets: true }],
    ['1.10', { base: true, notes: false, comments: true, insertSheets: false }],
    ['1.8', { base: false, notes: false, comments: false, insertSheets: false }],
  ])('ExcelApi %s', async (v, caps) => {
    useHost(() => undefined, { excelApi: v });
    expect(capabilities()).toEqual(caps);
    expect(await whenReady()).toEqual({ host: 'Excel', platform: 'OfficeOnline', excel: true, caps });
  });
});

describe('settings', () => {
  test('server and school live in the document settings and are saved into the workbook', async () => {
    const host = useHost(() => undefined);
    await saveDocSettings({ 'yanbiao.server': 'https://district.example.cn', 'yanbiao.school': 'WTQ-SY' });
    expect(docSetting('yanbiao.server')).toBe('https://district.example.cn');
    expect(host.model.savedSettings).toEqual({ 'yanbiao.server': 'https://district.example.cn', 'yanbiao.school': 'WTQ-SY' });
    await saveDocSettings({ 'yanbiao.school': null });
    expect(docSetting('yanbiao.school')).toBeNull();
  });

  test('the token is per user, keyed by the partition key, and never in the document', () => {
    const host = useHost(() => undefined, { partitionKey: 'p-1/' });
    setUserValue('token', 'secret');
    expect(userValue('token')).toBe('secret');
    expect(localStorage.getItem('p-1/yanbiao:token')).toBe('secret');
    expect(JSON.stringify(host.model.settings)).not.toContain('secret');
    setUserValue('token', null);
    expect(userValue('token')).toBeNull();
  });

  test('without a partition key (some desktops) the plain key is used', () => {
    useHost(() => undefined);
    setUserValue('token', 't');
    expect(localStorage.getItem('yanbiao:token')).toBe('t');
  });
});

describe('commands and dialogs', () => {
  test('registerCommand associates the handler and completes the event when done', async () => {
    const host = useHost(() => undefined);
    let ran = 0;
    registerCommand('validateActiveSheet', async () => { ran++; });
    const handler = host.actions.get('validateActiveSheet')!;
    const completed = new Promise<void>((resolve) => handler({ completed: resolve }));
    await completed;
    expect(ran).toBe(1);
  });

  test('showDialog uses Office.context.ui.displayDialogAsync and settles when 确定 closes the dialog', async () => {
    const host = useHost(() => undefined);
    let closed = false;
    const shown = showDialog('https://localhost:8443/addin/help.html').then(() => { closed = true; });
    for (let i = 0; i < 20 && !host.dialogs.length; i++) await new Promise((r) => setTimeout(r, 0));
    expect(host.dialogs.map((d) => [d.url, d.options, d.open])).toEqual([['https://localhost:8443/addin/help.html', { height: 30, width: 30, displayInIframe: true }, true]]);
    await new Promise((r) => setTimeout(r, 0));
    expect(closed).toBe(false);
    host.dialogs[0].message('close');
    await shown;
    expect(host.dialogs[0].open).toBe(false);
  });
});
