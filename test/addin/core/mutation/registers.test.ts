/**
 * addin/core/registers.ts (issue 15's surviving mutants): the definition kept with the workbook is read back only
 * when whole, compiled once per server and version, and without one the built-in registers apply.
 */
import { compiledOf, paneRegisters, readKept, type KeptDefinition } from '../../../../addin/core/registers';
import { parseDefinitionWorkbook } from '../../../../shared/registers/workbook';
import { districtBDefinition } from '../../../fixtures/registers/district-b';

const definition = parseDefinitionWorkbook(districtBDefinition()).definition!;
const kept = (version: number, server = 'https://yanbiao.example.cn'): KeptDefinition => ({ version, server, fetchedAt: '2025-03-01T08:00:00.000Z', definition });

describe('readKept', () => {
  test('a whole kept definition comes back as it was saved', () => {
    const got = readKept(JSON.parse(JSON.stringify(kept(3))));
    expect(got).toEqual({ version: 3, server: 'https://yanbiao.example.cn', fetchedAt: '2025-03-01T08:00:00.000Z', definition });
  });

  test('missing server and time read as empty text', () => {
    expect(readKept({ version: 3, definition })).toEqual({ version: 3, server: '', fetchedAt: '', definition });
  });

  test('nothing, a non-object, a missing version, a text version or a broken definition give null', () => {
    expect([
      readKept(undefined),
      readKept(null),
      readKept('{"version":1}'),
      readKept(7),
      readKept({ definition }),
      readKept({ version: '3', definition }),
      readKept({ version: 3, definition: { registers: 'none' } }),
      readKept({ version: 3 }),
    ]).toEqual([null, null, null, null, null, null, null, null]);
  });
});

describe('compiledOf and paneRegisters', () => {
  test("nothing kept, or the built-in definition (version 0): the engine's own registers", () => {
    expect(compiledOf(null)).toBeUndefined();
    expect(compiledOf(kept(0))).toBeUndefined();
    expect(paneRegisters(null).map((r) => [r.code, r.title])).toEqual([
      ['roster', '教师名册'],
      ['projects', '课题登记'],
      ['courses', '课程登记'],
      ['reflections', '学月反思'],
      ['papers', '论文投稿'],
    ]);
  });

  test("a district's definition: its registers, compiled once per server and version", () => {
    const first = compiledOf(kept(1));
    expect(Object.keys(first!.templates)).toEqual(['roster', 'reflections', 'lesson_visits']);
    expect(compiledOf(kept(1))).toBe(first);
    const other = compiledOf(kept(2));
    expect(other).not.toBe(first);
    expect(compiledOf(kept(2, 'https://other.example.cn'))).not.toBe(other);
    expect(paneRegisters(kept(1)).map((r) => [r.code, r.title])).toEqual([
      ['roster', '教师名册'],
      ['reflections', '学月反思'],
      ['lesson_visits', '听课记录'],
    ]);
  });
});
