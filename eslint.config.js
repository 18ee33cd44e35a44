// Lint: correctness plus the architecture of src/README.md — imports flow one way
// (app → screens → features → components/lib), lib/domain stays pure, only lib/storage
// touches idb, only lib/i18n touches i18next, and no import cycles.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const layers = {
  zones: [
    {
      target: './src/lib',
      from: ['./src/app', './src/screens', './src/features', './src/components'],
      message: 'lib/ is below the UI: it must not import app, screens, features or components.',
    },
    {
      target: './src/lib/domain',
      from: [
        './src/lib/storage',
        './src/lib/i18n',
        './src/lib/export',
        './src/lib/routes.ts',
        './src/lib/lifecycle.ts',
      ],
      message: 'lib/domain is pure: no storage, i18n, export or browser plumbing.',
    },
    {
      target: './src/components',
      from: [
        './src/app',
        './src/screens',
        './src/features',
        './src/lib/domain',
        './src/lib/storage',
        './src/lib/content',
      ],
      message: 'components/ are generic UI with no domain imports.',
    },
    {
      target: './src/features',
      from: ['./src/app', './src/screens'],
      message: 'features must not import screens or the app shell.',
    },
    { target: './src/screens', from: ['./src/app'], message: 'screens must not import the app shell.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'dev-dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, __APP_VERSION__: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
  },
  {
    // Rune classes create Dates only to stamp records (never kept as state), which this rule
    // cannot tell from reactive ones.
    files: ['**/*.svelte.ts'],
    rules: { 'svelte/prefer-svelte-reactivity': 'off' },
  },
  {
    // Ambient declarations of virtual modules can only reach types through import().
    files: ['**/*.d.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['src/**/*.{ts,svelte}'],
    // import-x parses a .svelte import with the importing file's options: give every file the
    // TypeScript sub-parser the Svelte parser needs for <script lang="ts">.
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.svelte.ts', '.svelte', '.js', '.json'] }),
      ],
      'import-x/parsers': { 'svelte-eslint-parser': ['.svelte'], '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.svelte', '.js'],
      // Our own modules are what the layer and cycle rules are about; never parse dependencies.
      'import-x/ignore': ['node_modules'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', layers],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'idb', message: 'Only src/lib/storage may import idb.' },
            {
              name: 'i18next',
              message: 'Use locale.t from src/lib/i18n; only src/lib/i18n imports i18next.',
            },
            { name: 'zod', message: 'Use zod/mini: it keeps the first download small.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'src/ runs in the browser; only build-time readers use Node.' },
          ],
        },
      ],
    },
  },
  { files: ['src/lib/storage/**'], rules: { 'no-restricted-imports': 'off' } },
  // Read by vite.config.ts at build time, never bundled.
  { files: ['src/lib/content/contentParsing.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['src/lib/i18n/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'idb', message: 'Only src/lib/storage may import idb.' }] },
      ],
    },
  },
  {
    // The bench and the e2e server are plain Node scripts.
    files: ['tests/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
);
