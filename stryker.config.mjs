// @ts-check
/**
 * StrykerJS (`npm run mutation`, issue 15): mutates the engine's checks, normalisers, metrics and grid/header/cells
 * modules and the add-in's plain-data core, and runs only the cheap tests that exercise them. Not part of `npm test`:
 * a full run takes about an hour on the 2-core machine. See docs/mutation.md for the score and the equivalent mutants.
 */
import jestBase from './jest.config.js';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'shared/checks/**/*.ts',
    'shared/normalise/**/*.ts',
    'shared/metrics/**/*.ts',
    'shared/grid.ts',
    'shared/header.ts',
    'shared/cells.ts',
    'addin/core/**/*.ts',
  ],
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // The repo's jest config (same transform), narrowed to the engine's and the add-in core's tests: no PostgreSQL
    // globalSetup, no browser, server or Excel stand-in suites. The source folders are roots too, or jest's
    // findRelatedTests (which Stryker uses per mutant) cannot follow test → shared/index.ts → the mutated file.
    config: {
      ...jestBase,
      roots: ['<rootDir>/test/shared', '<rootDir>/test/addin/core', '<rootDir>/shared', '<rootDir>/addin/core'],
      // null, not undefined: Stryker hands its options to the test-runner process as JSON, where an undefined key
      // vanishes and the file's PostgreSQL globalSetup/globalTeardown would run (and fail) around every mutant.
      globalSetup: null,
      globalTeardown: null,
      // One order for every mutant's run (the suite's own runs are shuffled).
      randomize: false,
      showSeed: false,
    },
    enableFindRelatedTests: true,
  },
  coverageAnalysis: 'perTest',
  // Most engine code also runs outside any test (fixtures built at import, beforeAll): such "hybrid" mutants are
  // tested with the tests that cover them, not by reloading every suite; code that runs only at import (constant
  // tables) is reported as Ignored. See docs/mutation.md.
  ignoreStatic: true,
  checkers: ['typescript'],
  // The checker type-checks only the mutated folders (stryker.tsconfig.json), not everything that imports shared/.
  tsconfigFile: 'stryker.tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // 2 cores, shared with other work: one test-runner process at a time.
  concurrency: 1,
  // The related tests of a mutant take well under a second; a mutant that loops forever is stopped after 3 s more.
  timeoutMS: 3000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportTests: false, reportScoreTable: true, reportMutants: true },
  // Not copied into the sandbox: generated output and data, none of it read by the tests above.
  ignorePatterns: [
    'addin/dist',
    'server/web/dist',
    'test/artifacts',
    'test/fixtures/out',
    'bench/out',
    'data',
    '.scratch',
    '.certs',
  ],
  incrementalFile: 'reports/stryker-incremental.json',
  thresholds: { high: 90, low: 85, break: null },
};
