import { DEFAULT_SEVERITY, FINDING_CODES, MESSAGES_ZH } from '../../shared';
import { CHECKS } from '../../shared/checks';

describe('finding codes', () => {
  it('have a Chinese message and a default severity for every code, and nothing else', () => {
    expect(Object.keys(MESSAGES_ZH).sort()).toEqual([...FINDING_CODES].sort());
    expect(Object.keys(DEFAULT_SEVERITY).sort()).toEqual([...FINDING_CODES].sort());
    for (const code of FINDING_CODES) {
      const text = MESSAGES_ZH[code]({ col: 'B', field: '教师', value: 'x', severity: DEFAULT_SEVERITY[code] });
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).not.toMatch(/undefined|NaN|\[object/);
    }
  });
  it('only emit codes of the closed list from checks', () => {
    for (const check of Object.values(CHECKS)) for (const c of check.codes) expect(FINDING_CODES).toContain(c);
  });
});
