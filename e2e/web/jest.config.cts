/**
 * Browser tests: the built app served by the built API (fresh database), driven in
 * Debian's Chromium through playwright-core. Skipped when /usr/bin/chromium is missing,
 * except in CI where that is a failure.
 */
module.exports = {
  displayName: 'e2e-web',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  // One browser and one server: the files share the seeded demo data, so run them in turn.
  maxWorkers: 1,
  testTimeout: 90000,
};
