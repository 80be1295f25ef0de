/** Text clean-up: which full-width characters become half-width, and that untouched text comes back as it was. */
import { halfWidthAlnum, toHalfWidth, trimAll } from '../../shared/text';
import { textKey } from '../../shared/checks/unique';

describe('halfWidthAlnum', () => {
  it('turns full-width digits and Latin letters half-width', () => {
    expect(halfWidthAlnum('ＫＴ－２０２３ａ')).toBe('KT－2023a');
  });

  it('keeps Chinese and full-width punctuation, including the code points between the digit and letter ranges', () => {
    const s = '双减：作业设计；问题？＠［＼］＾＿｀与｛｝';
    expect(halfWidthAlnum(s)).toBe(s);
  });

  it('returns the very same string when there is nothing to change (no copy per cell)', () => {
    const s = ['关于', '小学：', '第12篇'].join('');
    expect(Object.is(halfWidthAlnum(s), s)).toBe(true);
  });
});

describe('toHalfWidth and trimAll', () => {
  it('turn all full-width ASCII and the ideographic space half-width', () => {
    expect(toHalfWidth('２０２５：Ａ　Ｂ')).toBe('2025:A B');
  });

  it('trim ASCII, ideographic, non-breaking and zero-width spaces at both ends only', () => {
    expect(trimAll('\u3000\u00a0 张 伟\u200b\ufeff ')).toBe('张 伟');
  });
});

describe('textKey (comparison key of a title)', () => {
  it('ignores case and every kind of space, and leaves other text as it is', () => {
    expect(textKey('PBL 教学\u3000研究')).toBe('pbl教学研究');
    expect(textKey('pbl\u00a0教学研究')).toBe('pbl教学研究');
    const plain = '双减背景下的作业设计';
    expect(Object.is(textKey(plain), plain)).toBe(true);
  });
});

describe('character classes, checked over every UTF-16 code unit', () => {
  const all = Array.from({ length: 0x10000 }, (_, c) => c);

  it('isSpace is exactly the spaces trimAll removes: JS white space and line ends, controls, U+0085 and U+200B', () => {
    const { isSpace } = require('../../shared/text');
    const reference = (c: number) => c <= 0x20 || c === 0x85 || c === 0x200b || /\s/.test(String.fromCharCode(c));
    expect(all.filter((c) => isSpace(c) !== reference(c))).toEqual([]);
  });

  it('changesInKey flags everything textKey folds (capitals, controls, \\s), and beyond that only U+0085 and U+200B', () => {
    const { changesInKey } = require('../../shared/checks/unique');
    const reference = (c: number) => c <= 0x20 || /[\sA-Z]/.test(String.fromCharCode(c));
    expect(all.filter((c) => changesInKey(c) !== reference(c))).toEqual([0x85, 0x200b]);
  });

  it('textKey folds a character the same whether or not a space sends the text down the slow path', () => {
    const { textKey } = require('../../shared/checks/unique');
    const ch = (c: number) => String.fromCharCode(c);
    expect(all.filter((c) => textKey(ch(c) + ' ') !== textKey(ch(c)))).toEqual([]);
    expect([textKey('ÉÀ'), textKey('ÉÀ B'), textKey('ÉMILE X'), textKey('Paper ONE')]).toEqual(['ÉÀ', 'ÉÀb', 'Émilex', 'paperone']);
  });
});
