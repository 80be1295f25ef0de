import { applyFixes, validateWorkbook } from '../../shared';
import { FIXTURE_OPTIONS, FIXTURES } from '../fixtures';

describe('applyFixes', () => {
  it('fixes every alias and spacing finding, after which they are gone and nothing else changed', () => {
    for (const fx of FIXTURES) {
      const before = validateWorkbook(fx.sheets, FIXTURE_OPTIONS);
      const fixedSheets = fx.sheets.map((s) => {
        const findings = before.sheets.find((r) => r.sheet === s.sheet)!.findings;
        return { sheet: s.sheet, grid: applyFixes(s.grid, findings).grid };
      });
      const after = validateWorkbook(fixedSheets, FIXTURE_OPTIONS);
      const left = after.sheets.flatMap((s) => s.findings).filter((f) => f.code === 'alias' || f.code === 'spacing');
      expect(left).toEqual([]);
      const key = (f: { code: string; row: number; field: string }) => `${f.code}:${f.row}:${f.field}`;
      const unfixable = before.sheets.flatMap((s) => s.findings).filter((f) => f.fix === undefined).map(key).sort();
      expect(after.sheets.flatMap((s) => s.findings).map(key).sort()).toEqual(unfixable);
    }
  });
  it('returns a copy and leaves a cell alone when it changed since validation', () => {
    const grid = [['姓名', '学科', '性别'], ['张伟', '体育', '男']];
    const r = validateWorkbook([{ sheet: 's', grid }], FIXTURE_OPTIONS).sheets[0];
    expect(r.findings.map((f) => [f.code, f.fix])).toEqual([['alias', '体育与健康']]);
    const out = applyFixes(grid, r.findings);
    expect(out.applied).toBe(1);
    expect(out.grid[1][1]).toBe('体育与健康');
    expect(grid[1][1]).toBe('体育');
    grid[1][1] = '美术';
    expect(applyFixes(grid, r.findings).applied).toBe(0);
  });
});
