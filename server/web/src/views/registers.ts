/**
 * 登记表设置 (district): the register definition in force — its registers with their columns, its indicators with
 * targets — the definition workbook to download, and a new one to upload. A broken workbook is listed problem by
 * problem (sheet, row, column) and nothing of it takes effect.
 */
import { api } from '../api';
import type { Ctx } from '../context';
import { h, replace } from '../dom';
import { dateTime } from '../format';
import { rememberRegisters } from '../labels';
import { uploadFile } from '../transfer';
import { downloadButton } from '../ui/download-button';
import { loading } from '../ui/loading';
import { errorNotice, notice } from '../ui/notice';
import { progressBar } from '../ui/progress';
import { checkFile } from './upload';
import type { DefinitionProblem } from '../../../../shared/registers/workbook';

interface ColumnDto {
  name: string;
  aliases: string[];
  type: string;
  required: boolean;
  valueSet?: string;
  min?: number;
  max?: number;
  ref?: string;
}
interface DefinitionDto {
  name: string;
  registers: { code: string; name: string; hints: string[]; columns: ColumnDto[] }[];
  indicators: { register: string; name: string; calc: string; target?: string; rank?: boolean }[];
  rules: { register: string; rule: string }[];
}
interface InForce {
  version: number;
  createdAt: string | null;
  definition: DefinitionDto;
}

/** A column's range or value set as one short text. */
function limits(c: ColumnDto): string {
  if (c.valueSet) return `取值：${c.valueSet}`;
  if (c.min !== undefined && c.max !== undefined) return `${c.min}～${c.max}`;
  if (c.min !== undefined) return `≥ ${c.min}`;
  if (c.max !== undefined) return `≤ ${c.max}`;
  return '';
}

/** One register's card: its columns, then its indicators. */
function registerCard(def: DefinitionDto, r: DefinitionDto['registers'][number]): HTMLElement {
  const indicators = def.indicators.filter((i) => i.register === r.code);
  const rules = def.rules.filter((x) => x.register === r.code).length;
  return h(
    'figure',
    { class: 'card register-card', 'data-register': r.code },
    h('figcaption', null, h('strong', null, r.name), h('span', { class: 'muted small' }, ` ${r.code} · ${r.columns.length} 列 · ${rules} 条规则`)),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'data compact' },
        h('thead', null, h('tr', null, ['列名', '类型', '必填', '取值或范围', '引用', '别名'].map((t) => h('th', { scope: 'col' }, t)))),
        h(
          'tbody',
          null,
          r.columns.map((c) =>
            h('tr', null, h('th', { scope: 'row' }, c.name), h('td', null, c.type), h('td', null, c.required ? '是' : ''), h('td', null, limits(c)), h('td', null, c.ref ?? ''), h('td', { class: 'muted' }, c.aliases.join('、'))),
          ),
        ),
      ),
    ),
    indicators.length
      ? h(
          'p',
          { class: 'indicators' },
          h('span', { class: 'muted' }, '指标：'),
          indicators.map((i, n) => h('span', { class: 'indicator' }, n ? '，' : '', i.name, i.target ? h('span', { class: 'chip chip-target' }, `目标 ${i.target}`) : null)),
        )
      : null,
  );
}

/** The problems of a refused definition, as a table with their places. */
export function problemsTable(problems: DefinitionProblem[]): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data stack', 'data-testid': 'definition-problems' },
      h('thead', null, h('tr', null, ['工作表', '行', '列', '字段', '问题'].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        null,
        problems.map((p) =>
          h('tr', null, h('td', { 'data-label': '工作表' }, p.sheet), h('td', { 'data-label': '行' }, p.row ? String(p.row) : '—'), h('td', { 'data-label': '列' }, p.col || '—'), h('td', { 'data-label': '字段' }, p.field || '—'), h('td', { 'data-label': '问题' }, p.message)),
        ),
      ),
    ),
  );
}

/** Draws 登记表设置. */
export async function renderRegisters(ctx: Ctx, root: HTMLElement): Promise<void> {
  replace(root, loading());
  let got: InForce;
  try {
    got = await api<InForce>('/api/v1/registers');
  } catch (err) {
    if (ctx.alive()) replace(root, errorNotice(err, () => void renderRegisters(ctx, root)));
    return;
  }
  if (!ctx.alive()) return;
  rememberRegisters(got.definition.registers);
  const def = got.definition;

  const input = h('input', { type: 'file', accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'data-testid': 'definition-file', 'aria-label': '选择登记表定义工作簿' }) as HTMLInputElement;
  const bar = progressBar({ send: '正在上传定义', wait: '正在检查定义…' });
  const result = h('div', { class: 'definition-result', 'data-testid': 'definition-result' });
  const send = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'definition-upload' }, '检查并启用') as HTMLButtonElement;
  send.addEventListener('click', async () => {
    const file = input.files?.[0];
    if (!file) return replace(result, notice('warn', '请先选择登记表定义工作簿（.xlsx）。'));
    const bad = checkFile(file);
    if (bad) return replace(result, notice('error', bad));
    send.disabled = true;
    replace(result);
    try {
      const answer = await uploadFile('/api/v1/registers', file, (p) => bar.update(p), {}, 'PUT');
      bar.done();
      if (answer.status === 422) {
        const err = (answer.body as { error?: { message?: string; problems?: DefinitionProblem[] } }).error;
        const problems = err?.problems ?? [];
        replace(result, notice('error', h('strong', null, '定义未生效。'), err?.message ?? `定义有 ${problems.length} 个问题`), problemsTable(problems));
        return;
      }
      const ok = answer.body as { version: number; name: string; registers: { code: string; name: string }[] };
      rememberRegisters(ok.registers);
      replace(result, notice('ok', h('strong', null, `已启用第 ${ok.version} 版定义“${ok.name}”。`), `从下一次上传起按它检查；已保存的数据不变。`));
      void renderRegisters(ctx, root).then(() => root.querySelector('[data-testid=definition-result]')?.replaceWith(result));
    } catch (err) {
      bar.done();
      replace(result, errorNotice(err));
    } finally {
      send.disabled = false;
    }
  });

  replace(
    root,
    h(
      'section',
      { class: 'view view-registers', 'aria-labelledby': 'registers-title' },
      h(
        'div',
        { class: 'view-head' },
        h(
          'div',
          null,
          h('h2', { id: 'registers-title' }, '登记表设置'),
          h(
            'p',
            { class: 'muted', 'data-testid': 'definition-version' },
            got.version === 0 ? `正在使用研表内置的定义“${def.name}”（第 0 版）。` : `正在使用第 ${got.version} 版定义“${def.name}”（${dateTime(got.createdAt)} 启用）。`,
            `共 ${def.registers.length} 张登记表、${def.indicators.length} 个指标。`,
          ),
        ),
      ),
      h(
        'div',
        { class: 'card' },
        h('h3', null, '修改定义'),
        h('p', { class: 'muted' }, '下载定义工作簿，在 Excel 或 WPS 中修改登记表、列、取值、规则和指标（“说明”工作表逐项解释），再上传。定义有问题时列出每个问题的位置，不会生效；生效后只影响以后的上传，已保存的版本不变。'),
        h(
          'div',
          { class: 'definition-actions' },
          downloadButton({ label: '下载当前定义（.xlsx）', url: '/api/v1/registers.xlsx', fallbackName: `登记表定义-第${got.version}版.xlsx`, forceName: true, testid: 'definition-download' }),
        ),
        h('div', { class: 'definition-upload' }, input, send),
        bar.el,
        result,
      ),
      h('div', { class: 'register-grid' }, def.registers.map((r) => registerCard(def, r))),
    ),
  );
}
