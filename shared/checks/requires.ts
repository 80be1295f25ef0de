/** requires: when a condition holds, some fields must be filled and another field must take given values. */
import type { Rule } from '../templates';
import { isBlank } from '../text';
import { filled, holds, type Check } from './check';

type R = Extract<Rule, { rule: 'requires' }>;

export const requiresCheck: Check<R> = {
  rule: 'requires',
  codes: ['requires'],
  row(rule, row, ctx) {
    if (!holds(row, rule.when)) return;
    const when = `${rule.when.field}为“${row.values[rule.when.field]}”时`;
    for (const field of rule.fields ?? []) {
      // A filled cell whose value could not be read already has its own finding; don't report it twice.
      if (filled(row.values[field]) || !isBlank(ctx.cell(row, field))) continue;
      if (ctx.column(field) !== undefined) {
        ctx.report({ code: 'requires', row: row.row, field, value: ctx.cell(row, field), params: { rule: `${when}，“${field}”必须填写` } });
      } else if (!ctx.column(field)) {
        ctx.report({ code: 'requires', row: row.row, field, value: null, params: { rule: `${when}，需要填写“${field}”（表中缺少此列）` } });
      }
    }
    if (rule.then && !holds(row, rule.then)) {
      const field = rule.then.field;
      ctx.report({
        code: 'requires',
        row: row.row,
        field,
        value: ctx.cell(row, field),
        params: { rule: `${when}，“${field}”应为“${rule.then.in.join('”或“')}”` },
      });
    }
  },
};
