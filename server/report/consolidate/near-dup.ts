/**
 * The district-wide reflection check without a server: near-duplicate 题目 in different schools (必须原创).
 * Like the server, MinHash LSH bands find candidates and exact shingle Jaccard confirms them; here the band keys
 * live as numbers in one typed array (hash · 2²¹ + row id), so 300 schools' reflections cost a few tens of MB.
 */
import { hash32, RULES, textBands, textSimilarity } from '../../../shared/similarity';
import type { NormRecord } from '../../../shared/types';
import type { ReportIssue } from '../types';

const ID_SPACE = 2 ** 21; // ids and 32-bit hashes share one double exactly (53 bits)
const MAX_GROUP = 40; // a band shared by more rows than this is a stock phrase, not evidence

/** Feed reflections one by one; `finish()` gives a warning on each row that has a near-copy in another school. */
export class ReflectionCheck {
  private keys = new Float64Array(1 << 16);
  private used = 0;
  private readonly titles: string[] = [];
  private readonly where: { school: string; sheet: string; row: number; teacher: string }[] = [];

  /** `nameOf` turns a school key into the name a coordinator knows. */
  constructor(private readonly nameOf: (school: string) => string = (s) => s) {}

  /** One reflection row of a school (sheet: where it sits, for the message). */
  add(school: string, sheet: string, row: number, values: NormRecord['values']): void {
    const id = this.titles.length;
    if (id >= ID_SPACE) return;
    const title = String(values['题目'] ?? '');
    const bands = textBands(title, RULES.title);
    if (!bands.length) return;
    this.titles.push(title);
    this.where.push({ school, sheet, row, teacher: String(values['教师'] ?? '') });
    if (this.used + bands.length > this.keys.length) {
      const bigger = new Float64Array(this.keys.length * 2);
      bigger.set(this.keys);
      this.keys = bigger;
    }
    for (const b of bands) this.keys[this.used++] = hash32(b) * ID_SPACE + id;
  }

  /** Confirmed pairs across schools, as warnings on both rows (each row flagged once, with its closest match). */
  finish(): ReportIssue[] {
    const keys = this.keys.subarray(0, this.used).sort();
    const best = new Map<number, { other: number; sim: number }>();
    const tried = new Set<number>();
    for (let i = 0; i < keys.length; ) {
      const band = Math.floor(keys[i] / ID_SPACE);
      let j = i + 1;
      while (j < keys.length && Math.floor(keys[j] / ID_SPACE) === band) j++;
      if (j - i > 1 && j - i <= MAX_GROUP) {
        for (let a = i; a < j; a++)
          for (let b = a + 1; b < j; b++) this.compare(keys[a] % ID_SPACE, keys[b] % ID_SPACE, best, tried);
      }
      i = j;
    }
    const issues: ReportIssue[] = [];
    for (const [id, { other, sim }] of [...best.entries()].sort((x, y) => x[0] - y[0])) {
      const me = this.where[id];
      const o = this.where[other];
      issues.push({
        school: me.school,
        kind: 'reflections',
        sheet: me.sheet,
        row: me.row,
        col: '',
        field: '题目',
        code: 'near_duplicate',
        severity: 'warning',
        value: this.titles[id],
        message: `反思题目与 ${this.nameOf(o.school)}（${o.sheet} 第 ${o.row} 行，${o.teacher}）高度相似（相似度约 ${Math.round(sim * 100)}%），反思必须原创，请核实`,
      });
    }
    return issues;
  }

  private compare(a: number, b: number, best: Map<number, { other: number; sim: number }>, tried: Set<number>): void {
    if (this.where[a].school === this.where[b].school) return; // within a school the engine already checked
    const pair = Math.min(a, b) * ID_SPACE + Math.max(a, b);
    if (tried.has(pair)) return;
    tried.add(pair);
    const sim = textSimilarity(this.titles[a], this.titles[b], RULES.title);
    if (sim < RULES.title.threshold) return;
    for (const [me, other] of [
      [a, b],
      [b, a],
    ])
      if ((best.get(me)?.sim ?? -1) < sim) best.set(me, { other, sim });
  }
}
