/** forbids: a field may be filled only when a condition holds (获奖等级 only for 竞赛课 / 状态 获奖). */
import type { Rule } from '../templates';
import { filled as filledImport, isIn as isInImport, type Check } from './check';

// Imported helpers called for every row, bound once here: tsx (how the CLI and the server run) compiles
// each use of an import to a property getter, a call each time that the add-in's single bundle does not make.
const filled = filledImport;
const isIn = isInImport;

type R = Extract<Rule, { rule: 'forbids' }>;

export const forbidsCheck: Check<R> = {
  rule: 'forbids',
  codes: ['forbids'],
  run(rule, t, ctx) {
    const col = t.values(rule.field);
    const unless = t.values(rule.unless.field);
    for (let i = 0; i < t.length; i++) {
      if (!filled(col[i]) || isIn(unless[i], rule.unless.in)) continue;
      ctx.report({
        code: 'forbids',
        row: t.rowNos[i],
        field: rule.field,
        value: t.cell(i, rule.field),
        params: { rule: `只有${rule.unless.field}为“${rule.unless.in.join('”或“')}”时才能填写“${rule.field}”` },
      });
    }
  },
};
