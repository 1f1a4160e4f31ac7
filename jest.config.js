/** Three projects: unit (pure domain), integration (HTTP + real SQLite), browser (Chromium). */
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] };
// Generous per-test time: CI machines have two cores, and a slow step must fail by assertion, not by timeout.
const common = { testEnvironment: 'node', transform, moduleFileExtensions: ['ts', 'js', 'json'], testTimeout: 30000 };
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'], testTimeout: 60000 },
  ],
};
