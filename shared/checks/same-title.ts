/** same_title: one 题目 under two different teachers in a sheet is a warning (抄袭嫌疑); the server does the district. */
import type { Rule } from '../templates';
import type { Check, Row } from './check';

type R = Extract<Rule, { rule: 'same_title' }>;

/** The first teacher of a names value. */
const who = (v: Row['values'][string]): string => (Array.isArray(v) ? v[0] ?? '' : String(v ?? ''));

export const sameTitleCheck: Check<R> = {
  rule: 'same_title',
  codes: ['duplicate'],
  end(rule, _rows, ctx) {
    for (const list of ctx.groups(rule.field).values()) {
      if (!Array.isArray(list)) continue;
      for (const row of list) {
        const others = list.filter((o) => who(o.values[rule.per]) !== who(row.values[rule.per]));
        if (!others.length) continue;
        ctx.report({
          code: 'duplicate',
          row: row.row,
          field: rule.field,
          value: ctx.cell(row, rule.field),
          severity: 'warning',
          params: { other: others.map((o) => `本表第 ${o.row} 行（${who(o.values[rule.per])}）`).join('、') },
        });
      }
    }
  },
};
