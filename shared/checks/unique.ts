/** unique: the same combination of fields twice in a sheet is a duplicate (论文 教师+题目+评比或刊物, 课题编号). */
import type { Rule } from '../templates';
import { filled, type Check, type Value } from './check';

type R = Extract<Rule, { rule: 'unique' }>;

/** Comparison key of a value: case, width and spacing do not make two papers different. */
export function keyOf(v: Value): string {
  return textKey(Array.isArray(v) ? (v.length === 1 ? v[0] : v.join('、')) : typeof v === 'string' ? v : String(v ?? ''));
}

/** keyOf for text: most titles have no space or capital letter, and come back as they are without a regex. */
export function textKey(s: string): string {
  for (let i = 0; i < s.length; i++) if (changesInKey(s.charCodeAt(i))) return s.replace(/[\s\u3000]+/g, '').toLowerCase();
  return s;
}

/** Does this character change in a comparison key? Capitals, ASCII spaces and controls, and the Unicode spaces \s knows. */
export function changesInKey(c: number): boolean {
  // Ordered for the usual character — a Chinese one, or ASCII — to be decided in two or three comparisons.
  if (c > 0x3000) return c === 0xfeff;
  if (c < 0x80) return c <= 0x20 || (c >= 0x41 && c <= 0x5a);
  return isUnicodeSpace(c);
}

/** The characters at or above U+00A0 that \s matches. */
function isUnicodeSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export const uniqueCheck: Check<R> = {
  rule: 'unique',
  codes: ['duplicate'],
  run(rule, t, ctx) {
    const cols = rule.fields.map((f) => t.values(f));
    // Only rows sharing the `on` value can be duplicates, so just those groups are compared in full.
    for (const group of ctx.groups(rule.on)) {
      const first = new Map<string, number>();
      next: for (const i of group) {
        let key = '';
        for (const col of cols) {
          const v = col[i];
          if (v === undefined || !filled(v)) continue next;
          key += keyOf(v) + '\u0001';
        }
        const seen = first.get(key);
        if (seen === undefined) first.set(key, t.rowNos[i]);
        else
          ctx.report({
            code: 'duplicate',
            row: t.rowNos[i],
            field: rule.on,
            value: t.cell(i, rule.on),
            severity: rule.severity,
            params: { other: `第 ${seen} 行`, rule: rule.fields.join('、') + '均相同' },
          });
      }
    }
  },
};
