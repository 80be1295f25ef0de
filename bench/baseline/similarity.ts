/**
 * Baseline for the near-duplicate benchmark and the parity test: shared/similarity.ts as it was before the
 * string-free shingle hashing (issue 14). Kept verbatim so the new code is measured against it and must give the
 * same band keys (the server stores them; a change would split old and new uploads into different bands).
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
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
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
  for (const s of set) {
    const base = hash32(s);
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const v = fmix32(base ^ SEEDS[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity: the share of equal positions of two signatures. */
export function signatureSimilarity(a: number[], b: number[]): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SIZE;
}

/** LSH band keys of a signature (`<band>:<hash>`): two texts sharing any key are candidate near-duplicates. */
export function bandKeys(sig: number[]): string[] {
  const keys: string[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    const part = sig.slice(b * ROWS_PER_BAND, (b + 1) * ROWS_PER_BAND).join(',');
    keys.push(`${b}:${hash32(part).toString(36)}`);
  }
  return keys;
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
export function textBands(text: string, rule: SimilarityRule): string[] {
  const norm = normaliseForSimilarity(text);
  if (Array.from(norm).length < rule.minLength) return [];
  return bandKeys(minhash(shingles(norm, rule.k)));
}

/** Exact similarity of two texts under a rule (0 when either is too short to compare). */
export function textSimilarity(a: string, b: string, rule: SimilarityRule): number {
  const na = normaliseForSimilarity(a);
  const nb = normaliseForSimilarity(b);
  if (Array.from(na).length < rule.minLength || Array.from(nb).length < rule.minLength) return 0;
  return jaccard(shingles(na, rule.k), shingles(nb, rule.k));
}
