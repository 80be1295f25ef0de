/** Every version of every submission, grouped by kind (newest first), with warnings and any 退回 comment. */
import { h, type Child } from '../dom';
import { dateTime } from '../format';
import { kindLabel, registerOrder } from '../labels';
import type { SubmissionView } from '../types';
import { findingsTable } from './findings';

/** Submissions grouped by kind in the district's kind order, each group newest version first. */
export function groupByKind(subs: SubmissionView[]): { kind: string; versions: SubmissionView[] }[] {
  const byKind = new Map<string, SubmissionView[]>();
  for (const s of subs) {
    const list = byKind.get(s.kind) ?? [];
    list.push(s);
    byKind.set(s.kind, list);
  }
  const order = (k: string) => {
    const i = registerOrder().indexOf(k);
    return i < 0 ? 99 : i;
  };
  return [...byKind.entries()]
    .sort((a, b) => order(a[0]) - order(b[0]))
    .map(([kind, versions]) => ({ kind, versions: versions.sort((a, b) => b.version - a.version) }));
}

/** The state of one version: 已退回, 当前有效 (the version that counts) or 历史版本. */
export function versionState(v: SubmissionView): 'returned' | 'current' | 'old' {
  if (v.status === '已退回') return 'returned';
  return v.current ? 'current' : 'old';
}

const STATE_TEXT = { returned: '已退回', current: '当前有效', old: '历史版本' } as const;

/** Renders the grouped versions; `action` adds a per-version control (the district's 退回 button). */
export function versionsView(subs: SubmissionView[], action?: (v: SubmissionView, state: 'returned' | 'current' | 'old') => Child): HTMLElement {
  const groups = groupByKind(subs);
  if (!groups.length) return h('p', { class: 'empty' }, '本学期还没有上报记录。');
  return h(
    'div',
    { class: 'versions' },
    groups.map(({ kind, versions }) =>
      h(
        'section',
        { class: 'card kind-group', 'data-kind': kind },
        h('h3', null, kindLabel(kind), h('span', { class: 'muted small' }, ` 共 ${versions.length} 个版本`)),
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'data versions-table stack' },
            h('thead', null, h('tr', null, ['版本', '上传时间', '工作表', '行数', '警告', '状态', action ? '操作' : null].filter(Boolean).map((t) => h('th', { scope: 'col', class: t === '行数' || t === '警告' ? 'num' : undefined }, t as string)))),
            h(
              'tbody',
              null,
              versions.map((v) => {
                const state = versionState(v);
                const findings = [...(v.findings ?? []), ...(v.crossSchool ?? [])];
                const warnCount = v.warnings + (v.crossSchool?.length ?? 0);
                const rows: HTMLElement[] = [
                  h(
                    'tr',
                    { class: `version state-${state}`, 'data-version': v.version, 'data-id': String(v.id) },
                    h('th', { scope: 'row' }, `第${v.version}版`),
                    h('td', { 'data-label': '上传时间' }, dateTime(v.createdAt)),
                    h('td', { 'data-label': '工作表' }, v.sheet || '—'),
                    h('td', { class: 'num', 'data-label': '行数' }, v.rows ?? '—'),
                    h('td', { class: 'num', 'data-label': '警告' }, String(warnCount)),
                    h('td', { 'data-label': '状态' }, h('span', { class: `chip chip-v-${state}` }, STATE_TEXT[state])),
                    action ? h('td', { class: 'action-cell' }, action(v, state)) : null,
                  ),
                ];
                if (v.status === '已退回') {
                  rows.push(
                    h(
                      'tr',
                      { class: 'return-row' },
                      h(
                        'td',
                        { colspan: action ? 7 : 6 },
                        h('div', { class: 'notice notice-warn return-comment', 'data-testid': 'return-comment-view' }, h('strong', null, '区教科室退回意见：'), v.comment ?? '（无）', v.returnedAt ? h('span', { class: 'muted small' }, `（${dateTime(v.returnedAt)} 退回）`) : null),
                      ),
                    ),
                  );
                }
                if (findings.length) {
                  rows.push(
                    h('tr', { class: 'findings-row' }, h('td', { colspan: action ? 7 : 6 }, h('details', null, h('summary', null, `查看 ${findings.length} 个警告`), findingsTable(findings)))),
                  );
                }
                return rows;
              }),
            ),
          ),
        ),
      ),
    ),
  );
}
