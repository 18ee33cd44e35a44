/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { listContentFiles, readContent } from './src/lib/content/contentFiles.ts';
import { toCatalog } from './src/lib/content/catalog.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Validates `content/` with the zod schemas and serves it to the app as virtual modules:
 * - `virtual:content/catalog`: quizzes and topics (small; the first screen needs it)
 * - `virtual:content/bank`: every question (loaded when a quiz starts)
 * - `virtual:content/sources`: the sources that questions and materials cite
 * - `virtual:content/materials`: materials, with their images as bundled files
 * - `virtual:content/slogans`: slogans and the official yearly themes
 * - `virtual:content/plans`: session plans for facilitators
 * - `virtual:content/series`: the series those plans form, per audience
 * A broken file fails the build (and the dev server) with the file and field named.
 */
function bundledContent(): Plugin {
  const prefix = 'virtual:content/';
  const names = ['catalog', 'bank', 'sources', 'materials', 'slogans', 'plans', 'series'];
  const json = (data: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(data))})`;
  return {
    name: 'chung-tay:content',
    resolveId(id) {
      return id.startsWith(prefix) && names.includes(id.slice(prefix.length)) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return undefined;
      const files = listContentFiles(root);
      for (const file of files) this.addWatchFile(join(root, file.path));
      const content = readContent(files);
      switch (id.slice(prefix.length + 1)) {
        case 'catalog':
          return `export default ${json(toCatalog(content.quiz))};`;
        case 'bank':
          return `export default ${json(content.quiz.questions)};`;
        case 'sources':
          return `export default ${json(content.quiz.sources)};`;
        case 'slogans':
          return `export default ${json(content.slogans)};`;
        case 'plans':
          return `export default ${json(content.plans)};`;
        case 'series':
          return `export default ${json(content.series)};`;
        case 'materials': {
          // Each image becomes an import, so the build hashes it, bundles it and precaches it.
          const imports: string[] = [];
          const materials = content.materials.map((material) => ({
            ...material,
            images: Object.fromEntries(
              Object.entries(material.images).map(([reference, path]) => {
                imports.push(`import image${imports.length} from ${JSON.stringify(`/${path}?url`)};`);
                return [reference, `\u0000image${imports.length - 1}`];
              }),
            ),
          }));
          // Image URLs are spliced in as variables, the rest is JSON.
          const body = JSON.stringify(materials).replace(/"\\u0000(image\d+)"/g, '$1');
          return `${imports.join('\n')}\nexport default ${body};`;
        }
        default:
          return undefined;
      }
    },
  };
}

/**
 * The modules the first screen needs (the static imports of `src/main.ts`, followed through)
 * go in one chunk, `app`, which the small entry chunk loads: left to automatic splitting they
 * become a dozen small chunks shared with lazy screens, and a dozen files compress worse than
 * one (58.7 kB measured instead of 62.0 in `npm run bench`).
 */
function firstScreenChunk(): { plugin: Plugin; test: (id: string) => boolean } {
  const modules = new Set<string>();
  return {
    plugin: {
      name: 'chung-tay:first-screen-chunk',
      apply: 'build',
      buildEnd() {
        modules.clear();
        // The entry is index.html; main.ts, which it loads, stays in the entry chunk.
        const entry = [...this.getModuleIds()].find((id) => this.getModuleInfo(id)?.isEntry);
        const main = this.getModuleInfo(entry ?? '')?.importedIds.find((id) => id.endsWith('/src/main.ts'));
        if (!main) this.error('first-screen chunk: index.html does not load src/main.ts');
        const pending = [...(this.getModuleInfo(main)?.importedIds ?? [])];
        while (pending.length > 0) {
          const id = pending.pop() as string;
          if (modules.has(id)) continue;
          modules.add(id);
          pending.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
      },
    },
    test: (id) => modules.has(id),
  };
}
const firstScreen = firstScreenChunk();

/**
 * The Content-Security-Policy lives in index.html (see the comment there) and the build ships it as is.
 * The dev server injects each module's CSS as a <style> element (and its error overlay carries one),
 * which `style-src 'self'` refuses: here, and only here, inline styles are allowed. Scripts stay
 * as strict as in the build, and HMR's WebSocket to the same host is already `connect-src 'self'`.
 */
function devCsp(): Plugin {
  return {
    name: 'chung-tay:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      const relaxed = html.replace(
        /(http-equiv="Content-Security-Policy"\s+content="[^"]*style-src 'self')/,
        "$1 'unsafe-inline'",
      );
      if (relaxed === html) throw new Error("dev CSP: index.html's policy has no style-src 'self' to relax");
      return relaxed;
    },
  };
}

/**
 * js-aruco2 (the card reader's marker detector) is written for a browser's global scope or
 * Node's CommonJS: it sets `this.AR` and takes `CV` from `this` or `require('./cv')`. A bundle
 * sees neither, so its two files become modules here, with the export Node gives them
 * (`import aruco from 'js-aruco2'` → `{ AR }`). The build fails if the library's lines change.
 */
function arucoModules(): Plugin {
  const edits: Record<string, Array<[string, string]>> = {
    'js-aruco2/src/aruco.js': [
      ["var CV = this.CV || require('./cv').CV;", "import { CV } from './cv.js';"],
      ['this.AR = AR;', 'export default { AR };'],
    ],
    'js-aruco2/src/cv.js': [['this.CV = CV;', 'export { CV };']],
  };
  return {
    name: 'chung-tay:aruco-modules',
    transform(code, id) {
      const file = Object.keys(edits).find((name) => id.replaceAll('\\', '/').endsWith(name));
      if (!file) return undefined;
      let out = code;
      for (const [from, to] of edits[file] ?? []) {
        if (!out.includes(from)) this.error(`aruco-modules: ${file} no longer has "${from}"`);
        out = out.replace(from, to);
      }
      return { code: out, map: null };
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
    devCsp(),
    arucoModules(),
    bundledContent(),
    svelte(),
    firstScreen.plugin,
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
  // Module workers (the card reader's): Chromium, Firefox and Safari all run them.
  worker: { format: 'es', plugins: () => [arucoModules()] },
  build: {
    target: 'es2022',
    // Content images stay files (precached, same-origin): the Markdown sanitiser refuses data: URLs.
    assetsInlineLimit: (file) => (file.includes('/content/') ? false : undefined),
    // The bench script reads the first-screen size from the manifest.
    manifest: true,
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'app', test: firstScreen.test }] } },
    },
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
