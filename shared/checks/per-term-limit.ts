/** per_term_limit: some forms count at most N times per teacher per term (读书心得/阅读推荐 一学期不超过一次). */
import type { Rule } from '../templates';
import type { Check } from './check';

type R = Extract<Rule, { rule: 'per_term_limit' }>;

export const perTermLimitCheck: Check<R> = {
  rule: 'per_term_limit',
  codes: ['per_term_limit'],
  run(rule, t, ctx) {
    const counts = new Map<string, number>();
    const forms = t.values(rule.field);
    const people = t.values(rule.per);
    for (let i = 0; i < t.length; i++) {
      const v = forms[i];
      const who = people[i];
      if (typeof v !== 'string' || !rule.values.includes(v) || typeof who !== 'string' || !who) continue;
      const n = (counts.get(who) ?? 0) + 1;
      counts.set(who, n);
      if (n > rule.max)
        ctx.report({
          code: 'per_term_limit',
          row: t.rowNos[i],
          field: rule.field,
          value: t.cell(i, rule.field),
          params: { count: n, max: rule.max, rule: `${who}的“${rule.values.join('”与“')}”一学期不超过 ${rule.max} 次` },
        });
    }
  },
};
