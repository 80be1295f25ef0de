/** The signed-in page: header (who, term, 退出), tabs for the role, and the routed view below. */
import type { Ctx, View } from '../context';
import { h, replace } from '../dom';
import { ROLE_LABEL } from '../labels';
import { isTerm, recentTerms } from '../terms';
import type { Me } from '../types';
import { errorNotice } from '../ui/notice';
import { renderBoard } from './board';
import { disposeCharts, renderCharts } from './charts';
import { renderDownloads } from './downloads';
import { renderHistory } from './history';
import { renderRegisters } from './registers';
import { renderSchoolDetail } from './school-detail';
import { renderSummary } from './summary';
import { renderUpload } from './upload';

/** sessionStorage key of the chosen term. */
const TERM_KEY = 'yanbiao.term';

/** A tab: route, label, view. */
interface Tab {
  route: string;
  label: string;
  view: View;
}

/** The tabs of each role; the district's school detail is routed but has no tab of its own. */
export function tabsFor(role: Me['role']): Tab[] {
  if (role === 'district') {
    return [
      { route: 'board', label: '上报情况', view: renderBoard },
      { route: 'summary', label: '区级汇总', view: renderSummary },
      { route: 'charts', label: '图表分析', view: renderCharts },
      { route: 'downloads', label: '下载', view: renderDownloads },
      { route: 'registers', label: '登记表设置', view: renderRegisters },
    ];
  }
  return [
    { route: 'upload', label: '上传登记表', view: renderUpload },
    { route: 'history', label: '上报记录', view: renderHistory },
    { route: 'downloads', label: '下载', view: renderDownloads },
  ];
}

/** Splits `#/school/WTQ-SY` into route `school` and argument `WTQ-SY`. */
export function parseHash(hash: string): { route: string; arg?: string } {
  const path = hash.replace(/^#\/?/, '');
  const slash = path.indexOf('/');
  if (slash < 0) return { route: path };
  let arg = path.slice(slash + 1);
  try {
    arg = decodeURIComponent(arg);
  } catch {
    // keep as typed
  }
  return { route: path.slice(0, slash), arg };
}

/** Draws the shell and starts routing; `signOut` forgets the token and reloads. */
export function renderShell(root: HTMLElement, me: Me, signOut: () => void): void {
  const tabs = tabsFor(me.role);
  const terms = recentTerms(new Date(), 6);
  // The chosen term survives a reload of this tab (sessionStorage is cleared on sign-out with the token).
  const kept = sessionStorage.getItem(TERM_KEY);
  let term = kept && terms.includes(kept) ? kept : terms[0];
  let generation = 0;

  const who = me.role === 'school' ? `${me.school?.name ?? ''}（${me.school?.code ?? ''}）` : ROLE_LABEL.district;
  const select = h('select', { id: 'term', 'data-testid': 'term' }, terms.map((t) => h('option', { value: t }, t)));
  const nav = h('nav', { class: 'tabs', 'aria-label': '功能' });
  const main = h('main', { id: 'view', class: 'content' });

  const draw = () => {
    generation += 1;
    const mine = generation;
    disposeCharts();
    let { route, arg } = parseHash(location.hash);
    let tab = tabs.find((t) => t.route === route);
    const detail = me.role === 'district' && route === 'school' && !!arg;
    if (!tab && !detail) {
      tab = tabs[0];
      route = tab.route;
      arg = undefined;
    }
    replace(
      nav,
      tabs.map((t) =>
        h('a', { href: `#/${t.route}`, class: t.route === route || (detail && t.route === 'board') ? 'tab active' : 'tab', 'aria-current': t.route === route ? 'page' : undefined }, t.label),
      ),
    );
    const ctx: Ctx = {
      me,
      term,
      alive: () => mine === generation,
    };
    const view = detail ? renderSchoolDetail : (tab as Tab).view;
    Promise.resolve(view(ctx, main, arg)).catch((err) => {
      if (mine === generation) replace(main, errorNotice(err, draw));
    });
  };

  select.value = term;
  select.addEventListener('change', () => {
    if (isTerm(select.value)) {
      term = select.value;
      sessionStorage.setItem(TERM_KEY, term);
    }
    draw();
  });
  window.addEventListener('hashchange', draw);

  replace(
    root,
    h(
      'header',
      { class: 'topbar' },
      h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '研'), h('span', null, '研表')),
      h('div', { class: 'who', 'data-testid': 'who' }, h('span', { class: `chip chip-role-${me.role}` }, ROLE_LABEL[me.role] ?? me.role), me.role === 'school' ? who : null),
      h('label', { class: 'term-pick' }, h('span', null, '学期'), select),
      h('button', { type: 'button', class: 'btn btn-small', onclick: signOut, 'data-testid': 'sign-out' }, '退出'),
    ),
    nav,
    main,
  );
  draw();
}
