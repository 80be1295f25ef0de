/** requires: when a condition holds, some fields must be filled and another field must take given values. */
import type { Rule } from '../templates';
import { isBlank } from '../text';
import { filled as filledImport, isIn as isInImport, type Check } from './check';

// Imported helpers called for every row, bound once here: tsx (how the CLI and the server run) compiles
// each use of an import to a property getter, a call each time that the add-in's single bundle does not make.
const filled = filledImport;
const isIn = isInImport;

type R = Extract<Rule, { rule: 'requires' }>;

/** The condition in words, for the message (built only when there is something to report). */
function when(rule: R, value: unknown): string {
  return `${rule.when.field}为“${value}”时`;
}

export const requiresCheck: Check<R> = {
  rule: 'requires',
  codes: ['requires'],
  run(rule, t, ctx) {
    const whenCol = t.values(rule.when.field);
    const fields = rule.fields ?? [];
    const cols = fields.map((f) => t.values(f));
    const thenCol = rule.then ? t.values(rule.then.field) : null;
    for (let i = 0; i < t.length; i++) {
      const w = whenCol[i];
      if (!isIn(w, rule.when.in)) continue;
      for (let k = 0; k < fields.length; k++) {
        const field = fields[k];
        // A filled cell whose value could not be read already has its own finding; don't report it twice.
        if (filled(cols[k][i]) || !isBlank(t.cell(i, field))) continue;
        if (ctx.column(field) !== undefined) {
          ctx.report({ code: 'requires', row: t.rowNos[i], field, value: t.cell(i, field), params: { rule: `${when(rule, w)}，“${field}”必须填写` } });
        } else {
          ctx.report({ code: 'requires', row: t.rowNos[i], field, value: null, params: { rule: `${when(rule, w)}，需要填写“${field}”（表中缺少此列）` } });
        }
      }
      if (rule.then && thenCol && !isIn(thenCol[i], rule.then.in)) {
        const field = rule.then.field;
        ctx.report({
          code: 'requires',
          row: t.rowNos[i],
          field,
          value: t.cell(i, field),
          params: { rule: `${when(rule, w)}，“${field}”应为“${rule.then.in.join('”或“')}”` },
        });
      }
    }
  },
};
