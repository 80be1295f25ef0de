/** A school's detail for the district: every version of every submission, warnings, and 退回. */
import { api, seg } from '../api';
import type { Ctx } from '../context';
import { h, replace } from '../dom';
import { kindLabel } from '../labels';
import type { Status, SubmissionList } from '../types';
import { schoolBoard } from './board';
import { loading } from '../ui/loading';
import { errorNotice, notice } from '../ui/notice';
import { openReturnDialog } from '../ui/return-dialog';
import { versionsView } from './versions';

/** Draws one school's submissions for ctx.term. */
export async function renderSchoolDetail(ctx: Ctx, root: HTMLElement, code = ''): Promise<void> {
  replace(root, loading());
  let list: SubmissionList;
  let status: Status;
  try {
    [list, status] = await Promise.all([
      api<SubmissionList>(`/api/v1/terms/${seg(ctx.term)}/submissions?school=${encodeURIComponent(code)}`),
      api<Status>(`/api/v1/terms/${seg(ctx.term)}/status?school=${encodeURIComponent(code)}`),
    ]);
  } catch (err) {
    if (ctx.alive()) replace(root, errorNotice(err, () => void renderSchoolDetail(ctx, root, code)));
    return;
  }
  if (!ctx.alive()) return;
  const subs = list.submissions.filter((s) => s.school.code === code);
  const row = status.schools.find((s) => s.code === code);
  const name = row?.name ?? subs[0]?.school.name ?? code;
  const msg = h('div');
  replace(
    root,
    h(
      'section',
      { class: 'view view-school', 'aria-labelledby': 'school-title' },
      h('a', { href: '#/board', class: 'back' }, '← 返回上报情况'),
      h('div', { class: 'view-head' }, h('div', null, h('h2', { id: 'school-title' }, `${name}`, h('span', { class: 'code' }, code)), h('p', { class: 'muted' }, `${ctx.term} 的全部上报版本。退回后学校会看到意见并需重新上报。`))),
      msg,
      row ? schoolBoard(status, row) : notice('error', `没有找到学校代码 ${code}。`),
      h('h3', { class: 'section-title' }, '全部版本'),
      versionsView(subs, (v, state) =>
        state === 'current'
          ? h(
              'button',
              {
                type: 'button',
                class: 'btn btn-small btn-danger',
                'data-testid': `return-${v.kind}`,
                onclick: async () => {
                  const done = await openReturnDialog(v.id, `${name} · ${kindLabel(v.kind)} 第${v.version}版`);
                  if (done && ctx.alive()) {
                    await renderSchoolDetail(ctx, root, code);
                    root.prepend(notice('ok', `已退回 ${kindLabel(v.kind)} 第${v.version}版。`));
                  }
                },
              },
              '退回',
            )
          : null,
      ),
    ),
  );
}
