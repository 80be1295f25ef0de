/** unique: the same combination of fields twice in a sheet is a duplicate (论文 教师+题目+评比或刊物, 课题编号). */
import type { Rule } from '../templates';
import { filled, type Check, type Value } from './check';

type R = Extract<Rule, { rule: 'unique' }>;

/** Comparison key of a value: case, width and spacing do not make two papers different. */
export function keyOf(v: Value): string {
  const s = Array.isArray(v) ? (v.length === 1 ? v[0] : v.join('、')) : typeof v === 'string' ? v : String(v ?? '');
  return SPACE_OR_UPPER_RE.test(s) ? s.replace(/[\s\u3000]+/g, '').toLowerCase() : s;
}

const SPACE_OR_UPPER_RE = /[\s\u3000A-Z]/;

export const uniqueCheck: Check<R> = {
  rule: 'unique',
  codes: ['duplicate'],
  end(rule, _rows, ctx) {
    // Only rows sharing the `on` value can be duplicates, so just those groups are compared in full.
    for (const group of ctx.groups(rule.on).values()) {
      if (!Array.isArray(group)) continue;
      const first = new Map<string, number>();
      next: for (const row of group) {
        let key = '';
        for (const f of rule.fields) {
          const v = row.values[f];
          if (!filled(v)) continue next;
          key += keyOf(v) + '\u0001';
        }
        const seen = first.get(key);
        if (seen === undefined) first.set(key, row.row);
        else
          ctx.report({
            code: 'duplicate',
            row: row.row,
            field: rule.on,
            value: ctx.cell(row, rule.on),
            severity: rule.severity,
            params: { other: `第 ${seen} 行`, rule: rule.fields.join('、') + '均相同' },
          });
      }
    }
  },
};
