/** jest: every test under test/, TypeScript through @swc/jest (fast, no type check — `npm run typecheck` does that). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 60000,
  // Tests run in a new order each time (the seed is printed; `--seed=N` repeats an order): a test that leans on
  // what an earlier one left fails here rather than when someone runs it alone.
  randomize: true,
  showSeed: true,
  // A throwaway PostgreSQL for the server tests (test/support/pg-cluster.ts); ~1 s, skipped when one is given.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
