/**
 * Near-duplicate text detection for reflections: character shingles, MinHash signatures and LSH band keys.
 * Pure TypeScript (no Node APIs) so the add-in could run it too; the server indexes the band keys so a new
 * reflection is compared only with the few stored ones that share a band, never with the whole district.
 */

/** Number of MinHash permutations in a signature. */
export const MINHASH_SIZE = 64;
/** LSH bands × rows per band = MINHASH_SIZE; 16 × 4 finds pairs with Jaccard ≥ 0.7 with ~99% probability. */
export const LSH_BANDS = 16;
const ROWS_PER_BAND = MINHASH_SIZE / LSH_BANDS;

/**
 * Canonical form for comparison: NFKC (full-width → half-width), lower case, no whitespace, punctuation or symbols,
 * so that re-spacing or re-punctuating a copied text does not hide it.
 */
export function normaliseForSimilarity(text: string): string {
  return quickNormalise(text) ?? slowNormalise(text);
}

function slowNormalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/**
 * What normalising does to one character of the ranges most titles are made of, worked out once by the definition
 * above itself: ASCII, general punctuation, CJK symbols and full-width forms. `''` drops it, a string replaces it,
 * undefined sends the whole text to the slow path. Only characters that stand alone are taken (none of them combines
 * with a neighbour under NFKC: combining marks and half-width katakana are left to the slow path), so mapping them
 * one by one gives what normalising the whole text gives; test/shared/similarity.test.ts checks every one.
 */
const QUICK_RANGES: [number, number][] = [
  [0x0000, 0x007f],
  [0x2000, 0x206f],
  [0x3000, 0x303f],
  [0xff00, 0xff60],
];
/** Indexed by UTF-16 code unit (a flat table rather than a Map). */
const QUICK: (string | undefined)[] = new Array<string | undefined>(0x10000).fill(undefined);
for (const [from, to] of QUICK_RANGES)
  for (let c = from; c <= to; c++) {
    const ch = String.fromCharCode(c);
    if (/\p{M}/u.test(ch)) continue;
    const out = slowNormalise(ch);
    if (out === '' || out === ch || /^[0-9a-z]$/.test(out)) QUICK[c] = out;
  }

/** CJK unified ideographs (U+4E00–U+9FFF): NFKC, lower-casing and stripping leave them as they are. */
function isIdeograph(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

/** The normalised text when every character is an ideograph or in QUICK; null otherwise (then the slow path). */
function quickNormalise(text: string): string | null {
  let out = '';
  let run = 0; // start of the run of characters kept as they are
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isIdeograph(c) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) continue;
    const m = QUICK[c];
    if (m === undefined) return null;
    if (m.length === 1 && m.charCodeAt(0) === c) continue;
    out += text.slice(run, i) + m;
    run = i + 1;
  }
  return run === 0 ? text : out + text.slice(run);
}

/** The set of k-character shingles of an already normalised text (a text shorter than k is its own shingle). */
export function shingles(normalised: string, k: number): Set<string> {
  const chars = Array.from(normalised);
  const out = new Set<string>();
  if (chars.length === 0) return out;
  if (chars.length <= k) {
    out.add(chars.join(''));
    return out;
  }
  for (let i = 0; i + k <= chars.length; i++) out.add(chars.slice(i, i + k).join(''));
  return out;
}

/** Exact Jaccard similarity of two shingle sets (1 for two empty sets is avoided: empty → 0). */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const s of small) if (big.has(s)) inter++;
  return inter / (a.size + b.size - inter);
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: a cheap, well-mixed 32-bit permutation used to derive the MinHash family. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Fixed seeds: signatures must be comparable across processes and releases.
const SEEDS: number[] = Array.from({ length: MINHASH_SIZE }, (_, i) => fmix32(0x9e3779b9 + i * 0x61c88647));

/** MinHash signature (MINHASH_SIZE values) of a shingle set; an empty set gives all-0xffffffff. */
export function minhash(set: Set<string>): number[] {
  const sig = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const s of set) mix(hash32(s), sig);
  return sig;
}

/** Estimated Jaccard similarity: the share of equal positions of two signatures. */
export function signatureSimilarity(a: number[], b: number[]): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SIZE;
}

/** LSH band keys of a signature (`<band>:<hash>`): two texts sharing any key are candidate near-duplicates. */
export function bandKeys(sig: ArrayLike<number>): string[] {
  return keysOf(bandValues(sig));
}

/**
 * The hash of each band of a signature: hash32 of the band's values joined with commas, fed digit by digit instead of
 * building that string (or the decimal string of each value: that allocation was most of a worker's banding time).
 * A band key is `<band>:<this value in base 36>`.
 */
function bandValues(sig: ArrayLike<number>): Uint32Array {
  const out = new Uint32Array(LSH_BANDS);
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < ROWS_PER_BAND; r++) {
      if (r > 0) h = Math.imul(h ^ 0x2c, 0x01000193);
      h = feedDecimal(h, sig[b * ROWS_PER_BAND + r]);
    }
    out[b] = h;
  }
  return out;
}

function keysOf(values: Uint32Array): string[] {
  const keys = new Array<string>(values.length);
  for (let b = 0; b < values.length; b++) keys[b] = `${b}:${values[b].toString(36)}`;
  return keys;
}

/** The decimal digits of one signature value (a 32-bit unsigned integer: at most 10), least significant first. */
const DIGITS = new Int32Array(10);

/**
 * FNV-1a of `v`'s decimal digits (as String(v) spells them) fed into `h`. A value past 2³¹ is no small integer to
 * V8, so it is split into two halves of at most five digits that are, and those are divided as 32-bit integers.
 */
function feedDecimal(h: number, v: number): number {
  let n = 0;
  let lo = v;
  if (v >= 100000) {
    const hi = Math.floor(v / 100000);
    lo = v - hi * 100000;
    for (let i = 0; i < 5; i++) {
      const q = (lo / 10) | 0;
      DIGITS[n++] = 0x30 + lo - q * 10;
      lo = q;
    }
    lo = hi;
  }
  do {
    const q = (lo / 10) | 0;
    DIGITS[n++] = 0x30 + lo - q * 10;
    lo = q;
  } while (lo > 0);
  while (n > 0) h = Math.imul(h ^ DIGITS[--n], 0x01000193);
  return h;
}

/** How a field is compared: shingle length, the least normalised length worth comparing, the threshold. */
export interface SimilarityRule {
  k: number;
  minLength: number;
  threshold: number;
}

/**
 * 题目: short, so 2-character shingles and titles under 8 characters skipped (generic titles such as 教学反思 are
 * not evidence of copying). 正文: 3-character shingles, 0.8 similarity.
 */
export const RULES: Record<'title' | 'body', SimilarityRule> = {
  title: { k: 2, minLength: 8, threshold: 0.7 },
  body: { k: 3, minLength: 50, threshold: 0.8 },
};

/** Band keys of a text under a rule, or [] when it is too short to compare. */
export function textBands(text: string, rule: SimilarityRule): readonly string[] {
  const values = textBandValues(text, rule);
  return values ? keysOf(values) : [];
}

/**
 * The band values of a text under a rule (LSH_BANDS of them; the keys are `<band>:<value in base 36>`), or null when
 * it is too short to compare: what the server's band index stores (textBands spells them).
 */
export function textBandValues(text: string, rule: SimilarityRule): Uint32Array | null {
  const sig = textSignature(text, rule);
  return sig && bandValues(sig);
}

/**
 * Grouping keys of a text's bands under a rule (LSH_BANDS 32-bit integers), or null when it is too short to compare:
 * two texts get the same key at a band exactly when their band values there are equal (but for a 2⁻³² chance), for
 * checks that only group rows within one run (the sheet check, consolidate) and never store the keys: a few
 * multiplications a band, where the stored keys are hashes of the values' decimal digits.
 */
export function textBandGroups(text: string, rule: SimilarityRule): Int32Array | null {
  const sig = textSignature(text, rule);
  if (!sig) return null;
  const out = new Int32Array(LSH_BANDS);
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = Math.imul(b + 1, 0x9e3779b1);
    for (let r = 0; r < ROWS_PER_BAND; r++) {
      h = Math.imul(h ^ sig[b * ROWS_PER_BAND + r], 0x85ebca6b);
      h ^= h >>> 13;
    }
    h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35);
    out[b] = h ^ (h >>> 16);
  }
  return out;
}

/** The MinHash signature of a text under a rule, or null when it is too short to compare (remembered: see recent). */
function textSignature(text: string, rule: SimilarityRule): number[] | null {
  let memo = recent.get(rule);
  if (!memo) recent.set(rule, (memo = new Map()));
  let sig = memo.get(text);
  if (sig === undefined) {
    if (memo.size >= RECENT_MAX) memo.clear();
    const norm = normaliseForSimilarity(text);
    const starts = codePointStarts(norm);
    sig = starts.length - 1 < rule.minLength ? null : shingleMinhash(norm, starts, rule.k);
    memo.set(text, sig);
  }
  return sig;
}

/**
 * The signatures of recent texts per rule: a sheet's titles are banded by its own check and again for the district
 * (the consolidate workers, the server's index), so the second time is a lookup. Cleared when full.
 */
const recent = new WeakMap<SimilarityRule, Map<string, number[] | null>>();
/** Enough for a sheet's texts between its check and their banding for the district (half a kilobyte each). */
const RECENT_MAX = 8192;

/** Where each code point of `s` starts, and s.length at the end (so there are code points + 1 entries). */
function codePointStarts(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    out.push(i);
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  out.push(s.length);
  return out;
}

/** SEEDS as 32-bit integers, for shingleMinhash's typed-array loop. */
const SEEDS32 = Int32Array.from(SEEDS, (v) => v | 0);
/** shingleMinhash's working signature, biased (each value XOR 2³¹) so that signed comparison orders it as unsigned. */
const WORK = new Int32Array(MINHASH_SIZE);

/**
 * minhash(shingles(s, k)) without building the shingles: each k-code-point window is hashed where it lies (the same
 * FNV-1a over the same code units as hash32 of the shingle string). A repeated shingle repeats its hash, and a
 * minimum does not care, so the signature is exactly minhash's. The 64 permutations run over 32-bit typed arrays
 * (the same fmix32 written out, values kept as int32 XOR 2³¹): no value leaves the small-integer range, where
 * unsigned numbers above 2³¹ are no small integers to V8 (same signature, faster).
 */
function shingleMinhash(s: string, starts: number[], k: number): number[] {
  const work = WORK;
  work.fill(0x7fffffff); // 0xffffffff biased
  const n = starts.length - 1;
  // A plain array (its numbers held unboxed, in the heap): a typed array of 256 bytes would be one more allocation
  // outside the heap for every text, which a worker's memory showed (+30 MB at the run's peak).
  const sig = new Array<number>(MINHASH_SIZE);
  if (n > 0) {
    const windows = n <= k ? 1 : n - k + 1;
    const span = n <= k ? n : k;
    for (let w = 0; w < windows; w++) {
      let h = 0x811c9dc5 | 0;
      for (let i = starts[w], end = starts[w + span]; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      for (let j = 0; j < MINHASH_SIZE; j++) {
        let x = h ^ SEEDS32[j];
        x ^= x >>> 16;
        x = Math.imul(x, 0x85ebca6b);
        x ^= x >>> 13;
        x = Math.imul(x, 0xc2b2ae35);
        x = (x ^ (x >>> 16)) ^ 0x80000000;
        if (x < work[j]) work[j] = x;
      }
    }
  }
  for (let j = 0; j < MINHASH_SIZE; j++) sig[j] = (work[j] ^ 0x80000000) >>> 0;
  return sig;
}

/** Lowers each position of `sig` to this shingle hash's permuted value where it is smaller. */
function mix(base: number, sig: number[]): void {
  for (let i = 0; i < MINHASH_SIZE; i++) {
    const v = fmix32(base ^ SEEDS[i]);
    if (v < sig[i]) sig[i] = v;
  }
}

/** Exact similarity of two texts under a rule (0 when either is too short to compare). */
export function textSimilarity(a: string, b: string, rule: SimilarityRule): number {
  const sa = textShingles(a, rule);
  const sb = sa && textShingles(b, rule);
  return sa && sb ? jaccard(sa, sb) : 0;
}

/** A text's shingles for comparing: sorted distinct codes (see textShingleSet), or the shingle strings. */
export type ShingleSet = Uint32Array | Set<string>;

/**
 * textShingles in a form that compares faster: where every shingle is two UTF-16 code units (k = 2, no surrogates,
 * longer than 2), each is the 32-bit number of its two units side by side, and the set is those numbers sorted and
 * distinct; otherwise the strings. Null when the text is too short to compare. setSimilarity of two such sets is
 * jaccard of the string sets, exactly (the same counts).
 */
export function textShingleSet(text: string, rule: SimilarityRule): ShingleSet | null {
  const norm = normaliseForSimilarity(text);
  const n = norm.length;
  let surrogates = false;
  for (let i = 0; i < n && !surrogates; i++) surrogates = (norm.charCodeAt(i) & 0xf800) === 0xd800;
  if (surrogates) return codePointStarts(norm).length - 1 < rule.minLength ? null : shingles(norm, rule.k);
  if (n < rule.minLength) return null;
  if (rule.k !== 2 || n <= 2) return shingles(norm, rule.k);
  const codes = new Uint32Array(n - 1);
  // insertion sort as the codes are made (a title has tens of them: cheaper than TypedArray#sort's call)
  for (let i = 0; i + 1 < n; i++) {
    const c = ((norm.charCodeAt(i) << 16) | norm.charCodeAt(i + 1)) >>> 0;
    let j = i;
    while (j > 0 && codes[j - 1] > c) {
      codes[j] = codes[j - 1];
      j--;
    }
    codes[j] = c;
  }
  let m = 1;
  for (let i = 1; i < codes.length; i++) if (codes[i] !== codes[m - 1]) codes[m++] = codes[i];
  return codes.subarray(0, m);
}

/** Jaccard similarity of two shingle sets of textShingleSet (either form; 0 when either is empty). */
export function setSimilarity(a: ShingleSet, b: ShingleSet): number {
  if (a instanceof Uint32Array && b instanceof Uint32Array) return codeSimilarity(a, 0, a.length, b, 0, b.length);
  return jaccard(asStrings(a), asStrings(b));
}

/**
 * Jaccard similarity of two sorted, distinct code runs: `a[aFrom, aTo)` and `b[bFrom, bTo)` (0 when either is empty);
 * runs of one pool compare without a view of each.
 */
export function codeSimilarity(a: Uint32Array, aFrom: number, aTo: number, b: Uint32Array, bFrom: number, bTo: number): number {
  if (aTo <= aFrom || bTo <= bFrom) return 0;
  let inter = 0;
  for (let i = aFrom, j = bFrom; i < aTo && j < bTo; ) {
    const u = a[i];
    const v = b[j];
    if (u === v) {
      inter++;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
  return inter / (aTo - aFrom + (bTo - bFrom) - inter);
}

function asStrings(s: ShingleSet): Set<string> {
  return s instanceof Set ? s : new Set(Array.from(s, (c) => String.fromCharCode(c >>> 16, c & 0xffff)));
}

/** The shingles textSimilarity compares, or null when the text is too short to compare (for callers that cache). */
export function textShingles(text: string, rule: SimilarityRule): Set<string> | null {
  const norm = normaliseForSimilarity(text);
  return codePointStarts(norm).length - 1 < rule.minLength ? null : shingles(norm, rule.k);
}
