/** The small dialog the ribbon's 校验 opens: the result for the active sheet, and 确定 to close. */
import { titleOf } from '../../shared/registers/list';
import { closeDialog } from '../excel/host';
import { h, replace } from '../pane/dom';

function text(q: URLSearchParams): string {
  if (q.get('fail')) return `校验失败：${q.get('fail')}`;
  const sheet = q.get('sheet') ?? '';
  const kind = q.get('kind') ?? '';
  if (!kind) return `工作表“${sheet}”没有识别到登记表的表头。请打开研表面板，用“结构化”整理。`;
  const e = Number(q.get('e')), w = Number(q.get('w'));
  const title = q.get('title') || titleOf(kind);
  const what = title === sheet ? `“${sheet}”` : `“${sheet}”（${title}）`;
  if (!e && !w) return `${what}校验通过，没有发现问题。`;
  const how = q.get('mode') === 'comment' ? '此版本的 Excel 不支持“备注”，问题说明已写入批注。'
    : q.get('mode') === 'none' ? '此版本的 Excel 不支持备注和批注，只用颜色标出，问题说明请在研表面板中查看。' : '';
  return `${what}有 ${e} 个错误、${w} 个警告，已在单元格上标出。${how}打开研表面板可查看列表并一键修正。`;
}

function render(): void {
  const q = new URLSearchParams(location.search);
  const close = () => { void closeDialog(); };
  replace(document.getElementById('dialog')!, h('h1', {}, '研表校验'), h('p', {}, text(q)), h('div', { class: 'actions' }, h('button', { class: 'primary', onclick: close }, '确定')));
}

render();
