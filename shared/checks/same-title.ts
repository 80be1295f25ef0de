/** same_title: one 题目 under two different teachers in a sheet is a warning (抄袭嫌疑); the server does the district. */
import type { Rule } from '../templates';
import type { Check, Value } from './check';

type R = Extract<Rule, { rule: 'same_title' }>;

/** The first teacher of a names value. */
const who = (v: Value | undefined): string => (Array.isArray(v) ? v[0] ?? '' : String(v ?? ''));

export const sameTitleCheck: Check<R> = {
  rule: 'same_title',
  codes: ['duplicate'],
  run(rule, t, ctx) {
    const per = t.values(rule.per);
    for (const list of ctx.groups(rule.field)) {
      for (const i of list) {
        const others = list.filter((o) => who(per[o]) !== who(per[i]));
        if (!others.length) continue;
        ctx.report({
          code: 'duplicate',
          row: t.rowNos[i],
          field: rule.field,
          value: t.cell(i, rule.field),
          severity: 'warning',
          params: { other: others.map((o) => `本表第 ${t.rowNos[o]} 行（${who(per[o])}）`).join('、') },
        });
      }
    }
  },
};
