/** The cross-school index keys of a submission's rows, from its register's 同题 and 相似文本 rules. */
import { normaliseForSimilarity, RULES, textBands } from '../../shared/similarity';
import type { Rule } from '../../shared/templates/template';
import type { NormRecord } from '../../shared/types';

/** One index key of one row. */
export interface RowKey {
  row: number;
  teacher: string;
  key: string;
}

/** First author: 教师 may list co-authors after 、 or similar separators. */
export function firstAuthor(v: unknown): string {
  if (Array.isArray(v)) return String(v[0] ?? '').trim();
  return String(v ?? '')
    .split(/[、，,;；\s]+/)
    .filter(Boolean)[0] ?? '';
}

/** Text of a record field ('' when missing). */
export function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/** Separates the parts of an index key (a character no register code, column name or normalised text holds). */
export const KEY_SEP = '｜';

/** The register, column and (for bands) comparison kind an index key belongs to. */
export function keyParts(key: string): { kind: string; field: string; sim: 'title' | 'body' } {
  const [kind = '', field = '', sim = 't'] = key.split(KEY_SEP);
  return { kind, field, sim: sim === 'b' ? 'body' : 'title' };
}

/**
 * The cross-school index keys of a register's rows, from its rules: a 同题 (same_title) rule keys each row by its
 * normalised title, a 相似文本 (similar_text) rule by the LSH bands of each of its columns. Keys name their register
 * and column, so one register's titles never meet another's, and each row's teacher is the rule's 其他字段 (first
 * name). The built-in registers key papers' 题目 and reflections' 题目/正文, by 教师.
 */
export function indexKeys(kind: string, rules: readonly Rule[], records: NormRecord[]): { bands: RowKey[]; titles: RowKey[] } {
  const bands: RowKey[] = [];
  const titles: RowKey[] = [];
  for (const rule of rules) {
    if (rule.rule === 'same_title') {
      const prefix = `${kind}${KEY_SEP}${rule.field}${KEY_SEP}`;
      for (const r of records) {
        const key = normaliseForSimilarity(text(r.values[rule.field]));
        if (key) titles.push({ row: r.row, teacher: firstAuthor(r.values[rule.per]), key: prefix + key });
      }
    } else if (rule.rule === 'similar_text') {
      for (const [field, sim] of rule.fields) {
        const prefix = `${kind}${KEY_SEP}${field}${KEY_SEP}${sim === 'body' ? 'b' : 't'}${KEY_SEP}`;
        for (const r of records) {
          const teacher = firstAuthor(r.values[rule.per]);
          for (const k of textBands(text(r.values[field]), RULES[sim])) bands.push({ row: r.row, teacher, key: prefix + k });
        }
      }
    }
  }
  return { bands, titles };
}

/** A register's rows as the store keeps them: each row's values as JSON, and the rows' cross-school index keys. */
export interface PreparedRows {
  rows: [row: number, data: string][];
  keys: { bands: RowKey[]; titles: RowKey[] };
}

/**
 * Prepares a register's records for storing. The upload worker does it (server/upload/examine.ts), so the server's
 * one thread neither serialises rows nor computes similarity keys, and receives strings rather than row objects.
 */
export function prepareRows(kind: string, rules: readonly Rule[], records: NormRecord[]): PreparedRows {
  return { rows: records.map((r) => [r.row, JSON.stringify(r.values)]), keys: indexKeys(kind, rules, records) };
}
