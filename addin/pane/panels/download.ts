/** 下载 panel: fetch the district's merged report into the workbook, with a chart of the school against the district. */
import { downloadReport } from '../../flows/download';
import { busy, h, messageBar, replace } from '../dom';
import { currentSettings, state, storeSettings } from '../state';
import { termSelect } from './upload';

/** Builds the panel. */
export function downloadPanel(): HTMLElement {
  const s = currentSettings();
  const term = termSelect('sel-term-dl', s.term);
  const status = h('div', { class: 'status' });
  const caps = state.host?.caps;
  const notice = caps && !caps.insertSheets
    ? messageBar('info', '此版本的 Excel 不支持直接插入工作表，汇总表将逐表写入数值和格式。')
    : null;
  const go: HTMLButtonElement = h('button', { class: 'primary', id: 'btn-download', onclick: () => busy(go, status, async () => {
    const c = { ...currentSettings(), term: term.value };
    replace(status, messageBar('info', '正在下载区级汇总…'));
    const r = await downloadReport({ base: c.server, token: c.token }, c.term, c.school);
    if (!r.ok) { replace(status, messageBar('error', r.message)); return; }
    await storeSettings(c);
    const how = r.insert.mode === 'values' ? '（逐表写入数值和格式）' : '';
    const renamed = r.insert.renamed.length ? `为不影响您自己的同名工作表，这些表另存为：${r.insert.renamed.join('、')}。` : '';
    replace(status, messageBar('success', `已插入 ${r.insert.sheets.length} 张工作表${how}：${r.insert.sheets.join('、')}。${renamed}`,
      r.chart ? h('div', {}, '已在“本校对比”工作表中生成本校与全区的对比图。') : h('div', {}, '汇总中没有本校的数据行，未生成对比图（请检查学校代码）。')));
  }) }, '下载区级汇总');
  return h('div', { class: 'panel', id: 'panel-download' },
    h('p', { class: 'lead' }, '下载本学期的区级汇总：区级汇总、上报情况、本校各登记表和问题清单，并生成本校与全区的对比图。'),
    h('label', { class: 'field inline' }, h('span', { class: 'label' }, '学期'), term),
    notice,
    h('div', { class: 'actions' }, go),
    status,
    h('p', { class: 'hint' }, '汇总表中以 =、+、-、@ 开头的文字一律按文本写入，不会变成公式。'));
}
