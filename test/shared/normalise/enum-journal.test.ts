import { compileEnum } from '../../../shared/normalise/enum';
import { isValidIssn, issnCheckDigit, parseJournalNumber } from '../../../shared/normalise/serial-number';
import { VALUE_SETS } from '../../../shared/templates/value-sets';

const m = (set: keyof typeof VALUE_SETS, v: unknown) => {
  const r = compileEnum(VALUE_SETS[set]).match(v as never);
  return r.ok ? (r.note ? `${r.note.code}:${r.note.fix}` : r.value) : `!${r.code}`;
};

describe('value sets', () => {
  it('accepts canonical values and turns every DOMAIN.md alias into a fixable finding', () => {
    expect(m('level', '省级')).toBe('省级');
    expect(m('level', '省')).toBe('alias:省级');
    expect(m('level', '全国')).toBe('alias:国家级');
    expect(m('level', '地市级')).toBe('alias:市级');
    for (const a of ['区', '县', '区级', '县级', '区县']) expect(m('level', a)).toBe('alias:区县级');
    for (const a of ['校', '学校']) expect(m('level', a)).toBe('alias:校级');
    for (const a of ['一等', '1等奖', '一等獎']) expect(m('award', a)).toBe('alias:一等奖');
    for (const a of ['品德', '思品', '道法']) expect(m('subject', a)).toBe('alias:道德与法治');
    expect(m('subject', '体育')).toBe('alias:体育与健康');
    expect(m('subject', '信息技术')).toBe('alias:信息科技');
    expect(m('grade', '初一')).toBe('alias:七年级');
    expect(m('grade', '初三')).toBe('alias:九年级');
    expect(m('grade', '1年级')).toBe('alias:一年级');
    expect(m('title', '小学高级')).toBe('alias:一级教师');
    expect(m('title', '中学一级')).toBe('alias:一级教师');
    expect(m('title', '小学一级')).toBe('alias:二级教师');
    expect(m('yesno', true)).toBe('是');
  });
  it('calls a spacing or width difference spacing, not alias', () => {
    expect(m('level', '省 级')).toBe('spacing:省级');
    expect(m('award', ' 一等奖 ')).toBe('一等奖');
  });
  it('rejects unknown values with the allowed list', () => {
    const r = compileEnum(VALUE_SETS.level).match('世界级');
    expect(r).toEqual({ ok: false, code: 'enum', params: { allowed: ['国家级', '省级', '市级', '区县级', '校级'] } });
  });
});

describe('journal numbers', () => {
  it('verifies ISSN check digits, X included', () => {
    expect(issnCheckDigit('0317847')).toBe('1'); // 0317-8471, the example in ISO 3297
    expect(isValidIssn('0317-8471')).toBe(true);
    expect(isValidIssn('2434-561X')).toBe(true);
    expect(isValidIssn('2434-5611')).toBe(false);
    expect(isValidIssn('1234-5679')).toBe(true);
  });
  it('reads ISSN, CN or both, canonically spelled', () => {
    const v = (s: string) => {
      const r = parseJournalNumber(s);
      return r.ok ? r.value : `!${r.code}`;
    };
    expect(v('ISSN 1234-5679 CN 51-1234/G4')).toBe('ISSN 1234-5679 CN 51-1234/G4');
    expect(v('issn：2434-561x')).toBe('ISSN 2434-561X');
    expect(v('CN11-1234/G4')).toBe('CN 11-1234/G4');
    expect(v('1234-5679')).toBe('ISSN 1234-5679');
    expect(v('ISSN 1234-5678')).toBe('!checksum');
    expect(v('四川教育2025年第3期')).toBe('!pattern');
  });
});
