import { looksLikeFormula } from '../../../addin/core/text-guard';

test('= + - @ tab and CR at the start mark text a spreadsheet would run; anything else is plain', () => {
  for (const v of ['=1+1', '+86', '-2', '@SUM(A1)', '\t=x', '\r=x']) expect(looksLikeFormula(v)).toBe(true);
  for (const v of ['论文=1', ' =1', '', 12, null, true]) expect(looksLikeFormula(v)).toBe(false);
});
