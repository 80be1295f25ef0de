/** A school's own history for the term: every version it uploaded, warnings, and any 退回 comment first. */
import { api, seg } from '../api';
import type { Ctx } from '../context';
import { h, replace } from '../dom';
import { kindLabel } from '../labels';
import type { Status, SubmissionList } from '../types';
import { schoolBoard } from './board';
import { loading } from '../ui/loading';
import { errorNotice, notice } from '../ui/notice';
import { groupByKind, versionsView } from './versions';

/** Draws the signed-in school's submissions for ctx.term. */
export async function renderHistory(ctx: Ctx, root: HTMLElement): Promise<void> {
  replace(root, loading());
  let list: SubmissionList;
  let status: Status;
  try {
    [list, status] = await Promise.all([
      api<SubmissionList>(`/api/v1/terms/${seg(ctx.term)}/submissions`),
      api<Status>(`/api/v1/terms/${seg(ctx.term)}/status`),
    ]);
  } catch (err) {
    if (ctx.alive()) replace(root, errorNotice(err, () => void renderHistory(ctx, root)));
    return;
  }
  if (!ctx.alive()) return;
  // The server sends only this school's rows; filtering again costs nothing and guards the page.
  const own = ctx.me.school?.code;
  const subs = list.submissions.filter((s) => s.school.code === own);
  const returnedNow = groupByKind(subs).filter((g) => g.versions[0].status === '已退回');
  const mine = status.schools.find((s) => s.code === own);
  replace(
    root,
    h(
      'section',
      { class: 'view view-history', 'aria-labelledby': 'history-title' },
      h('div', { class: 'view-head' }, h('div', null, h('h2', { id: 'history-title' }, `上报记录 · ${ctx.term}`), h('p', { class: 'muted' }, '每次上传都保存为新版本，旧版本不会被覆盖；以最新一版为准。'))),
      returnedNow.map((g) =>
        notice('warn', h('strong', null, `${kindLabel(g.kind)} 第${g.versions[0].version}版已被区教科室退回，请修改后重新上报。`), h('br'), `意见：${g.versions[0].comment ?? ''}`),
      ),
      mine ? schoolBoard(status, mine) : null,
      h('h3', { class: 'section-title' }, '全部版本'),
      versionsView(subs),
    ),
  );
}

