// Lint: correctness plus the architecture of src/README.md — imports flow one way
// (app → screens → features → components/lib), screens never touch lib/storage, the parts of
// lib/ import each other only as the README's table says, lib/domain stays pure, only
// lib/storage touches idb, only lib/i18n touches i18next, and no import cycles.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// One zone per rule of src/README.md's table: each folder names what it must not import.
/** @param {...string} parts */
const lib = (...parts) => parts.map((part) => `./src/lib/${part}`);
const layers = {
  zones: [
    {
      target: './src/lib',
      from: ['./src/app', './src/screens', './src/features', './src/components'],
      message: 'lib/ is below the UI: it must not import app, screens, features or components.',
    },
    {
      target: './src/lib/domain',
      from: lib('storage', 'i18n', 'export', 'import', 'routes.ts', 'lifecycle.ts'),
      message: 'lib/domain is pure: it imports only lib/content (ids and types) and lib/text.ts.',
    },
    {
      target: './src/lib/storage',
      from: lib('i18n', 'export', 'import', 'content', 'routes.ts', 'lifecycle.ts'),
      message: 'lib/storage imports only lib/domain (and lib/text.ts).',
    },
    {
      target: './src/lib/content',
      from: lib('domain', 'storage', 'i18n', 'export', 'import', 'routes.ts', 'lifecycle.ts'),
      message: 'lib/content imports no other part of lib/ but lib/text.ts.',
    },
    {
      target: './src/lib/export',
      from: lib('storage', 'i18n', 'content', 'routes.ts', 'lifecycle.ts'),
      message: 'lib/export imports only lib/domain (and lib/text.ts).',
    },
    {
      target: './src/lib/import',
      from: lib('storage', 'i18n', 'export', 'content', 'routes.ts', 'lifecycle.ts'),
      message: 'lib/import imports only lib/domain (and lib/text.ts).',
    },
    {
      target: './src/lib/i18n',
      from: lib('domain', 'storage', 'export', 'import', 'routes.ts', 'lifecycle.ts'),
      message: 'lib/i18n imports only lib/content (types).',
    },
    {
      target: ['./src/lib/text.ts', './src/lib/routes.ts', './src/lib/lifecycle.ts'],
      from: lib('domain', 'storage', 'i18n', 'export', 'import', 'content'),
      message: 'lib/text.ts, routes.ts and lifecycle.ts import nothing of lib/.',
    },
    {
      target: './src/components',
      from: [
        './src/app',
        './src/screens',
        './src/features',
        ...lib('domain', 'storage', 'content', 'export', 'import', 'text.ts', 'routes.ts', 'lifecycle.ts'),
      ],
      message: 'components/ are generic UI: they import only lib/i18n, and labels come from the caller.',
    },
    {
      target: './src/features',
      from: ['./src/app', './src/screens'],
      message: 'features must not import screens or the app shell.',
    },
    {
      target: './src/screens',
      from: ['./src/app', './src/lib/storage'],
      message:
        'screens show: they must not import the app shell or lib/storage (types included); reads and writes go through the area’s data class in features/.',
    },
  ],
};

/** What lib/domain must never import: it is pure TypeScript, no UI, storage or file libraries. */
const notInDomain = [
  'svelte',
  'chart.js',
  'idb',
  'i18next',
  'docx',
  'dompurify',
  'marked',
  'papaparse',
  'read-excel-file',
  'write-excel-file',
  'workbox-window',
  'fflate',
  'fake-indexeddb',
].map((name) => ({
  group: [name, `${name}/*`],
  message: 'lib/domain is pure TypeScript: no UI, storage or file libraries.',
}));

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-*/',
      'dev-dist/',
      'node_modules/',
      'test-results/',
      'test-results-*/',
      'playwright-report/',
    ],
  },
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
  {
    files: ['src/lib/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'Use zod/mini: it keeps the first download small.' }],
          patterns: [
            ...notInDomain,
            { group: ['node:*'], message: 'src/ runs in the browser; only build-time readers use Node.' },
          ],
        },
      ],
    },
  },
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
