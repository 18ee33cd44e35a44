// Performance figures for the foundation (npm run bench). Prints numbers; asserts nothing.
//
//   - JS and CSS (gzip) the first screen needs: measured in Chromium, and the static graph
//   - total precache size (what a first visit stores for offline use)
//   - navigation → first quiz question, Chromium with 4× CPU slowdown, offline after the first visit
//   - progress screen with 1,000 stored attempts
//   - opening a material and entering presenter mode, offline, 4× CPU slowdown
//
// Targets (issue #2): first-screen JS ≤ 60 kB gzip; first question ≤ 1.5 s; progress ≤ 200 ms.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { startServer } from '../e2e/server.mjs';

const root = join(import.meta.dirname, '../..');
const dist = join(root, 'dist');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const executablePath = existsSync('/usr/lib/chromium/chromium')
  ? '/usr/lib/chromium/chromium'
  : '/usr/bin/chromium';

if (!existsSync(join(dist, 'index.html')) || process.argv.includes('--build')) {
  execSync('npx vite build', { cwd: root, stdio: 'inherit' });
}

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const gzipSize = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
const report = (name, value, target = '') => rows.push([name, value, target]);

// --- Static graph of the entry (what index.html pulls in before any dynamic import) ------------
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const staticJs = new Set();
const staticCss = new Set();
(function walk(key) {
  const chunk = manifest[key];
  if (!chunk || staticJs.has(chunk.file)) return;
  staticJs.add(chunk.file);
  for (const css of chunk.css ?? []) staticCss.add(css);
  for (const child of chunk.imports ?? []) walk(child);
})(entryKey);
const sum = (files) => [...files].reduce((total, file) => total + gzipSize(file), 0);
report('Entry static graph JS (gzip)', kB(sum(staticJs)));
report('Entry static graph CSS (gzip)', kB(sum(staticCss)));

// --- Precache ----------------------------------------------------------------------------------
const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]);
const precacheRaw = precached.reduce((total, url) => total + readFileSync(join(dist, url)).length, 0);
const precacheGzip = precached.reduce((total, url) => total + gzipSize(url), 0);
report('Precache', `${precached.length} files, ${kB(precacheRaw)} (${kB(precacheGzip)} gzip)`);

// --- In the browser ----------------------------------------------------------------------------
const server = await startServer({ root: dist });
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking'],
});

async function newPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  return { page, cdp };
}

/** Milliseconds from the navigation's start until `selector` shows `text`. */
function timeUntil(page, selector, text) {
  return page.evaluate(
    ({ selector, text }) =>
      new Promise((resolve) => {
        const check = () => {
          const element = document.querySelector(selector);
          if (element && element.textContent.includes(text)) {
            observer.disconnect();
            resolve(performance.now());
            return true;
          }
          return false;
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { childList: true, subtree: true, characterData: true });
        check();
      }),
    { selector, text },
  );
}

// First screen, cold (no service worker yet): which JS and CSS did it need?
{
  const context = await browser.newContext();
  const { page } = await newPage(context);
  const loaded = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (/\.(js|css)$/.test(path) && !path.endsWith('/sw.js') && !path.includes('workbox'))
      loaded.push(path.slice(1));
  });
  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  const js = loaded.filter((f) => f.endsWith('.js'));
  const css = loaded.filter((f) => f.endsWith('.css'));
  report('First screen JS, measured (gzip)', `${kB(sum(js))} in ${js.length} files`, '≤ 60 kB');
  report('First screen CSS, measured (gzip)', `${kB(sum(css))} in ${css.length} files`);
  await context.close();
}

// Navigation → first question, offline, 4× CPU slowdown.
{
  const startTimes = [];
  const resumeTimes = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const { page, cdp } = await newPage(context);
    await page.goto(`${server.url}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
      }
    });
    await page.getByLabel('Biệt danh').fill(`Bench ${run}`);
    await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
    await page
      .getByRole('banner')
      .getByRole('link', { name: `Bench ${run}` })
      .waitFor();
    await context.setOffline(true);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

    // A learner opens the quiz's address (a fresh page load, not a hash change) and starts practice.
    await page.goto('about:blank');
    await page.goto(`${server.url}/#/quiz/thcs`);
    const button = page.getByRole('button', { name: 'Bắt đầu luyện tập' });
    await button.waitFor();
    const clickAt = await page.evaluate(() => performance.now());
    const shown = timeUntil(page, 'main h2', 'Câu 1/');
    await button.click();
    const readyAt = await shown;
    const navigationToButton = await page.evaluate(
      () => performance.getEntriesByType('navigation')[0].duration,
    );
    startTimes.push({ total: readyAt, click: readyAt - clickAt, navigationToButton });

    // The tab is reopened on the quiz in progress.
    await page.goto('about:blank');
    await page.goto(`${server.url}/#/play`);
    resumeTimes.push(await timeUntil(page, 'main h2', 'Câu 1/'));
    await context.close();
  }
  const total = median(startTimes.map((t) => t.total));
  const click = median(startTimes.map((t) => t.click));
  report(
    'Navigation → first question (4× CPU, offline, open quiz + click Start)',
    `${Math.round(total)} ms (of which click → question ${Math.round(click)} ms), median of ${runs}`,
    '≤ 1500 ms',
  );
  report(
    'Navigation → question of a quiz in progress (4× CPU, offline)',
    `${Math.round(median(resumeTimes))} ms, median of ${runs}`,
    '≤ 1500 ms',
  );
}

// A material, offline, 4× CPU slowdown: opening it, and entering presenter mode from it.
{
  const openTimes = [];
  const presenterTimes = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const { page, cdp } = await newPage(context);
    await page.goto(`${server.url}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
      }
    });
    await context.setOffline(true);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

    // Navigation to the material's address until its last section and sources are on screen.
    await page.goto('about:blank');
    await page.goto(`${server.url}/#/materials/ma-tuy-nup-bong`);
    openTimes.push(await timeUntil(page, 'main section.sources h2', ''));

    const button = page.getByRole('link', { name: 'Chế độ người trình bày (hai màn hình)' });
    const clickAt = await page.evaluate(() => performance.now());
    const shown = timeUntil(page, 'main .frame h3', '');
    await button.click();
    presenterTimes.push((await shown) - clickAt);
    await context.close();
  }
  report(
    'Open a material (navigation → text, sources; 4× CPU, offline)',
    `${Math.round(median(openTimes))} ms, median of ${runs}`,
  );
  report(
    'Enter presenter mode from it (click → first slide; 4× CPU, offline)',
    `${Math.round(median(presenterTimes))} ms, median of ${runs}`,
  );
}

// Progress screen with 1,000 stored attempts.
{
  const questionIds = readdirSync(join(root, 'content/questions'))
    .flatMap((file) => parseYaml(readFileSync(join(root, 'content/questions', file), 'utf8')).questions)
    .map((question) => question.id)
    .slice(0, 80);
  if (questionIds.length === 0) throw new Error('No question ids found in content/questions');
  const results = { rebuild: [], plain: [], slow: [] };
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const { page, cdp } = await newPage(context);
    await page.goto(`${server.url}/`);
    await page.getByLabel('Biệt danh').fill('Nhiều lần');
    await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Nhiều lần' }).waitFor();
    await page.evaluate(
      ({ questionIds }) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('chung-tay');
          open.onsuccess = () => {
            const db = open.result;
            const profile = db.transaction('profiles').objectStore('profiles').getAll();
            profile.onsuccess = () => {
              const profileId = profile.result[0].id;
              const tx = db.transaction('attempts', 'readwrite');
              const quizzes = ['thcs', 'thpt', 'workers', 'community'];
              for (let i = 0; i < 1000; i++) {
                const at = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000);
                tx.objectStore('attempts').put({
                  id: crypto.randomUUID(),
                  profileId,
                  quizId: quizzes[i % 4],
                  mode: i % 3 === 0 ? 'contest' : 'practice',
                  scope: 'full',
                  startedAt: new Date(at.getTime() - 300_000).toISOString(),
                  finishedAt: at.toISOString(),
                  durationMs: 100_000 + (i % 50) * 4_000,
                  timedOut: false,
                  answers: Array.from({ length: 10 }, (_, k) => {
                    const questionId = questionIds[(i * 7 + k) % questionIds.length];
                    return {
                      questionId,
                      topic: questionId.replace(/-\d+$/, ''),
                      chosen: ['a'],
                      correct: (i + k) % 3 !== 0,
                    };
                  }),
                });
              }
              tx.oncomplete = () => resolve(null);
              tx.onerror = () => reject(tx.error);
            };
          };
        }),
      { questionIds },
    );
    // The attempts were written behind the app's back, as a restore would: the first visit
    // rebuilds the progress summary from all of them; later visits read the summary.
    for (const [name, rate] of [
      ['rebuild', 1],
      ['plain', 1],
      ['slow', 4],
    ]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await page.goto(`${server.url}/#/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const elapsed = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const start = performance.now();
            const observer = new MutationObserver(() => {
              const heading = [...document.querySelectorAll('main h2')].find((h) =>
                h.textContent.includes('(1000)'),
              );
              if (heading && document.querySelectorAll('main tbody tr').length >= 20) {
                observer.disconnect();
                resolve(performance.now() - start);
              }
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            location.hash = '#/progress';
          }),
      );
      results[name].push(elapsed);
    }
    await context.close();
  }
  report(
    'Progress screen with 1,000 attempts',
    `${Math.round(median(results.plain))} ms, median of ${runs}`,
    '≤ 200 ms',
  );
  report(
    'Progress screen with 1,000 attempts (4× CPU)',
    `${Math.round(median(results.slow))} ms, median of ${runs}`,
  );
  report(
    'Progress screen, first visit after a restore (summary rebuilt from 1,000)',
    `${Math.round(median(results.rebuild))} ms, median of ${runs}`,
  );
}

await browser.close();
await server.close();

const width = Math.max(...rows.map((r) => r[0].length));
console.log(
  '\nChung Tay benchmark,',
  execSync(`${executablePath} --version 2>/dev/null || true`).toString().trim(),
);
for (const [name, value, target] of rows) {
  console.log(`  ${name.padEnd(width)}  ${value}${target ? `   (target ${target})` : ''}`);
}
