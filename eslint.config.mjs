import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            // Engines are pure TypeScript: no framework, no database, no other project.
            { sourceTag: 'type:engine', onlyDependOnLibsWithTags: ['type:engine'] },
            // The contracts are the wire: they depend on nothing of ours.
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    // Tests of an app drive that app's own modules (the real Nest app, its DataSource)…
    files: ['e2e/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          // …and share the test harness (database provisioning, path registration).
          allow: ['^(\\.\\./)+apps/(api|web)/src/.*$', '^(\\.\\./)+support/.*$', '^(\\.\\./)+api/support/.*$'],
          depConstraints: [{ sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['scope:api', 'scope:web', 'scope:shared'] }],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.cts', '**/*.mts', '**/*.js', '**/*.jsx', '**/*.cjs', '**/*.mjs'],
    // Override or add rules here
    rules: {},
  },
];
