/** 校验 panel: one click validates every sheet; findings grouped by sheet; click one to select its cell. */
import type { Finding, SheetResult } from '../../../shared';
import { clearMarks, selectCell } from '../../excel';
import { fixAll, validateAndMark, type ValidationRun } from '../../flows/validate';
import { busy, h, messageBar, replace } from '../dom';
import { registerTitle, state, validateOptions } from '../state';

/** How many findings a sheet group shows before "显示全部". */
const SHOWN = 200;

function markNotice(run: ValidationRun): HTMLElement | null {
  if (run.marks.mode === 'comment') return messageBar('info', '此版本的 Excel 不支持“备注”，问题说明已写入批注。');
  if (run.marks.mode === 'none') return messageBar('warning', '此版本的 Excel 不支持备注和批注，只用颜色标出问题单元格；问题说明请看下方列表。');
  if (run.marks.skippedNotes) return messageBar('info', `${run.marks.skippedNotes} 个单元格已有您自己的备注，研表没有覆盖，问题说明请看下方列表。`);
  return null;
}

function findingItem(f: Finding, status: HTMLElement): HTMLElement {
  const where = f.col ? `${f.col}${f.row}` : f.row ? `第 ${f.row} 行` : '整张表';
  const item = h('li', { class: `finding ${f.severity}`, tabindex: 0, role: 'button', 'data-cell': f.col ? `${f.sheet}!${f.col}${f.row}` : '' },
    h('span', { class: 'dot', 'aria-label': f.severity === 'error' ? '错误' : '警告' }),
    h('span', { class: 'where' }, where, f.field ? h('span', { class: 'field' }, f.field) : null),
    h('span', { class: 'what' }, f.message, f.fix !== undefined ? h('span', { class: 'fixable' }, '可修正') : null),
  );
  const go = () => {
    if (f.row < 1) return;
    selectCell(f.sheet, `${f.col || 'A'}${f.row}`).catch((err) => replace(status, messageBar('error', `无法选中单元格：${(err as Error).message}`)));
    item.parentElement?.querySelectorAll('.selected').forEach((x) => x.classList.remove('selected'));
    item.classList.add('selected');
  };
  item.addEventListener('click', go);
  item.addEventListener('keydown', (e) => { if ((e as KeyboardEvent).key === 'Enter') go(); });
  return item;
}

function sheetGroup(s: SheetResult, status: HTMLElement, index: number): HTMLElement {
  const errors = s.findings.filter((f) => f.severity === 'error').length;
  const warnings = s.findings.length - errors;
  const list = h('ul', { class: 'findings' });
  const show = (n: number) => replace(list, ...s.findings.slice(0, n).map((f) => findingItem(f, status)));
  show(SHOWN);
  const more = s.findings.length > SHOWN ? h('button', { class: 'link', onclick: () => { show(s.findings.length); more?.remove(); } }, `显示全部 ${s.findings.length} 条`) : null;
  return h('section', { class: `group${errors ? '' : ' no-errors'}`, id: `group-${index}`, 'data-sheet': s.sheet },
    h('header', { class: 'group-head' },
      h('span', { class: 'sheet-name' }, s.sheet),
      s.kind && registerTitle(s.kind) === s.sheet ? null : h('span', { class: 'kind' }, s.kind ? registerTitle(s.kind) : '未识别'),
      h('span', { class: 'counts' },
        errors ? h('span', { class: 'badge error' }, `${errors} 错误`) : null,
        warnings ? h('span', { class: 'badge warning' }, `${warnings} 警告`) : null,
        !errors && !warnings ? h('span', { class: 'badge ok' }, '无问题') : null)),
    s.findings.length ? list : null, more);
}

/**
 * Above a long list: 只看错误 (warnings and warning-only sheets hidden) and a chip per sheet that jumps to its group.
 * Shown when the list has findings of both kinds or more than one sheet with findings.
 */
function toolbar(groups: HTMLElement[], shown: SheetResult[], out: HTMLElement, errors: number, warnings: number): HTMLElement | null {
  const withFindings = shown.map((s, i) => [s, groups[i]] as const).filter(([s]) => s.findings.length);
  if (!(errors && warnings) && withFindings.length < 2) return null;
  const only = h('input', { type: 'checkbox', id: 'only-errors' });
  only.addEventListener('change', () => out.classList.toggle('errors-only', only.checked));
  const chips = withFindings.map(([s, g]) => {
    const e = s.findings.filter((f) => f.severity === 'error').length;
    return h('button', { class: `chip${e ? ' has-errors' : ''}`, 'data-sheet': s.sheet, onclick: () => g.scrollIntoView({ block: 'start', behavior: 'smooth' }) },
      s.sheet, h('span', { class: 'n' }, String(e || s.findings.length)));
  });
  return h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': '问题列表' },
    errors && warnings ? h('label', { class: 'toggle' }, only, `只看错误（${errors}）`) : null,
    withFindings.length > 1 ? h('nav', { class: 'jump', 'aria-label': '跳到工作表' }, h('span', { class: 'label' }, '跳到'), ...chips) : null);
}

/** Renders a validation run: summary, notices, groups. */
export function renderRun(run: ValidationRun, out: HTMLElement, status: HTMLElement, lead?: string): void {
  const { errors, warnings } = run.result;
  const recognised = run.result.sheets.filter((s) => s.kind !== null || s.findings.length);
  out.classList.remove('errors-only');
  if (!recognised.length) {
    // nothing was checked: no "全部通过" beside it
    replace(status, messageBar('info', `${lead ?? ''}没有识别到登记表，未做校验。`));
    replace(out, h('p', { class: 'empty' }, '没有识别到登记表。请先在“结构化”面板中选择表的种类，或打开含登记表的工作簿。'));
    return;
  }
  const summary = errors
    ? messageBar('error', `${lead ?? ''}发现 ${errors} 个错误、${warnings} 个警告。错误需修正后才能上传。`)
    : warnings
      ? messageBar('warning', `${lead ?? ''}没有错误，有 ${warnings} 个警告（不影响上传）。`)
      : messageBar('success', `${lead ?? ''}全部通过，没有发现问题。`);
  replace(status, summary, markNotice(run));
  const groups = recognised.map((s, i) => sheetGroup(s, status, i));
  replace(out, toolbar(groups, recognised, out, errors, warnings), ...groups);
}

/** Builds the panel. */
export function validatePanel(): HTMLElement {
  const status = h('div', { class: 'status' });
  const out = h('div', { class: 'results' }, h('p', { class: 'empty' }, '点击“校验全部”检查本工作簿中的所有登记表。'));
  const opts = () => validateOptions();
  const run: HTMLButtonElement = h('button', { class: 'primary', id: 'btn-validate', onclick: () => busy(run, status, async () => {
    state.last = await validateAndMark(opts());
    renderRun(state.last, out, status);
  }) }, '校验全部');
  const fix: HTMLButtonElement = h('button', { id: 'btn-fix', onclick: () => busy(fix, status, async () => {
    const r = await fixAll(opts());
    state.last = r.run;
    renderRun(r.run, out, status, r.applied ? `已修正 ${r.applied} 处。` : '没有可自动修正的问题。');
  }) }, '修正');
  const clear: HTMLButtonElement = h('button', { id: 'btn-clear', onclick: () => busy(clear, status, async () => {
    const r = await clearMarks();
    replace(status, messageBar('success', r.removed ? `已清除研表在 ${r.removed} 个单元格上的标记，您自己的格式和备注保持不变。` : '没有需要清除的标记。'));
  }) }, '清除标记');
  return h('div', { class: 'panel', id: 'panel-validate' },
    h('p', { class: 'lead' }, '一次校验工作簿中的全部登记表：错误标红，警告标黄，说明写在单元格备注里。'),
    h('div', { class: 'actions' }, run, fix, clear),
    status, out);
}
