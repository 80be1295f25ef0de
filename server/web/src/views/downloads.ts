/** Downloads: the merged report (a school gets the district summary and its own rows), blank templates, and for the district 发布到 Google 表格. */
import { api, seg } from '../api';
import type { Ctx } from '../context';
import { h, replace } from '../dom';
import { kindLabel, registerOrder, rememberRegisters } from '../labels';
import { downloadButton } from '../ui/download-button';
import { sheetsPublishCard } from './sheets-publish';

/** Draws the downloads view (templates of the registers in force, the district's own included). */
export async function renderDownloads(ctx: Ctx, root: HTMLElement): Promise<void> {
  const school = ctx.me.role === 'school';
  try {
    const got = await api<{ definition: { registers: { code: string; name: string }[] } }>('/api/v1/registers');
    rememberRegisters(got.definition.registers);
  } catch {
    // The templates listed are those last known; a failed listing is no reason to withhold the report.
  }
  if (!ctx.alive()) return;
  const kinds = registerOrder();
  const templateStatus = h('div', { class: 'download' });
  replace(
    root,
    h(
      'section',
      { class: 'view view-downloads', 'aria-labelledby': 'downloads-title' },
      h('div', { class: 'view-head' }, h('h2', { id: 'downloads-title' }, `下载 · ${ctx.term}`)),
      h(
        'div',
        { class: 'card' },
        h('h3', null, school ? '区级汇总与本校数据' : '区级汇总报表'),
        h('p', { class: 'muted' }, school ? '包含全区汇总指标和本校各登记表的数据（不含其他学校的明细）。' : '包含区级汇总、上报情况、各登记表全部学校的数据和问题清单。'),
        downloadButton({
          label: school ? '下载汇总与本校数据（.xlsx）' : '下载区级汇总报表（.xlsx）',
          url: `/api/v1/terms/${seg(ctx.term)}/report.xlsx`,
          fallbackName: `${school ? ctx.me.school?.name ?? '本校' : '区级汇总'}-${ctx.term}.xlsx`,
          receiving: '正在生成并下载报表',
          primary: true,
          testid: 'download-report',
        }),
      ),
      h(
        'div',
        { class: 'card' },
        h('h3', null, '空白登记表模板'),
        h('p', { class: 'muted' }, '表头与校验规则一致，可直接在 Excel 或 WPS 中填写后上传。'),
        h(
          'div',
          { class: 'template-list' },
          kinds.map((k) =>
            downloadButton({ label: kindLabel(k), url: `/api/v1/templates/${k}.xlsx`, fallbackName: `${kindLabel(k)}模板.xlsx`, forceName: true, testid: `template-${k}`, statusArea: templateStatus }),
          ),
          downloadButton({ label: `全部${kinds.length}张表（一个工作簿）`, url: '/api/v1/templates/all.xlsx', fallbackName: '研表登记表模板.xlsx', forceName: true, testid: 'template-all', statusArea: templateStatus }),
        ),
        templateStatus,
      ),
      school ? null : sheetsPublishCard(ctx),
    ),
  );
}
