module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  // The contracts' DTO decorators need reflect-metadata, which main.ts loads for the app: a spec that
  // reaches the contracts through a queries file must not depend on another file having loaded it.
  setupFiles: ['reflect-metadata'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // @nestjs/typeorm 12 ships ES modules only; jest's CommonJS runtime needs it transpiled.
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/typeorm/)'],
  moduleNameMapper: { '^\\.\\/(common\\/)?typeorm-compat\\.js$': '<rootDir>/../../e2e/support/nestjs-typeorm-compat.cjs' },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/apps/api',
};
