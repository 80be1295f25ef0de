/** Shingles, MinHash and LSH bands: near-copies meet in a band and score high; unrelated texts do not. */
import { bandKeys, jaccard, LSH_BANDS, minhash, MINHASH_SIZE, normaliseForSimilarity, RULES, shingles, signatureSimilarity, textBands, textSimilarity } from '../../shared/similarity';

const A = '本学期我在数学课堂上尝试改变提问方式，先让学生独立思考，再组织小组交流，最后全班汇报。实践下来发现学生参与面明显扩大，原来不爱发言的学生也愿意表达自己的想法。';
const B = '科学课上我带领学生观察植物的生长过程，每天记录高度和叶片数量，学生们对比数据后提出了许多有趣的问题，课后还自发查阅资料。';

describe('similarity', () => {
  test('normalising removes spacing, punctuation and width differences', () => {
    expect(normaliseForSimilarity('浅谈 课堂，提问！ＡＢＣ')).toBe('浅谈课堂提问abc');
  });

  test('shingles and exact Jaccard', () => {
    expect([...shingles('abcd', 2)]).toEqual(['ab', 'bc', 'cd']);
    expect([...shingles('ab', 3)]).toEqual(['ab']);
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set(['a']))).toBe(0);
  });

  test('MinHash estimates Jaccard, and equal texts have equal signatures and bands', () => {
    const sa = shingles(normaliseForSimilarity(A), 3);
    const edited = shingles(normaliseForSimilarity(A.replace('明显扩大', '大大增加')), 3);
    const sigA = minhash(sa);
    expect(sigA).toHaveLength(MINHASH_SIZE);
    expect(signatureSimilarity(sigA, minhash(sa))).toBe(1);
    expect(Math.abs(signatureSimilarity(sigA, minhash(edited)) - jaccard(sa, edited))).toBeLessThan(0.2);
    expect(bandKeys(sigA)).toHaveLength(LSH_BANDS);
    expect(signatureSimilarity(sigA, minhash(shingles(normaliseForSimilarity(B), 3)))).toBeLessThan(0.2);
  });

  test('a lightly edited text shares a band and passes the threshold; an unrelated one does neither', () => {
    const edited = A.replace('本学期', '这学期').replace('汇报', '展示');
    const shared = (x: string, y: string) => textBands(x, RULES.body).some((k) => textBands(y, RULES.body).includes(k));
    expect(shared(A, edited)).toBe(true);
    expect(textSimilarity(A, edited, RULES.body)).toBeGreaterThanOrEqual(RULES.body.threshold);
    expect(shared(A, B)).toBe(false);
    expect(textSimilarity(A, B, RULES.body)).toBeLessThan(0.1);
  });

  test('short generic titles are not compared', () => {
    expect(textBands('三月教学随笔', RULES.title)).toEqual([]);
    expect(textSimilarity('三月教学随笔', '三月教学随笔', RULES.title)).toBe(0);
    expect(textSimilarity('浅谈小学数学课堂提问的有效性', '浅谈小学数学课堂提问的有效性研究', RULES.title)).toBeGreaterThan(RULES.title.threshold);
  });
});
