/** The planted defects of every generated fixture school come out as exactly the expected (code, row, field) triples. */
import { recordSchema, validateWorkbook } from '../../shared';
import { FIXTURE_OPTIONS, FIXTURES } from '../fixtures';

const triples = (fs: { code: string; row: number; field: string }[]) => fs.map((f) => [f.code, f.row, f.field]);
const sorted = (xs: unknown[][]) => [...xs].map((x) => JSON.stringify(x)).sort();

describe.each(FIXTURES.map((fx) => [fx.name, fx] as const))('%s', (_name, fx) => {
  const result = validateWorkbook(fx.sheets, FIXTURE_OPTIONS);

  it('recognises every sheet as its kind (and leaves the rest unrecognised)', () => {
    expect(Object.fromEntries(result.sheets.map((s) => [s.sheet, s.kind]))).toEqual(fx.kinds);
  });

  it.each(fx.sheets.map((s) => s.sheet))('sheet %s gives exactly the planted findings', (sheet) => {
    const s = result.sheets.find((x) => x.sheet === sheet)!;
    expect(sorted(triples(s.findings))).toEqual(sorted(fx.expected[sheet]));
  });

  it('counts errors and warnings', () => {
    const all = result.sheets.flatMap((s) => s.findings);
    expect(result.errors).toBe(all.filter((f) => f.severity === 'error').length);
    expect(result.warnings).toBe(all.length - result.errors);
  });

  it('gives every finding a place, a Chinese message, and a column letter when it names a field', () => {
    for (const f of result.sheets.flatMap((s) => s.findings)) {
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      if (f.field && f.code !== 'header_missing') expect(f.col).toMatch(/^[A-Z]+$/);
    }
  });

  it('normalises the records of rows without errors into the kind schema', () => {
    for (const s of result.sheets) {
      if (!s.kind) continue;
      const bad = new Set(s.findings.filter((f) => f.severity === 'error').map((f) => f.row));
      for (const r of s.records) {
        if (bad.has(r.row)) continue;
        const parsed = recordSchema(s.kind).safeParse(r.values);
        if (!parsed.success) throw new Error(`${s.sheet} 第 ${r.row} 行：${JSON.stringify(parsed.error.issues)}`);
      }
    }
  });
});

describe('the fixtures as a whole', () => {
  it('plant every finding code of DOMAIN.md at least once', () => {
    const codes = new Set(FIXTURES.flatMap((fx) => Object.values(fx.expected).flat().map((t) => t[0])));
    const { FINDING_CODES } = require('../../shared');
    expect([...FINDING_CODES].filter((c: string) => !codes.has(c as never))).toEqual([]);
  });
});
