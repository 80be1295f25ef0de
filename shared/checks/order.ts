/** order: one date may not fall before another in the same row (结题日期 ≥ 立项日期). */
import type { Rule } from '../templates';
import type { Check } from './check';

type R = Extract<Rule, { rule: 'order' }>;

export const orderCheck: Check<R> = {
  rule: 'order',
  codes: ['order'],
  run(rule, t, ctx) {
    const before = t.values(rule.before);
    const after = t.values(rule.after);
    for (let i = 0; i < t.length; i++) {
      const a = before[i];
      const b = after[i];
      if (typeof a !== 'string' || typeof b !== 'string' || b >= a) continue;
      ctx.report({
        code: 'order',
        row: t.rowNos[i],
        field: rule.after,
        value: t.cell(i, rule.after),
        params: { rule: `“${rule.after}”${b} 早于“${rule.before}”${a}` },
      });
    }
  },
};
