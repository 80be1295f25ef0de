/** 结构化 panel: pick a kind, then create a template sheet or convert the active sheet in place. */
import { compiledOf, paneRegisters } from '../../core/registers';

import { activeKind, convertActive, newTemplateSheet } from '../../flows/structure';
import type { StructureOutcome } from '../../excel';
import { busy, h, messageBar, replace } from '../dom';
import { keptDefinition } from '../state';

function done(o: StructureOutcome, verb: string): HTMLElement {
  const parts = [`${verb}“${o.sheet}”：`, o.table ? '已建成表格，' : '工作表中已有表格，未重复创建，', `设置了 ${o.lists} 个下拉列表、列格式、列宽，并冻结了表头。`];
  if (o.skippedLists.length) parts.push(`列 ${o.skippedLists.join('、')} 的可选值太多，未加下拉列表。`);
  return messageBar('success', parts.join(''));
}

/** Builds the panel. */
export function structurePanel(): HTMLElement {
  const status = h('div', { class: 'status' });
  // The registers of the district's definition kept with the workbook (the built-in five without one); redrawn
  // when the pane is shown after a newer definition was fetched.
  let registers: ReturnType<typeof compiledOf>;
  let titles = new Map<string, string>();
  let kind = 'roster';
  let cards: HTMLElement[] = [];
  let drawn: string | null = null;
  const group = h('div', { class: 'kinds', role: 'radiogroup', 'aria-label': '登记表种类' });
  const drawCards = () => {
    const kept = keptDefinition();
    const key = kept ? `${kept.server}\u0000${kept.version}` : '';
    if (drawn === key) return;
    drawn = key;
    registers = compiledOf(kept);
    const list = paneRegisters(kept);
    titles = new Map(list.map((r) => [r.code, r.title]));
    if (!titles.has(kind)) kind = list[0]?.code ?? 'roster';
    cards = list.map(({ code: k, title, columns: cols }) =>
      h('button', { class: `kind-card${k === kind ? ' chosen' : ''}`, 'data-kind': k, role: 'radio', 'aria-checked': k === kind ? 'true' : 'false', onclick: () => choose(k) },
        h('span', { class: 'kind-title' }, title),
        h('span', { class: 'kind-cols' }, cols.slice(0, 5).map((c) => c.name).join('、') + (cols.length > 5 ? ' …' : ''))));
    replace(group, ...cards);
  };
  drawCards();
  const choose = (k: string) => {
    kind = k;
    for (const c of cards) {
      const on = c.dataset.kind === k;
      c.classList.toggle('chosen', on);
      c.setAttribute('aria-checked', on ? 'true' : 'false');
    }
  };
  const reorder = h('input', { type: 'checkbox', id: 'chk-reorder' });
  const sheetInfo = h('p', { class: 'hint' }, '正在读取当前工作表…');
  const refresh = () => (drawCards(), activeKind(registers)).then(({ sheet, kind: k }) => {
    replace(sheetInfo, `当前工作表：“${sheet}”`, k ? `，表头识别为“${titles.get(k) ?? k}”。` : '，未识别到表头。');
    if (k) choose(k);
  }).catch(() => replace(sheetInfo, ''));
  const create: HTMLButtonElement = h('button', { class: 'primary', id: 'btn-template', onclick: () => busy(create, status, async () => {
    replace(status, done(await newTemplateSheet(kind, registers), '已新建'));
    void refresh();
  }) }, '新建模板表');
  const convert: HTMLButtonElement = h('button', { id: 'btn-convert', onclick: () => busy(convert, status, async () => {
    try {
      replace(status, done(await convertActive(kind, reorder.checked, registers), '已整理'));
      void refresh();
    } catch (err) {
      if (err instanceof Error && !('code' in err)) replace(status, messageBar('warning', err.message));
      else throw err;
    }
  }) }, '转换当前工作表');
  const panel = h('div', { class: 'panel', id: 'panel-structure' },
    h('p', { class: 'lead' }, '选择登记表的种类，新建一张标准模板表，或把当前工作表整理成标准格式。'),
    group,
    sheetInfo,
    h('label', { class: 'check' }, reorder, '按模板调整列顺序和列名'),
    h('div', { class: 'actions' }, create, convert),
    status);
  (panel as HTMLElement & { onShow?: () => void }).onShow = refresh;
  return panel;
}
