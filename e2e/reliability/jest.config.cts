/**
 * Multi-process tests: the built API (dist/apps/api/main.js) started as real processes
 * against one PostgreSQL — several instances, faults (database restart, SIGTERM, a
 * scheduler job killed midway), backups. Files run one at a time: they start processes.
 */
module.exports = {
  displayName: 'e2e-reliability',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.reliability-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // @nestjs/typeorm 12 ships ES modules only; jest's CommonJS runtime needs it transpiled.
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/typeorm/)'],
  moduleNameMapper: { '^\\.\\/(common\\/)?typeorm-compat\\.js$': '<rootDir>/../support/nestjs-typeorm-compat.cjs' },
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  testTimeout: 120000,
  maxWorkers: 1,
};
