/** forbids: a field may be filled only when a condition holds (获奖等级 only for 竞赛课 / 状态 获奖). */
import type { Rule } from '../templates';
import { filled, holds, type Check } from './check';

type R = Extract<Rule, { rule: 'forbids' }>;

export const forbidsCheck: Check<R> = {
  rule: 'forbids',
  codes: ['forbids'],
  row(rule, row, ctx) {
    if (!filled(row.values[rule.field]) || holds(row, rule.unless)) return;
    ctx.report({
      code: 'forbids',
      row: row.row,
      field: rule.field,
      value: ctx.cell(row, rule.field),
      params: { rule: `只有${rule.unless.field}为“${rule.unless.in.join('”或“')}”时才能填写“${rule.field}”` },
    });
  },
};
