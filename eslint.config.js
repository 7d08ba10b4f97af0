// One lint setup for the whole tree. The import rules below are the architecture:
// each part may only reach the parts it is allowed to, so the layering cannot rot quietly.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'crypto'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'db/*/migrations', '.data'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['**/*.js', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [
        'electron',
        '**/db/**',
        '**/electron/**',
        '**/renderer/**',
        '**/sync-server/**',
        ...nodeBuiltins,
      ],
      'shared/ is pure: no I/O, no electron, no db, no node built-ins.',
    ),
  },
  {
    files: ['shared/node/**/*.ts'],
    rules: restrict(
      ['electron', '**/db/**', '**/electron/**', '**/renderer/**', '**/sync-server/**'],
      'shared/node/ is CPU-only Node code shared by till and server.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        ['electron', '**/db/**', '**/electron/**', '**/sync-server/**', ...nodeBuiltins],
        'renderer/ talks only to the till API contract.',
      ),
    },
  },
  {
    files: ['electron/till/**/*.ts'],
    // Integration tests of the till core (and their helpers) start a real sync server.
    ignores: ['**/*.test.ts', '**/testing/**'],
    rules: restrict(
      ['electron', '**/renderer/**', '**/sync-server/**'],
      'The till core is plain Node.',
    ),
  },
  {
    files: ['sync-server/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      ['electron', '**/renderer/**', '**/electron/**'],
      'The server shares only shared/ and db/.',
    ),
  },
  {
    files: ['scripts/**/*.ts', 'bench/**/*.ts', 'tests/**/*.ts', '**/*.test.ts'],
    rules: { 'no-console': 'off' },
  },
);
