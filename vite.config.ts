/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { listContentFiles, readQuizContent } from './src/lib/content/contentFiles.ts';
import { toCatalog } from './src/lib/content/catalog.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Validates `content/` with the zod schemas and serves it to the app as two virtual modules:
 * `virtual:content/catalog` (the small list of quizzes and topics the first screens need) and
 * `virtual:content/bank` (every question and source, loaded when a quiz starts).
 * A broken file fails the build (and the dev server) with the file and field named.
 */
function quizContent(): Plugin {
  const ids = { catalog: 'virtual:content/catalog', bank: 'virtual:content/bank' };
  const read = () => {
    const files = listContentFiles(root);
    return { files, content: readQuizContent(files) };
  };
  return {
    name: 'chung-tay:quiz-content',
    resolveId(id) {
      return Object.values(ids).includes(id) ? `\0${id}` : undefined;
    },
    load(id) {
      if (id !== `\0${ids.catalog}` && id !== `\0${ids.bank}`) return undefined;
      const { files, content } = read();
      for (const file of files) this.addWatchFile(join(root, file.path));
      const data =
        id === `\0${ids.catalog}`
          ? toCatalog(content)
          : { questions: content.questions, sources: content.sources };
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
    },
  };
}

const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

export default defineConfig({
  base: './',
  define: {
    __APP_VERSION__: JSON.stringify(packageJson.version),
  },
  plugins: [
    quizContent(),
    svelte(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        name: 'Chung Tay – Phòng, chống ma túy',
        short_name: 'Chung Tay',
        description: 'Bộ công cụ tuyên truyền phòng, chống ma túy, dùng được khi không có mạng.',
        lang: 'vi',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5d3b',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // Control the page from the first visit, so a later version waits for the user's choice
        // (skipWaiting stays off: the update prompt sends it).
        clientsClaim: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    // The bench script reads the first-screen size from the manifest.
    manifest: true,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          // IndexedDB's classes for idb; each test still opens its own in-memory factory.
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.ts'],
          setupFiles: ['tests/component/setup.ts'],
        },
      },
    ],
  },
});
