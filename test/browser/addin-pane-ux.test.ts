/** The task pane as a new user meets it (Chromium, the Excel stand-in, the real server on 127.0.0.1): a long list of
 *  findings can be narrowed to errors and jumped sheet to sheet; an empty workbook is not "全部通过"; settings typed
 *  into 上传 survive an upload refused for the workbook's own errors. Screenshots go to test/artifacts/. */
import { join } from 'node:path';
import { APP_DATE, APP_TERM } from '../support/district-app';
import type { BrowserSeed } from '../support/excel-host-browser';
import { ARTIFACTS, host, startPaneRig, type PaneRig } from '../support/excel-host-pane';

// The rig's clock (server and page): a literal school day, whatever the system's date.
const today = APP_DATE;

const roster = [['姓名', '工号', '学科'], ...Array.from({ length: 40 }, (_, i) => [`教师${i}`, `T${i}`, i < 30 ? '体育' : '火星语'])];
const papers = [
  ['教师', '题目', '类型', '去向', '评比或刊物', '级别', '提交日期', '状态'],
  ...Array.from({ length: 30 }, (_, i) => [`教师${i}`, i % 2 ? `论文${i}` : '', '论文', '评比', '区论文评比', '区级', today, '已提交']),
];
const busy: BrowserSeed = { active: '教师名册', sheets: [{ name: '教师名册', grid: roster }, { name: '论文投稿', grid: papers }] };

let rig: PaneRig;
beforeAll(async () => { rig = await startPaneRig([{ code: 'WTQ-SY', name: '五通桥区实验小学' }]); });
afterAll(async () => { await rig?.close(); });

test('70 findings: 只看错误 hides the warnings and warning-only sheets; a chip jumps to a sheet’s group', async () => {
  const page = await rig.openPane(busy);
  try {
    await page.click('#btn-validate');
    await page.waitForSelector('.toolbar');
    const visible = (sel: string) => page.$$eval(sel, (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
    const warnings = await visible('.finding.warning');
    const errors = await visible('.finding.error');
    expect(warnings).toBeGreaterThanOrEqual(30);
    expect(errors).toBeGreaterThanOrEqual(10);
    expect(await page.$$eval('.toolbar .chip', (els) => els.map((e) => (e as HTMLElement).dataset.sheet))).toEqual(['教师名册', '论文投稿']);
    await page.click('#only-errors');
    expect(await visible('.finding.warning')).toBe(0);
    expect(await visible('.finding.error')).toBe(errors);
    await page.screenshot({ path: join(ARTIFACTS, 'addin-validate-errors-only.png'), fullPage: false });
    await page.click('#only-errors');
    expect(await visible('.finding.warning')).toBe(warnings);
    // jump: the 论文投稿 group comes to the top of the pane
    await page.click('.toolbar .chip[data-sheet="论文投稿"]');
    await page.waitForFunction(() => {
      const g = document.querySelector('.group[data-sheet="论文投稿"]')!.getBoundingClientRect();
      return g.top >= -1 && g.top < 120;
    });
    await page.screenshot({ path: join(ARTIFACTS, 'addin-validate-jump.png'), fullPage: false });
  } finally {
    await page.close();
  }
});

test('an empty workbook: “没有识别到登记表”, never “全部通过”', async () => {
  const page = await rig.openPane({ sheets: [{ name: 'Sheet1', grid: [] }] });
  try {
    await page.click('#btn-validate');
    await page.waitForSelector('#panel-validate .results .empty >> text=没有识别到登记表');
    const status = await page.textContent('#panel-validate .status');
    expect(status).toMatch(/没有识别到登记表/);
    expect(status).not.toMatch(/全部通过/);
  } finally {
    await page.close();
  }
});

test('上传 refused for the workbook’s errors keeps the school and token typed, so 下载 does not ask again', async () => {
  const page = await rig.openPane(busy);
  try {
    await page.click('#tab-upload');
    await page.fill('#in-school', 'WTQ-SY');
    await page.fill('#in-token', rig.tokens['WTQ-SY']);
    await page.click('#btn-upload');
    await page.waitForSelector('#panel-upload .message.error >> text=个错误');
    // the district answered with these settings, so they are saved though the upload was refused
    expect(await host(page, 'saved')).toEqual(expect.objectContaining({ 'yanbiao.school': 'WTQ-SY', 'yanbiao.server': rig.base }));
    await page.click('#tab-download');
    await page.click('#btn-download');
    await page.waitForSelector('#panel-download .message');
    const message = await page.textContent('#panel-download .message');
    expect(message).not.toMatch(/令牌|学校代码|未登录|401/);
    // and the 上传 panel, opened again, still shows them
    await page.click('#tab-upload');
    expect(await page.inputValue('#in-school')).toBe('WTQ-SY');
    expect(await page.inputValue('#in-token')).toBe(rig.tokens['WTQ-SY']);
  } finally {
    await page.close();
  }
});

test('settings typed but never accepted by a district are kept for the session only, not saved', async () => {
  const page = await rig.openPane(busy);
  try {
    await page.click('#tab-upload');
    await page.fill('#in-server', 'http://127.0.0.1:9');
    await page.fill('#in-school', 'WTQ-XX');
    await page.fill('#in-token', 'wrong');
    await page.click('#btn-upload');
    await page.waitForSelector('#panel-upload .message.error');
    expect(await host(page, 'saved')).not.toEqual(expect.objectContaining({ 'yanbiao.school': 'WTQ-XX' }));
    await page.click('#tab-download');
    await page.click('#tab-upload');
    expect(await page.inputValue('#in-school')).toBe('WTQ-XX');
  } finally {
    await page.close();
  }
});

