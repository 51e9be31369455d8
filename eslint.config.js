// Lint rules that encode the house style: domain code stays free of I/O frameworks, and only
// repositories (data-access) touch mongoose. In flat config the later block wins for a file both
// match, so the stricter domain block comes last.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioFrameworks = ['express', 'kafkajs', 'mongoose', 'mongodb', 'node-cron'];
// Libraries with I/O or transport in them: the domain sees a Principal and ports, not these.
const impureLibs = [
  'auth',
  'config',
  'http',
  'logging',
  'messaging',
  'mongo',
  'runtime',
  'scheduler',
  'testkit',
];
// Ids and wall-clock time are injected (deps.newId, deps.clock), so decisions stay reproducible.
const domainPaths = [
  ...ioFrameworks.map((name) => ({ name, message: 'Domain code is pure: no I/O frameworks.' })),
  ...impureLibs.map((lib) => ({
    name: `@labshare/${lib}`,
    message: 'Domain code imports only pure libs (contracts, errors, domain-kit, pricing, availability).',
  })),
  { name: 'node:crypto', importNames: ['randomUUID'], message: 'Ids come from deps.newId().' },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'infra/local/.cache/**',
      'infra/local/data/**',
      '.data/**',
      '.stryker-tmp/**',
      'reports/**',
      'web/*/dist/**',
      'web/*/dist-*/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['services/*/src/**/*.ts'],
    ignores: ['services/*/src/data-access/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'mongoose', message: 'Only repositories (data-access/) import mongoose.' }] },
      ],
    },
  },
  {
    // Libraries never depend on infrastructure or on a service (arrows go infra → services → libs).
    files: ['libs/*/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@labshare/local-infra', message: 'libs never import infra.' }],
          patterns: [
            {
              group: ['@labshare/inventory', '@labshare/booking', '@labshare/access', '@labshare/billing'],
              message: 'libs never import a service.',
            },
          ],
        },
      ],
    },
  },
  {
    // The availability engine (libs/availability) is domain code shared by booking and inventory.
    files: ['services/*/src/domain/**/*.ts', 'libs/availability/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: domainPaths,
          patterns: [
            {
              group: ['**/data-access/**', '**/entry-points/**'],
              message: 'Domain depends on nothing outward.',
            },
          ],
        },
      ],
    },
  },
);
