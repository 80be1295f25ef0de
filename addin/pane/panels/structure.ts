/** 结构化 panel: pick a kind, then create a template sheet or convert the active sheet in place. */
import { KINDS, TEMPLATES, type KindId } from '../../../shared';
import { activeKind, convertActive, newTemplateSheet } from '../../flows/structure';
import type { StructureOutcome } from '../../excel';
import { busy, h, messageBar, replace } from '../dom';

function done(o: StructureOutcome, verb: string): HTMLElement {
  const parts = [`${verb}“${o.sheet}”：`, o.table ? '已建成表格，' : '工作表中已有表格，未重复创建，', `设置了 ${o.lists} 个下拉列表、列格式、列宽，并冻结了表头。`];
  if (o.skippedLists.length) parts.push(`列 ${o.skippedLists.join('、')} 的可选值太多，未加下拉列表。`);
  return messageBar('success', parts.join(''));
}

/** Builds the panel. */
export function structurePanel(): HTMLElement {
  const status = h('div', { class: 'status' });
  let kind: KindId = 'roster';
  const cards = KINDS.map((k) => {
    const cols = TEMPLATES[k].columns;
    const card = h('button', { class: `kind-card${k === kind ? ' chosen' : ''}`, 'data-kind': k, role: 'radio', 'aria-checked': k === kind ? 'true' : 'false', onclick: () => choose(k) },
      h('span', { class: 'kind-title' }, TEMPLATES[k].title),
      h('span', { class: 'kind-cols' }, cols.slice(0, 5).map((c) => c.name).join('、') + (cols.length > 5 ? ' …' : '')));
    return card;
  });
  const choose = (k: KindId) => {
    kind = k;
    for (const c of cards) {
      const on = c.dataset.kind === k;
      c.classList.toggle('chosen', on);
      c.setAttribute('aria-checked', on ? 'true' : 'false');
    }
  };
  const reorder = h('input', { type: 'checkbox', id: 'chk-reorder' });
  const sheetInfo = h('p', { class: 'hint' }, '正在读取当前工作表…');
  const refresh = () => activeKind().then(({ sheet, kind: k }) => {
    replace(sheetInfo, `当前工作表：“${sheet}”`, k ? `，表头识别为“${TEMPLATES[k].title}”。` : '，未识别到表头。');
    if (k) choose(k);
  }).catch(() => replace(sheetInfo, ''));
  const create: HTMLButtonElement = h('button', { class: 'primary', id: 'btn-template', onclick: () => busy(create, status, async () => {
    replace(status, done(await newTemplateSheet(kind), '已新建'));
    void refresh();
  }) }, '新建模板表');
  const convert: HTMLButtonElement = h('button', { id: 'btn-convert', onclick: () => busy(convert, status, async () => {
    try {
      replace(status, done(await convertActive(kind, reorder.checked), '已整理'));
      void refresh();
    } catch (err) {
      if (err instanceof Error && !('code' in err)) replace(status, messageBar('warning', err.message));
      else throw err;
    }
  }) }, '转换当前工作表');
  const panel = h('div', { class: 'panel', id: 'panel-structure' },
    h('p', { class: 'lead' }, '选择登记表的种类，新建一张标准模板表，或把当前工作表整理成标准格式。'),
    h('div', { class: 'kinds', role: 'radiogroup', 'aria-label': '登记表种类' }, ...cards),
    sheetInfo,
    h('label', { class: 'check' }, reorder, '按模板调整列顺序和列名'),
    h('div', { class: 'actions' }, create, convert),
    status);
  (panel as HTMLElement & { onShow?: () => void }).onShow = refresh;
  return panel;
}
