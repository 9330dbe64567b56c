/** API tests: real HTTP through the Nest app, on a real PostgreSQL (see support/test-database.ts). */
module.exports = {
  displayName: 'e2e-api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // @nestjs/typeorm 12 ships ES modules only; jest's CommonJS runtime needs it transpiled.
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/typeorm/)'],
  moduleNameMapper: { '^\\.\\/(common\\/)?typeorm-compat\\.js$': '<rootDir>/../support/nestjs-typeorm-compat.cjs' },
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  setupFiles: ['<rootDir>/support/test-env.ts'],
  testTimeout: 60000,
};
