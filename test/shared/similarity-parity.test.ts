/**
 * The fast near-duplicate path (quick normalising, shingles hashed where they lie) gives exactly what the plain
 * definition gave: the server stores band keys, so a different key for the same text would hide a copy uploaded
 * after an upgrade from one uploaded before it. Compared with the code as it was (bench/baseline/similarity.ts) and
 * with keys written down from it.
 */
import fc from 'fast-check';
import * as before from '../../bench/baseline/similarity';
import { bandKeys, LSH_BANDS, MINHASH_SIZE, normaliseForSimilarity, RULES, textBandGroups, textBands, textBandValues, textSimilarity } from '../../shared/similarity';
import { titleBandHashes } from '../../server/report/consolidate/near-dup';

const chars = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
// The ranges the quick path maps, some ideographs, and what must go to the slow path: combining marks, half-width
// katakana with their voiced marks, fullwidth letters, compatibility ideographs, Hangul jamo, emoji, lone surrogates.
const QUICK = [...chars(0, 0x7f), ...chars(0x2000, 0x206f), ...chars(0x3000, 0x303f), ...chars(0xff00, 0xff60)];
const OTHERS = [
  '浅', '谈', '学', '数', '〇', 'ｶ', 'ﾞ', 'ﾟ', 'ｳ', '\u0301', '\u0338', 'é', 'Å', '\uf900', '\ufa30', '\u1100', '\u1161',
  '😀', '\ud83d', '\ude00', 'Ⅻ', '①', '㍻', 'ﬁ', 'İ', 'Σ',
];

describe('near-duplicate fast path matches the definition', () => {
  test('every character of the quick ranges, alone and in every pair, normalises as before', () => {
    for (const a of QUICK) expect([a, normaliseForSimilarity(a)]).toEqual([a, before.normaliseForSimilarity(a)]);
    const sample = [...QUICK, ...OTHERS];
    const bad: string[] = [];
    for (const a of sample) for (const b of sample) if (normaliseForSimilarity(a + b) !== before.normaliseForSimilarity(a + b)) bad.push(a + b);
    expect(bad).toEqual([]);
  });

  test('band keys of any signature, edge values included (0, one digit, 2³²−1), are the ones the server stored', () => {
    const value = fc.oneof(fc.constantFrom(0, 1, 9, 10, 99, 100, 4294967295, 4294967294, 1000000000), fc.integer({ min: 0, max: 4294967295 }));
    fc.assert(
      fc.property(fc.array(value, { minLength: MINHASH_SIZE, maxLength: MINHASH_SIZE }), (sig) => {
        expect(bandKeys(sig)).toEqual(before.bandKeys(sig));
      }),
      { numRuns: 2000, seed: 20261202 },
    );
  });

  test('band values spell the band keys', () => {
    const title = '浅谈小学数学课堂提问的有效性研究';
    expect(Array.from(textBandValues(title, RULES.title)!, (v, b) => `${b}:${v.toString(36)}`)).toEqual(textBands(title, RULES.title));
    expect(textBandValues('三月教学随笔', RULES.title)).toBeNull();
  });

  test('grouping keys (textBandGroups, what the sheet check and consolidate group by) agree exactly where the stored band keys agree', () => {
    const alphabet = [...'小学数学课堂提问的有效性研究核心素养下单元教学三年级为例阅读写作', '😀', 'Ａ', '，'];
    const text = fc.array(fc.constantFrom(...alphabet), { minLength: 6, maxLength: 30 }).map((a) => a.join(''));
    // a text and a small edit of it share some bands, unrelated texts hardly any: both cases are met
    const pair = fc.oneof(fc.tuple(text, text), fc.tuple(text, fc.nat(5), fc.constantFrom(...alphabet)).map(([t, at, c]) => [t, t.slice(0, at) + c + t.slice(at + 1)] as [string, string]));
    let shared = 0;
    let apart = 0;
    fc.assert(
      fc.property(pair, ([a, b]) => {
        for (const rule of [RULES.title, { ...RULES.body, minLength: 1 }]) {
          const ka = textBands(a, rule);
          const kb = textBands(b, rule);
          const ga = textBandGroups(a, rule);
          const gb = textBandGroups(b, rule);
          expect(ga === null).toBe(ka.length === 0);
          if (!ga || !gb) continue;
          for (let band = 0; band < LSH_BANDS; band++) {
            expect(ga[band] === gb[band]).toBe(ka[band] === kb[band]);
            if (ka[band] === kb[band]) shared++;
            else apart++;
          }
          expect(titleBandHashes(a)).toEqual(Array.from(textBandGroups(a, RULES.title) ?? [], (g) => g >>> 0));
        }
      }),
      { numRuns: 2000, seed: 20261206 },
    );
    expect(shared).toBeGreaterThan(100);
    expect(apart).toBeGreaterThan(100);
  });

  test('random texts give the same normal form, band keys and similarity', () => {
    const alphabet = [...QUICK, ...OTHERS, ...'小学数学课堂提问的有效性研究核心素养下单元教学三年级为例'];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(normaliseForSimilarity(a)).toBe(before.normaliseForSimilarity(a));
        expect(textBands(a, RULES.title)).toEqual(before.textBands(a, RULES.title));
        expect(textBands(a, { ...RULES.body, minLength: 1 })).toEqual(before.textBands(a, { ...RULES.body, minLength: 1 }));
        expect(textSimilarity(a, b, { ...RULES.title, minLength: 2 })).toBe(before.textSimilarity(a, b, { ...RULES.title, minLength: 2 }));
      }),
      { numRuns: 3000, seed: 20261201 },
    );
  });

  test('band keys are the ones earlier releases stored', () => {
    expect(textBands('浅谈小学数学课堂提问的有效性研究', RULES.title)).toEqual([
      '0:1n0umuf', '1:1tioius', '2:gxpu49', '3:1t8ysmu', '4:ca8vtc', '5:fl841y', '6:1iw6ajd', '7:8bht2w',
      '8:cgigwn', '9:1r1e9az', '10:1hgshd0', '11:a2uhre', '12:16r7l2k', '13:1xda1iw', '14:9ukjm6', '15:939w53',
    ]);
    expect(textBands('《核心素养下的Ｕｎｉｔ教学》——以三年级为例', RULES.title)).toEqual([
      '0:1cwl80x', '1:1e2hygc', '2:zdr0i5', '3:1932rnd', '4:5oepsf', '5:at4ty6', '6:17utb5t', '7:1mg6zuq',
      '8:2itz3r', '9:1cuowv', '10:dwlakw', '11:1mgnm0i', '12:8u89ee', '13:uzbu8h', '14:9g7lv8', '15:ek8yre',
    ]);
  });
});
