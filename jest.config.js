/**
 * Four projects: unit (pure domain), integration (HTTP + real SQLite), browser
 * (Chromium), interop (feeds read by python icalendar and libical; needs Debian packages).
 */
const swc = (syntax) => ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax } }, module: { type: 'commonjs' } }];
// FormatJS (intl-messageformat and its @formatjs parts) ships ES modules only: Node 20 requires them as they are, jest needs them compiled.
const transform = { '^.+\\.ts$': swc('typescript'), '/node_modules/(intl-messageformat|@formatjs)/.+\\.js$': swc('ecmascript') };
const transformIgnorePatterns = ['/node_modules/(?!(intl-messageformat|@formatjs)/)'];
const common = { testEnvironment: 'node', transform, transformIgnorePatterns, moduleFileExtensions: ['ts', 'js', 'json'] };
module.exports = {
  // Per-test time for every project: two-core CI machines are slow, and a slow step must fail by assertion, not by timeout.
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'] },
    { ...common, displayName: 'interop', testMatch: ['<rootDir>/tests/interop/**/*.test.ts'], globalSetup: '<rootDir>/tests/interop/global-setup.ts' },
  ],
};
