// ESLint flat config: type-aware typescript-eslint rules that catch real bugs (floating and misused
// promises, non-exhaustive switches over unions, `any` leaking into typed code), the React hooks
// rules for the web app, and one house rule: dates, times, numbers and money are formatted only in
// src/shared/brussels-time.ts and src/shared/money.ts. Style is Prettier's job, not ESLint's.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** The Node globals the few plain-JavaScript files use (TypeScript files get theirs from the compiler). */
const NODE_GLOBALS = Object.fromEntries(
  ['process', 'console', 'URL', 'Buffer', 'setTimeout', 'clearTimeout'].map((name) => [name, 'readonly']),
);

const FORMAT_MODULES = ['src/shared/brussels-time.ts', 'src/shared/money.ts'];
const FORMAT_MESSAGE =
  'Format dates, times, numbers and money through src/shared/brussels-time.ts or src/shared/money.ts.';

export default defineConfig([
  globalIgnores(['node_modules/', 'dist/', 'data/', '.cache/', 'coverage/', 'test/data/', 'test-results/']),
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Fastify handlers and step functions are async by contract even when they await nothing.
      '@typescript-eslint/require-await': 'off',
      // It reads a widening assertion in an object literal (useState({ id: '' as string | null }))
      // as unnecessary, and removing it breaks the inferred state type.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Kysely's expression builder is destructured by design ({ not, exists, selectFrom }): bound.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-properties': [
        'error',
        { object: 'Intl', property: 'DateTimeFormat', message: FORMAT_MESSAGE },
        { object: 'Intl', property: 'NumberFormat', message: FORMAT_MESSAGE },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^toLocale(Date|Time)?String$/]',
          message: FORMAT_MESSAGE,
        },
      ],
    },
  },
  {
    // Tests read HTTP answers as untyped JSON (`res.json()`): an unsafe access there fails the test
    // loudly anyway, so the no-unsafe-* rules guard the application code, not the tests.
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // A missing row in a test is a failed test either way; `!` keeps fixtures short.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: FORMAT_MODULES,
    rules: { 'no-restricted-properties': 'off', 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      // Two React Compiler rules that do not fit a codebase without the compiler: forms are seeded
      // from query data in an effect, and TanStack Table is a library the compiler cannot memoise.
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    // Frozen migrations take Kysely<any>, as Kysely's migration docs do: a migration must not depend
    // on the DB type of the day, which changes with every later migration.
    files: ['src/server/db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
]);
