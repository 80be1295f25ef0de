/** jest: every test under test/, TypeScript through @swc/jest (fast, no type check — `npm run typecheck` does that). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 60000,
  // Every file's tests run in a new order each time (the seed is printed; `npx jest --seed=N` repeats an order), so a
  // test that leans on an earlier one fails here rather than only when run alone. Turned on after three shuffled runs
  // of the whole suite in a row passed (2026-12-02; the first shuffled CI run had found two such tests, fixed).
  randomize: true,
  showSeed: true,
  // A throwaway PostgreSQL for the server tests (test/support/pg-cluster.ts); ~1 s, skipped when one is given.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
