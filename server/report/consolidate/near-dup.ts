/**
 * The district-wide reflection check without a server: near-duplicate 题目 in different schools (必须原创).
 * Like the server, MinHash LSH bands find candidates and exact shingle Jaccard confirms them; here the band keys
 * live as numbers in typed arrays (a 32-bit hash and a row id each), so 300 schools' reflections cost a few tens of MB.
 */
import { codeSimilarity, LSH_BANDS, RULES, setSimilarity, textBandGroups, textShingleSet, type ShingleSet } from '../../../shared/similarity';
import type { NormRecord } from '../../../shared/types';
import { firstAuthor as firstName } from '../../store/index-keys';
import type { ReportIssue } from '../types';
import { RowRefs } from './row-refs';

const MAX_GROUP = 40; // a band shared by more rows than this is a stock phrase, not evidence
const MAX_COMPARISONS = 2_000_000; // exact checks are bounded, whatever the input (≈ a minute at worst)

/** A title's LSH bands as 32-bit grouping keys (textBandGroups; [] when it is too short to compare). */
export function titleBandHashes(title: string): number[] {
  const groups = textBandGroups(title, RULES.title);
  return groups ? Array.from(groups, (g) => g >>> 0) : [];
}

/** Band hashes of every reflection title, LSH_BANDS per row (zeros: too short), computed where the rows are read. */
export function bandTable(titles: string[]): Uint32Array {
  const out = new Uint32Array(titles.length * LSH_BANDS);
  for (let n = 0; n < titles.length; n++) {
    const groups = textBandGroups(titles[n], RULES.title);
    if (groups) out.set(groups, n * LSH_BANDS);
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
    // The band hashes' positions sorted by hash, rows rising within a hash: each band group is a run. The rows'
    // hashes by position (byRow) tell, for a pair met in one group and without a set of the pairs tried, whether an
    // earlier group already compared it.
    const byRow = this.hashes;
    const { order, hashes } = sortByHash(byRow, this.used);
    const best = new Map<number, { other: number; sim: number }>();
    const sets = new ShingleCache(this.titles);
    this.comparisons = 0;
    for (let i = 0; i < hashes.length; ) {
      const band = hashes[i];
      let j = i + 1;
      while (j < hashes.length && hashes[j] === band) j++;
      if (j - i > 1 && j - i <= MAX_GROUP && this.comparisons < MAX_COMPARISONS) {
        for (let a = i; a < j; a++)
          for (let b = a + 1; b < j; b++) {
            const x = (order[a] / LSH_BANDS) | 0;
            const y = (order[b] / LSH_BANDS) | 0;
            if (x === y || this.where.sameSchool(x, y) || this.metBefore(x, y, band, byRow, hashes)) continue;
            this.comparisons++;
            this.record(x, y, sets.similarity(x, y), best);
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
  private metBefore(a: number, b: number, band: number, byRow: Uint32Array, hashes: Uint32Array): boolean {
    const pa = a * LSH_BANDS;
    const pb = b * LSH_BANDS;
    for (let k = 0; k < LSH_BANDS; k++) {
      const h = byRow[pa + k];
      if (h >= band || h !== byRow[pb + k]) continue;
      const size = lowerBound(hashes, h + 1) - lowerBound(hashes, h);
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

/**
 * Each title's shingles, made the first time it is compared and kept for the other groups it is in (a title sits in
 * up to LSH_BANDS groups): the numeric sets side by side in one pool (a 4-byte code a shingle), the rest in a map.
 */
class ShingleCache {
  /** Per title: -1 not made yet, -2 too short to compare, -3 in `others`, else its start in `pool`. */
  private readonly start: Int32Array;
  private readonly size: Int32Array;
  private pool = new Uint32Array(1 << 16);
  private used = 0;
  private readonly others = new Map<number, Set<string>>();

  constructor(private readonly titles: readonly string[]) {
    this.start = new Int32Array(titles.length).fill(-1);
    this.size = new Int32Array(titles.length);
  }

  /** setSimilarity of two titles' shingles (0 when either is too short to compare). */
  similarity(x: number, y: number): number {
    const a = this.make(x);
    const b = this.make(y);
    if (a === -2 || b === -2) return 0;
    if (a === -3 || b === -3) return setSimilarity(this.set(x), this.set(y));
    return codeSimilarity(this.pool, a, a + this.size[x], this.pool, b, b + this.size[y]);
  }

  private set(id: number): ShingleSet {
    const at = this.start[id];
    return at === -3 ? this.others.get(id)! : this.pool.subarray(at, at + this.size[id]);
  }

  private make(id: number): number {
    if (this.start[id] !== -1) return this.start[id];
    const set = textShingleSet(this.titles[id], RULES.title);
    if (!set || (set instanceof Set ? set.size : set.length) === 0) return (this.start[id] = -2);
    if (set instanceof Set) {
      this.others.set(id, set);
      return (this.start[id] = -3);
    }
    if (this.used + set.length > this.pool.length) {
      const bigger = new Uint32Array(Math.max(this.pool.length * 2, this.used + set.length));
      bigger.set(this.pool.subarray(0, this.used));
      this.pool = bigger;
    }
    this.pool.set(set, this.used);
    this.size[id] = set.length;
    this.start[id] = this.used;
    this.used += set.length;
    return this.start[id];
  }
}

/**
 * The positions of the band hashes (`byRow`, LSH_BANDS a row: row id = position / LSH_BANDS) in hash order, positions
 * rising within a hash: an LSD radix sort (three passes of 11 bits, stable), several times faster than sorting
 * hash · 2²¹ + id as doubles, in the same 8 bytes a band; the sort's spare array then holds the hashes in that
 * order (read in sequence, not looked up at random).
 */
export function sortByHash(byRow: Uint32Array, used: number): { order: Uint32Array; hashes: Uint32Array } {
  let order = new Uint32Array(used);
  for (let k = 0; k < used; k++) order[k] = k;
  let next = new Uint32Array(used);
  const count = new Int32Array(1 << 11);
  for (const shift of [0, 11, 22]) {
    count.fill(0);
    for (let k = 0; k < used; k++) count[(byRow[k] >>> shift) & 0x7ff]++;
    let sum = 0;
    for (let d = 0; d < count.length; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let k = 0; k < used; k++) {
      const pos = order[k];
      next[count[(byRow[pos] >>> shift) & 0x7ff]++] = pos;
    }
    [order, next] = [next, order];
  }
  for (let i = 0; i < used; i++) next[i] = byRow[order[i]];
  return { order, hashes: next };
}

/** The first index of sorted `keys` holding a value ≥ `x`. */
function lowerBound(keys: Uint32Array, x: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
