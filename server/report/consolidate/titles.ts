/** The district-wide paper check without a server: one 题目 under two different first authors is 抄袭嫌疑 (duplicate). */
import { normaliseForSimilarity } from '../../../shared/similarity';
import { authors } from '../../../shared/metrics/fields';
import type { NormRecord } from '../../../shared/types';
import type { ReportIssue } from '../types';
import { RowRefs } from './row-refs';

/** What a same-title check compares: a 同题 rule's column, per teacher (first name). */
export interface TitleTarget {
  kind: string;
  field: string;
  per: string;
  title: string;
}

/** The built-in target: 论文投稿's 题目 by first author. */
export const PAPER_TITLES: TitleTarget = { kind: 'papers', field: '题目', per: '教师', title: '论文投稿' };

/** Feed rows one by one; each new clash adds a warning on both rows (once per pair of teachers and title). */
export class TitleCheck {
  /** Each title's first row (its normalised text → row id). */
  private readonly first = new Map<string, number>();
  private readonly rows = new RowRefs();
  private readonly flagged = new Set<number>();
  readonly issues: ReportIssue[] = [];

  /** `nameOf` turns a school key into the name a coordinator knows. */
  constructor(
    private readonly nameOf: (school: string) => string = (s) => s,
    readonly target: TitleTarget = PAPER_TITLES,
  ) {}

  /** One paper row of a school (sheet: where it sits, for the message). */
  add(school: string, sheet: string, row: number, values: NormRecord['values']): void {
    const title = String(values[this.target.field] ?? '');
    const key = normaliseForSimilarity(title);
    if (!key) return;
    const teacher = authors(values[this.target.per])[0] ?? '';
    const seen = this.first.get(key);
    const me = this.rows.add(school, sheet, row, teacher);
    if (seen === undefined) {
      this.first.set(key, me);
      return;
    }
    // One teacher (a name within a school) sending a paper to two contests is normal.
    if (this.rows.sameSchoolAndTeacher(seen, me)) return;
    const r = this.rows;
    for (const [a, b] of [
      [seen, me],
      [me, seen],
    ]) {
      // Rows are numbered in the order they come, and each comes once: the id says which row was flagged.
      if (this.flagged.has(a)) continue;
      this.flagged.add(a);
      this.issues.push({
        school: r.school(a),
        kind: this.target.kind,
        sheet: r.sheet(a),
        row: r.row(a),
        col: '',
        field: this.target.field,
        code: 'duplicate',
        severity: 'warning',
        value: title,
        message: `${this.target.title}的${this.target.field}与 ${this.nameOf(r.school(b))}（${r.sheet(b)} 第 ${r.row(b)} 行，${r.teacher(b)}）相同，请核实是否抄袭`,
      });
    }
  }
}
