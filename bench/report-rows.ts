/** The rows of the report benchmark: 300 schools × ~3,000 normalised rows, generated on the fly (never all in memory). */
import { genSchool, schoolSheets } from './consolidate-data';
import type { ReportRow } from '../server/report/write';
import { TEMPLATES } from '../shared/templates';
import type { KindId, NormRecord } from '../shared/types';

const SHEET_KIND: Record<string, KindId> = { 教师名册: 'roster', 课题: 'projects', 课程: 'courses', 学月反思: 'reflections', 论文: 'papers' };

/** The records of school `i` by kind, as the engine would hand them over (教师/成员 split into lists). */
export function schoolRecords(i: number, rows: number): Record<KindId, NormRecord[]> {
  const out = { roster: [], projects: [], courses: [], reflections: [], papers: [] } as Record<KindId, NormRecord[]>;
  for (const g of schoolSheets(i, rows).sheets) {
    const kind = SHEET_KIND[g.sheet];
    const fields = g.header;
    g.rows.forEach((r, n) => {
      const values: NormRecord['values'] = {};
      fields.forEach((f, c) => {
        const v = r[c];
        if (v === null || v === undefined) values[f] = null;
        else if ((f === '成员' || (f === '教师' && kind === 'papers')) && typeof v === 'string') values[f] = v.split('、');
        else values[f] = v as string | number;
      });
      out[kind].push({ row: n + 3, values });
    });
  }
  return out;
}

/** Every school's rows of one kind, school after school. */
export function* kindRows(kind: KindId, schools: number, rows: number): Generator<ReportRow> {
  for (let i = 0; i < schools; i++) {
    const code = genSchool(i).code;
    for (const r of schoolRecords(i, rows)[kind]) yield { school: code, values: r.values };
  }
}

/** The fields of a kind in template order (what both variants write). */
export const fieldsOf = (kind: KindId) => TEMPLATES[kind].columns.map((c) => c.name);
