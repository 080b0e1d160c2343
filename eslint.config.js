// Lint rules for the whole repository: TypeScript's recommended set, React hooks
// rules for the page, and import boundaries that keep the layers apart.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'apps/web/dist/', 'data/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The page may only import types from the shared contracts, never server code.
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/api/**', '../../api/**'], message: 'The page must not import server code.' }] }],
    },
  },
  {
    files: ['apps/api/src/**/*.routes.ts'],
    rules: {
      // Routes call services; only repositories hold SQL.
      'no-restricted-imports': ['error', { patterns: [{ group: ['*.repository.ts', 'kysely'], message: 'Routes call services, not repositories.' }] }],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
