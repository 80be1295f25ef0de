/**
 * Parity of the built-in definition: compiled, it gives exactly the templates and value sets the engine had before
 * registers became district data (a literal snapshot, test/fixtures/builtin-templates.json, written once from the
 * hand-written templates). Same templates, same findings, figures and report.
 */
import { BUILTIN_DEFINITION } from '../../../shared/registers/builtin';
import { compileDefinition } from '../../../shared/registers/compile';
import { TEMPLATES, VALUE_SETS } from '../../../shared/templates';
import snapshot from '../../fixtures/builtin-templates.json';

describe('the built-in definition', () => {
  const compiled = compileDefinition(BUILTIN_DEFINITION);

  test('compiles to the snapshot of the five templates, column by column and rule by rule', () => {
    expect(Object.keys(compiled.templates)).toEqual(['roster', 'projects', 'courses', 'reflections', 'papers']);
    for (const kind of Object.keys(snapshot.templates) as (keyof typeof snapshot.templates)[]) {
      expect(compiled.templates[kind].columns).toEqual(snapshot.templates[kind].columns);
      expect(compiled.templates[kind].rules).toEqual(snapshot.templates[kind].rules);
      expect(compiled.templates[kind]).toEqual(snapshot.templates[kind]);
    }
  });

  test('compiles to the snapshot of the value sets', () => {
    expect(compiled.valueSets).toEqual(snapshot.valueSets);
  });

  test('and the engine runs on those very templates and value sets', () => {
    expect(JSON.parse(JSON.stringify(TEMPLATES))).toEqual(snapshot.templates);
    expect(JSON.parse(JSON.stringify(VALUE_SETS))).toEqual(snapshot.valueSets);
  });
});
