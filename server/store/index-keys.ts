/** The cross-school index keys of a submission's rows: LSH bands of reflections, normalised titles of papers. */
import { normaliseForSimilarity, RULES, textBands } from '../../shared/similarity';
import type { KindId, NormRecord } from '../../shared/types';

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

/** Band keys are prefixed with the field they come from, so a 题目 only meets 题目 and a 正文 only 正文. */
export function indexKeys(kind: KindId, records: NormRecord[]): { bands: RowKey[]; titles: RowKey[] } {
  const bands: RowKey[] = [];
  const titles: RowKey[] = [];
  for (const r of records) {
    const teacher = firstAuthor(r.values['教师']);
    if (kind === 'reflections') {
      for (const k of textBands(text(r.values['题目']), RULES.title)) bands.push({ row: r.row, teacher, key: `t${k}` });
      for (const k of textBands(text(r.values['正文']), RULES.body)) bands.push({ row: r.row, teacher, key: `b${k}` });
    } else if (kind === 'papers') {
      const key = normaliseForSimilarity(text(r.values['题目']));
      if (key) titles.push({ row: r.row, teacher, key });
    }
  }
  return { bands, titles };
}
