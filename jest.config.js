// Jest: unit tests (no database), integration tests against a real throwaway Neo4j over Bolt and
// real HTTP, and browser tests in Debian's Chromium. tests/support/global-setup.ts starts the
// throwaway Neo4j once per run (free port, temporary folder, removed afterwards).
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }] };
const common = { transform, testEnvironment: 'node', rootDir: __dirname };
// A project's global setup runs only when one of its tests runs; it starts the Neo4j once for both.
const withNeo4j = {
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, ...withNeo4j, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...common, ...withNeo4j, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
};
