import { parseName, splitNames } from '../../../shared/normalise/name';
import { parseNumber } from '../../../shared/normalise/number';

describe('names', () => {
  it('removes spaces inside Chinese names as a fixable spacing note', () => {
    expect(parseName('张伟')).toEqual({ ok: true, value: '张伟' });
    expect(parseName('张 伟')).toEqual({ ok: true, value: '张伟', note: { code: 'spacing', fix: '张伟' } });
    expect(parseName('张　伟')).toEqual({ ok: true, value: '张伟', note: { code: 'spacing', fix: '张伟' } });
    expect(parseName('  李娜 ')).toEqual({ ok: true, value: '李娜' }); // trimming alone is silent
  });
  it('keeps the middle dot of transliterated names and unifies look-alike dots', () => {
    expect(parseName('迪丽热巴·迪力木拉提')).toEqual({ ok: true, value: '迪丽热巴·迪力木拉提' });
    const r = parseName('迪丽热巴•迪力木拉提');
    expect(r.ok && r.value).toBe('迪丽热巴·迪力木拉提');
    expect(r.ok && r.note?.code).toBe('spacing');
    const r2 = parseName('迪丽热巴 . 迪力木拉提');
    expect(r2.ok && r2.value).toBe('迪丽热巴·迪力木拉提');
  });
  it('leaves Latin names their single spaces and full stops', () => {
    expect(parseName('John Smith')).toEqual({ ok: true, value: 'John Smith' });
    expect(parseName('J. Smith')).toEqual({ ok: true, value: 'J. Smith' });
  });
  it('splits name lists on the separators given', () => {
    expect(splitNames('张伟、李娜，王芳;赵磊', /[、，,;；\s]+/)).toEqual(['张伟', '李娜', '王芳', '赵磊']);
    expect(splitNames('', /、/)).toEqual([]);
  });
});

describe('numbers', () => {
  it('reads numbers typed as text, with full-width digits, separators and units', () => {
    const v = (x: unknown, int = false) => {
      const r = parseNumber(x as never, int);
      return r.ok ? r.value : `!${r.code}`;
    };
    expect(v(1200)).toBe(1200);
    expect(v('1,200')).toBe(1200);
    expect(v('１２００字')).toBe(1200);
    expect(v('3.5学时')).toBe(3.5);
    expect(v('3.5', true)).toBe('!integer');
    expect(v('约一千')).toBe('!number');
    expect(v('12a')).toBe('!number');
  });
});
