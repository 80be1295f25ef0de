/** unique: the same combination of fields twice in a sheet is a duplicate (论文 教师+题目+评比或刊物, 课题编号). */
import type { Rule } from '../templates';
import { filled, type Check, type Value } from './check';

type R = Extract<Rule, { rule: 'unique' }>;

/** Comparison key of a value: case, width and spacing do not make two papers different. */
export function keyOf(v: Value): string {
  const s = Array.isArray(v) ? v.join('、') : String(v ?? '');
  return s.replace(/[\s\u3000]+/g, '').toLowerCase();
}

export const uniqueCheck: Check<R> = {
  rule: 'unique',
  codes: ['duplicate'],
  end(rule, rows, ctx) {
    const first = new Map<string, number>();
    const field = rule.fields[rule.fields.length === 1 ? 0 : 1];
    for (const row of rows) {
      if (!rule.fields.every((f) => filled(row.values[f]))) continue;
      const key = rule.fields.map((f) => keyOf(row.values[f])).join('\u0001');
      const seen = first.get(key);
      if (seen === undefined) first.set(key, row.row);
      else
        ctx.report({
          code: 'duplicate',
          row: row.row,
          field,
          value: ctx.cell(row, field),
          severity: rule.severity,
          params: { other: `第 ${seen} 行`, rule: rule.fields.join('、') + '均相同' },
        });
    }
  },
};
