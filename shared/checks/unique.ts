/** unique: the same combination of fields twice in a sheet is a duplicate (论文 教师+题目+评比或刊物, 课题编号). */
import type { Rule } from '../templates';
import { isSpace as isSpaceImport } from '../text';
import { filled, type Check, type Value } from './check';

// Called for every character of every title: bound once, since tsx (CLI, server) turns each use of an import into a
// getter call.
const isSpace = isSpaceImport;

type R = Extract<Rule, { rule: 'unique' }>;

/** Comparison key of a value: case, width and spacing do not make two papers different. */
export function keyOf(v: Value): string {
  return textKey(Array.isArray(v) ? (v.length === 1 ? v[0] : v.join('、')) : typeof v === 'string' ? v : String(v ?? ''));
}

/**
 * keyOf for text: most titles have no space or capital letter, and come back as they are without a regex. Only
 * A–Z are folded, on either path: a key must not depend on what else the text holds (`Émile` and `ÉMILE X` keep
 * their É whether or not an ASCII capital or a space sends the text down the slow path).
 */
export function textKey(s: string): string {
  for (let i = 0; i < s.length; i++) if (changesInKey(s.charCodeAt(i))) return s.replace(FOLD, fold);
  return s;
}

const FOLD = /[\s\u3000]+|[A-Z]+/g;
const fold = (m: string): string => (m.charCodeAt(0) >= 0x41 && m.charCodeAt(0) <= 0x5a ? m.toLowerCase() : '');

/**
 * Might this character change in a comparison key? Capitals and every space trimAll knows. Two of those spaces,
 * U+0085 and U+200B, are not in \s and stay in the key: for them textKey merely runs its replace for nothing.
 */
export function changesInKey(c: number): boolean {
  return isSpace(c) || (c >= 0x41 && c <= 0x5a);
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
