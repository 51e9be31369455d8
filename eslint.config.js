// Lint rules that encode the house style: domain code stays free of I/O frameworks, and only
// repositories (data-access) touch mongoose. In flat config the later block wins for a file both
// match, so the stricter domain block comes last.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioFrameworks = ['express', 'kafkajs', 'mongoose', 'mongodb', 'node-cron'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'infra/local/.cache/**', 'infra/local/data/**', '.data/**'] },
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
    // The availability engine (libs/availability) is domain code shared by booking and inventory.
    files: ['services/*/src/domain/**/*.ts', 'libs/availability/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioFrameworks.map((name) => ({ name, message: 'Domain code is pure: no I/O frameworks.' })),
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
