/** Task pane entry: waits for Office, checks the host, and shows the four panels as Fluent-style tabs. */
import { registerRibbonCommands } from '../commands/ribbon';
import { showDialog, whenReady } from '../excel';
import { h, messageBar, replace } from './dom';
import { downloadPanel } from './panels/download';
import { structurePanel } from './panels/structure';
import { uploadPanel } from './panels/upload';
import { validatePanel } from './panels/validate';
import { state } from './state';

type Panel = HTMLElement & { onShow?: () => void };

const TABS: [string, string, () => Panel][] = [
  ['structure', '结构化', structurePanel],
  ['validate', '校验', validatePanel],
  ['upload', '上传', uploadPanel],
  ['download', '下载', downloadPanel],
];

function shell(root: HTMLElement): void {
  const panels = new Map<string, Panel>();
  const body = h('main', { class: 'body' });
  const buttons = TABS.map(([id, label]) => h('button', { class: 'tab', role: 'tab', id: `tab-${id}`, 'aria-selected': 'false', onclick: () => show(id) }, label));
  const show = (id: string) => {
    for (const b of buttons) b.setAttribute('aria-selected', b.id === `tab-${id}` ? 'true' : 'false');
    let panel = panels.get(id);
    if (!panel) {
      panel = TABS.find((t) => t[0] === id)![2]();
      panels.set(id, panel);
    }
    replace(body, panel);
    panel.onShow?.();
  };
  const help = h('button', { class: 'link help', onclick: () => { showDialog(new URL('help.html', location.href).href, { height: 60, width: 40 }).catch(() => window.open('help.html', '_blank')); } }, '帮助');
  replace(root,
    h('header', { class: 'top' }, h('img', { src: 'assets/icon-32.png', alt: '', width: 24, height: 24 }), h('h1', {}, '研表'), h('span', { class: 'sub' }, '教科室登记表'), help),
    h('nav', { class: 'tabs', role: 'tablist' }, ...buttons),
    body);
  show('validate');
}

async function start(): Promise<void> {
  const root = document.getElementById('app')!;
  try {
    state.host = await whenReady();
  } catch {
    replace(root, messageBar('error', '无法连接 Office，请在 Excel 中打开研表。'));
    return;
  }
  if (!state.host.excel) { replace(root, messageBar('error', '研表只能在 Excel 中使用。')); return; }
  // this page is the add-in's runtime for the ribbon too (shared runtime, or the function file on older hosts)
  registerRibbonCommands();
  if (!state.host.caps.base) { replace(root, messageBar('error', '此版本的 Excel 太旧（需要 ExcelApi 1.9 及以上），请升级 Office 后再使用研表。')); return; }
  shell(root);
}

void start();
