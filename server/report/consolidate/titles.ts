/** The district-wide paper check without a server: one 题目 under two different first authors is 抄袭嫌疑 (duplicate). */
import { normaliseForSimilarity } from '../../../shared/similarity';
import { authors } from '../../../shared/metrics/fields';
import type { NormRecord } from '../../../shared/types';
import type { ReportIssue } from '../types';

interface Seen {
  school: string;
  teacher: string;
  sheet: string;
  row: number;
}

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
  private readonly first = new Map<string, Seen>();
  private readonly flagged = new Set<string>();
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
    if (!seen) {
      this.first.set(key, { school, teacher, sheet, row });
      return;
    }
    // One teacher (a name within a school) sending a paper to two contests is normal.
    if (seen.teacher === teacher && seen.school === school) return;
    const me = { school, teacher, sheet, row };
    for (const [a, b] of [
      [seen, me],
      [me, seen],
    ]) {
      const id = `${a.school}\u0000${a.sheet}\u0000${a.row}`;
      if (this.flagged.has(id)) continue;
      this.flagged.add(id);
      this.issues.push({
        school: a.school,
        kind: this.target.kind,
        sheet: a.sheet,
        row: a.row,
        col: '',
        field: this.target.field,
        code: 'duplicate',
        severity: 'warning',
        value: title,
        message: `${this.target.title}的${this.target.field}与 ${this.nameOf(b.school)}（${b.sheet} 第 ${b.row} 行，${b.teacher}）相同，请核实是否抄袭`,
      });
    }
  }
}
