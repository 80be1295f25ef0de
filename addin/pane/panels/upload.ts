/** 上传 panel: settings (server, school, token), term, upload, receipt with warnings and 退回 comments. */
import type { Receipt, Submission } from '../../../shared/contract';
import { returnedFor, uploadWorkbook } from '../../flows/upload';
import { busy, h, messageBar, replace } from '../dom';
import { currentSettings, recentTerms, refreshDefinition, registerTitle, state, storeSettings, validateOptions, type Settings } from '../state';

/** A labelled text field. */
function field(label: string, input: HTMLInputElement, hint?: string): HTMLElement {
  return h('label', { class: 'field' }, h('span', { class: 'label' }, label), input, hint ? h('span', { class: 'hint' }, hint) : null);
}

/** The term picker (shared by 上传 and 下载). */
export function termSelect(id: string, value: string): HTMLSelectElement {
  const terms = recentTerms();
  if (!terms.includes(value)) terms.unshift(value);
  return h('select', { id }, ...terms.map((t) => h('option', { value: t, selected: t === value }, `${t}学期`)));
}

function receiptView(r: Receipt): HTMLElement {
  const rows = r.submissions.map((s) => h('tr', {},
    h('td', {}, registerTitle(s.kind)), h('td', {}, s.sheet), h('td', { class: 'num' }, `第 ${s.version} 版`),
    h('td', { class: 'num' }, String(s.rows)), h('td', { class: 'num' }, String(s.warnings))));
  return h('section', { class: 'card receipt', id: 'receipt' },
    h('h3', {}, r.replayed ? '此前已上报（重复提交未再保存）' : '上报成功'),
    h('p', { class: 'meta' }, `${r.school.name}（${r.school.code}）· ${r.term}学期 · 回执号 ${r.uploadId} · ${new Date(r.createdAt).toLocaleString('zh-CN')}`),
    h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, h('th', {}, '种类'), h('th', {}, '工作表'), h('th', {}, '版本'), h('th', {}, '行数'), h('th', {}, '警告'))),
      h('tbody', {}, ...rows)),
    // Registers left empty in the workbook: not a submission, and said so.
    r.skipped?.length
      ? h('p', { class: 'meta skipped', id: 'receipt-skipped' }, `没有数据行、未作为上报保存：${r.skipped.map((s) => `${registerTitle(s.kind)}（“${s.sheet}”）`).join('、')}。`)
      : null);
}

function warningsView(r: Receipt): HTMLElement | null {
  if (!r.warnings.length && !r.crossSchool.length) return null;
  return h('section', { class: 'card' },
    h('h3', {}, `服务器发现的警告（${r.warnings.length + r.crossSchool.length}）`),
    h('ul', { class: 'plain' },
      ...r.warnings.slice(0, 50).map((f) => h('li', { class: 'warning' }, `${f.sheet} ${f.col}${f.row}：${f.message}`)),
      ...r.crossSchool.slice(0, 50).map((f) => h('li', { class: 'warning cross' },
        `${f.sheet} 第 ${f.row} 行：${f.message}`, h('span', { class: 'other' }, `（另见 ${[f.other.schoolName, `${f.other.sheet} 第 ${f.other.row} 行`, f.other.teacher].filter(Boolean).join(' · ')}）`)))));
}

function returnedView(list: Submission[]): HTMLElement | null {
  if (!list.length) return null;
  return h('section', { class: 'card returned' },
    h('h3', {}, '区教科室退回'),
    h('ul', { class: 'plain' }, ...list.map((s) => h('li', {}, h('strong', {}, `${registerTitle(s.kind)}（第 ${s.version} 版）：`), s.comment ?? '（无说明）'))));
}

/** Builds the panel. */
export function uploadPanel(): HTMLElement {
  const s = currentSettings();
  const server = h('input', { type: 'url', id: 'in-server', value: s.server, placeholder: 'https://district.example.cn', autocomplete: 'url' });
  const school = h('input', { type: 'text', id: 'in-school', value: s.school, placeholder: '如 WTQ-SY' });
  const token = h('input', { type: 'password', id: 'in-token', value: s.token, placeholder: '区教科室发放的令牌', autocomplete: 'off' });
  const term = termSelect('sel-term', s.term);
  const status = h('div', { class: 'status' });
  const out = h('div', { class: 'results' });
  const current = (): Settings => ({ server: server.value.trim(), school: school.value.trim(), token: token.value.trim(), term: term.value });
  const save: HTMLButtonElement = h('button', { id: 'btn-save', onclick: () => busy(save, status, async () => {
    const c = current();
    await storeSettings(c);
    // Connecting to the district brings its register definition, kept with the workbook for offline use.
    const got = await refreshDefinition({ base: c.server, token: c.token }).then((k) => `，并取得区里的登记表定义（第 ${k.version} 版，${k.definition.registers.length} 张登记表），离线时也按它校验`, () => '；暂时无法取得区里的登记表定义，仍按已保存的定义校验');
    replace(status, messageBar('success', `设置已保存：服务器地址和学校代码存于本工作簿，令牌只存于本机${got}。`));
  }) }, '保存设置');
  const upload: HTMLButtonElement = h('button', { class: 'primary', id: 'btn-upload', onclick: () => busy(upload, status, async () => {
    const c = current();
    replace(status, messageBar('info', '正在校验并上传…'));
    replace(out);
    state.typed = c;
    // The district may have changed its registers since: check with its definition in force (kept if unreachable).
    // The district answering also proves the address and token work.
    const reached = await refreshDefinition({ base: c.server, token: c.token }).then(() => true, () => false);
    const r = await uploadWorkbook({ base: c.server, token: c.token }, c.term, validateOptions());
    if (!r.ok) {
      // refused for the workbook's own errors: the settings that reached the district are kept all the same
      if (reached) await storeSettings(c);
      replace(status, messageBar('error', r.message));
      return;
    }
    // Saved once the district has accepted them: a mistyped address or token never replaces working settings.
    await storeSettings(c);
    replace(status, messageBar('success', `已上报 ${r.receipt.submissions.length} 张登记表。`));
    replace(out, receiptView(r.receipt), warningsView(r.receipt), returnedView(r.returned));
  }) }, '上传');
  const check: HTMLButtonElement = h('button', { id: 'btn-returned', onclick: () => busy(check, status, async () => {
    const c = current();
    const list = await returnedFor({ base: c.server, token: c.token }, c.term);
    replace(out, returnedView(list) ?? messageBar('info', `${c.term}学期没有被退回的登记表。`));
  }) }, '查看退回意见');
  return h('div', { class: 'panel', id: 'panel-upload' },
    h('details', { class: 'card settings', open: !s.token },
      h('summary', {}, '上报设置'),
      field('服务器地址', server), field('学校代码', school), field('上报令牌', token, '令牌只保存在本机，不会随工作簿发送给他人。'),
      h('div', { class: 'actions' }, save)),
    h('label', { class: 'field inline' }, h('span', { class: 'label' }, '学期'), term),
    h('div', { class: 'actions' }, upload, check),
    status, out);
}
