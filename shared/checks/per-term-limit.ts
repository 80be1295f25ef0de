/** per_term_limit: some forms count at most N times per teacher per term (读书心得/阅读推荐 一学期不超过一次). */
import type { Rule } from '../templates';
import type { Check } from './check';

type R = Extract<Rule, { rule: 'per_term_limit' }>;

export const perTermLimitCheck: Check<R> = {
  rule: 'per_term_limit',
  codes: ['per_term_limit'],
  end(rule, rows, ctx) {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const v = row.values[rule.field];
      const who = row.values[rule.per];
      if (typeof v !== 'string' || !rule.values.includes(v) || typeof who !== 'string' || !who) continue;
      const n = (counts.get(who) ?? 0) + 1;
      counts.set(who, n);
      if (n > rule.max)
        ctx.report({
          code: 'per_term_limit',
          row: row.row,
          field: rule.field,
          value: ctx.cell(row, rule.field),
          params: { count: n, max: rule.max, rule: `${who}的“${rule.values.join('”与“')}”一学期不超过 ${rule.max} 次` },
        });
    }
  },
};
