/**
 * The district-wide reflection check without a server: near-duplicate 题目 in different schools (必须原创).
 * Like the server, MinHash LSH bands find candidates and exact shingle Jaccard confirms them; here the band keys
 * live as numbers in one typed array (hash · 2²¹ + row id), so 300 schools' reflections cost a few tens of MB.
 */
import { bandKeyHash, jaccard, LSH_BANDS, RULES, textBandValues, textShingles } from '../../../shared/similarity';
import type { NormRecord } from '../../../shared/types';
import { firstAuthor as firstName } from '../../store/index-keys';
import type { ReportIssue } from '../types';
import { RowRefs } from './row-refs';

const ID_SPACE = 2 ** 21; // ids and 32-bit hashes share one double exactly (53 bits)
const MAX_GROUP = 40; // a band shared by more rows than this is a stock phrase, not evidence
const MAX_COMPARISONS = 2_000_000; // exact checks are bounded, whatever the input (≈ a minute at worst)

/** A title's LSH band keys as 32-bit hashes ([] when it is too short to compare). */
export function titleBandHashes(title: string): number[] {
  const values = textBandValues(title, RULES.title);
  return values ? Array.from(values, (v, b) => bandKeyHash(b, v)) : [];
}

/** Band hashes of every reflection title, LSH_BANDS per row (zeros: too short), computed where the rows are read. */
export function bandTable(titles: string[]): Uint32Array {
  const out = new Uint32Array(titles.length * LSH_BANDS);
  for (let n = 0; n < titles.length; n++) {
    const values = textBandValues(titles[n], RULES.title);
    if (values) for (let b = 0; b < LSH_BANDS; b++) out[n * LSH_BANDS + b] = bandKeyHash(b, values[b]);
  }
  return out;
}

/** What a near-copy check compares: a register's short-text column (a 相似文本 rule's title field), per teacher. */
export interface TextTarget {
  kind: string;
  field: string;
  /** The teacher column (the rule's 其他字段). */
  per: string;
  /** The register's title, for messages. */
  title: string;
}

/** The built-in target: 学月反思's 题目 by 教师. */
export const REFLECTION_TITLES: TextTarget = { kind: 'reflections', field: '题目', per: '教师', title: '学月反思' };

/** Feed rows one by one; `finish()` gives a warning on each row that has a near-copy in another school. */
export class ReflectionCheck {
  /** Each row's band hashes, LSH_BANDS a row in row order (4 bytes a band; the sortable keys are made at finish). */
  private hashes: Uint32Array;
  private used = 0;
  private readonly titles: string[] = [];
  private readonly where = new RowRefs();

  /** `nameOf` turns a school key into the name a coordinator knows; `expected` rows size the key array once. */
  constructor(
    private readonly nameOf: (school: string) => string = (s) => s,
    expected = 4096,
    readonly target: TextTarget = REFLECTION_TITLES,
  ) {
    this.hashes = new Uint32Array(Math.max(16, expected) * LSH_BANDS);
  }

  /**
   * One reflection row of a school (sheet: where it sits, for the message). `hashes` are the title's band hashes
   * when a worker already computed them (`titleBandHashes`); all zero means the title is too short to compare.
   */
  add(school: string, sheet: string, row: number, values: NormRecord['values'], hashes?: ArrayLike<number>): void {
    const id = this.titles.length;
    if (id >= ID_SPACE) return;
    const title = String(values[this.target.field] ?? '');
    const bands = hashes ?? titleBandHashes(title);
    // A title too short to compare has no bands (or zeros, from a worker); every other has LSH_BANDS of them.
    if (bands.length !== LSH_BANDS || Array.prototype.every.call(bands, (h: number) => h === 0)) return;
    this.titles.push(title);
    this.where.add(school, sheet, row, firstName(values[this.target.per]));
    if (this.used + bands.length > this.hashes.length) {
      const bigger = new Uint32Array(this.hashes.length * 2);
      bigger.set(this.hashes);
      this.hashes = bigger;
    }
    for (let b = 0; b < bands.length; b++) this.hashes[this.used++] = bands[b];
  }

  /** Exact similarity checks the last `finish()` made (each candidate pair once). */
  comparisons = 0;

  /** Confirmed pairs across schools, as warnings on both rows (each row flagged once, with its closest match). */
  finish(): ReportIssue[] {
    // Band hash · 2²¹ + row id, sorted: each band group is a run. The rows' hashes by position (byRow) tell, for a
    // pair met in one group and without a set of the pairs tried, whether an earlier group already compared it.
    const byRow = this.hashes;
    const keys = new Float64Array(this.used);
    for (let k = 0; k < this.used; k++) keys[k] = byRow[k] * ID_SPACE + Math.floor(k / LSH_BANDS);
    keys.sort();
    const best = new Map<number, { other: number; sim: number }>();
    this.comparisons = 0;
    for (let i = 0; i < keys.length; ) {
      const band = Math.floor(keys[i] / ID_SPACE);
      let j = i + 1;
      while (j < keys.length && Math.floor(keys[j] / ID_SPACE) === band) j++;
      if (j - i > 1 && j - i <= MAX_GROUP && this.comparisons < MAX_COMPARISONS) {
        // Each member's shingles are made once for the group, not once for every pair it is in.
        const sets: (Set<string> | null | undefined)[] = new Array(j - i);
        const setOf = (a: number) => (sets[a - i] === undefined ? (sets[a - i] = textShingles(this.titles[keys[a] % ID_SPACE], RULES.title)) : sets[a - i]);
        for (let a = i; a < j; a++)
          for (let b = a + 1; b < j; b++) {
            const x = keys[a] % ID_SPACE;
            const y = keys[b] % ID_SPACE;
            if (x === y || this.where.sameSchool(x, y) || this.metBefore(x, y, band, byRow, keys)) continue;
            this.comparisons++;
            const sx = setOf(a);
            const sy = sx && setOf(b);
            this.record(x, y, sx && sy ? jaccard(sx, sy) : 0, best);
          }
      }
      i = j;
    }
    const issues: ReportIssue[] = [];
    for (const [id, { other, sim }] of [...best.entries()].sort((x, y) => x[0] - y[0])) {
      const w = this.where;
      issues.push({
        school: w.school(id),
        kind: this.target.kind,
        sheet: w.sheet(id),
        row: w.row(id),
        col: '',
        field: this.target.field,
        code: 'near_duplicate',
        severity: 'warning',
        value: this.titles[id],
        message: `${this.target.title}的${this.target.field}与 ${this.nameOf(w.school(other))}（${w.sheet(other)} 第 ${w.row(other)} 行，${w.teacher(other)}）高度相似（相似度约 ${Math.round(sim * 100)}%），必须原创，请核实`,
      });
    }
    return issues;
  }

  /**
   * Whether rows `a` and `b`, met in the group of band hash `band`, were compared in an earlier group: one of a
   * smaller hash they share at the same band position, of a size that was compared (groups go in hash order).
   */
  private metBefore(a: number, b: number, band: number, byRow: Uint32Array, keys: Float64Array): boolean {
    const pa = a * LSH_BANDS;
    const pb = b * LSH_BANDS;
    for (let k = 0; k < LSH_BANDS; k++) {
      const h = byRow[pa + k];
      if (h >= band || h !== byRow[pb + k]) continue;
      const size = lowerBound(keys, (h + 1) * ID_SPACE) - lowerBound(keys, h * ID_SPACE);
      if (size > 1 && size <= MAX_GROUP) return true;
    }
    return false;
  }

  /** Keeps a pair's similarity (textSimilarity of the two titles) as each row's closest match when it is. */
  private record(a: number, b: number, sim: number, best: Map<number, { other: number; sim: number }>): void {
    if (sim < RULES.title.threshold) return;
    for (const [me, other] of [
      [a, b],
      [b, a],
    ])
      if ((best.get(me)?.sim ?? -1) < sim) best.set(me, { other, sim });
  }
}

/** The first index of sorted `keys` holding a value ≥ `x`. */
function lowerBound(keys: Float64Array, x: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
