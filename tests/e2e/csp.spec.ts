/**
 * The Content-Security-Policy of index.html (issue 21): it is in the built page with the directives
 * the app relies on, the browser enforces it and reports what it refuses, and the app itself never
 * trips it. Every other journey checks the last point too (`tests/e2e/test.ts` fails a test in which
 * a page reported a violation); this file walks every screen once for it, exports included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as plainTest, type Page } from '@playwright/test';
import { addSchoolWithClasses, createProfile } from './helpers';
import { cspViolationMarker, expect, isCspMessage, reportCspViolations, test } from './test';

const dist = process.env.E2E_DIST ?? 'dist';

/** The policy of the built index.html, directive → sources. */
function builtPolicy(): Map<string, string[]> {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  expect(meta, 'a CSP <meta> in the built index.html').not.toBeNull();
  return new Map(
    (meta?.[1] ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

test('The built page carries a strict policy, before anything it loads, and no inline script or style', () => {
  const policy = builtPolicy();
  expect(Object.fromEntries(policy)).toEqual({
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'"],
    // Sync reaches the server address a user types (https, or a server on this machine).
    'connect-src': ["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*'],
    'manifest-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  });
  // Nothing remote, no escape hatch (frame-ancestors and report-uri would be ignored in a <meta>).
  // The one exception is connect-src, checked whole above: sync reaches the server a user types.
  const sources = [...policy].filter(([name]) => name !== 'connect-src').flatMap(([, values]) => values);
  for (const loose of [
    "'unsafe-inline'",
    "'unsafe-eval'",
    "'unsafe-hashes'",
    'data:',
    '*',
    'http:',
    'https:',
  ]) {
    expect(sources).not.toContain(loose);
  }
  expect(sources.filter((source) => source.includes('.') || source.includes('//'))).toEqual([]);
  expect([...policy.keys()]).not.toContain('frame-ancestors');

  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // A <meta> policy covers only what comes after it.
  const head = html.slice(0, html.indexOf('Content-Security-Policy'));
  expect(head).not.toMatch(/<(script|link|style|img)\b/i);
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes = '', body = ''] of scripts) {
    expect(attributes).toMatch(/\ssrc="\.\/assets\//);
    expect(body.trim()).toBe('');
  }
  const markup = html.replace(/<!--[\s\S]*?-->/g, '');
  expect(markup).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
});

type Violation = { directive: string; blocked: string };

/**
 * Runs `act` and waits for the violation of `directive` it causes in the page. Violations of
 * other directives are passed over: Chromium may report an earlier step's (a <base> is
 * reported again when a later URL resolves) after that step has returned.
 */
async function violationOf(page: Page, directive: string, act: () => Promise<unknown>): Promise<Violation> {
  const next = page.evaluate(
    (directive) =>
      new Promise<Violation>((resolve) => {
        const listener = (event: SecurityPolicyViolationEvent) => {
          if (event.effectiveDirective !== directive) return;
          window.removeEventListener('securitypolicyviolation', listener, { capture: true });
          resolve({ directive: event.effectiveDirective, blocked: event.blockedURI });
        };
        window.addEventListener('securitypolicyviolation', listener, { capture: true });
      }),
    directive,
  );
  await act();
  return next;
}

// The shared fixture would fail these on purpose-made violations: they use Playwright's own `test`.
plainTest(
  'What the policy refuses is refused, reported as a violation, and logged where the shared check sees it',
  async ({ page }) => {
    const console: string[] = [];
    page.on('console', (message) => console.push(message.text()));
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    // An inline script (say, HTML injected by a bug in sanitising): not run.
    const inline = await violationOf(page, 'script-src-elem', () =>
      page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.injected = "inline";';
        document.body.append(script);
      }),
    );
    expect(inline).toEqual({ directive: 'script-src-elem', blocked: 'inline' });

    // A remote script.
    const remote = await violationOf(page, 'script-src-elem', () =>
      page.evaluate(() => {
        const script = document.createElement('script');
        script.src = 'https://cdn.example.com/tracker.js';
        document.body.append(script);
      }),
    );
    expect(remote).toEqual({ directive: 'script-src-elem', blocked: 'https://cdn.example.com/tracker.js' });

    // An inline event handler attribute.
    const handler = await violationOf(page, 'script-src-attr', () =>
      page.evaluate(() => {
        const image = document.createElement('img');
        image.setAttribute('onerror', 'window.injected = "handler"');
        image.src = './no-such-image.png';
        document.body.append(image);
      }),
    );
    expect(handler.directive).toBe('script-src-attr');

    // eval and its relatives: a timer given a string. (Code that page.evaluate runs is exempt from the
    // eval check, so calling eval directly here would prove nothing; the timer's string is the page's.)
    const evaluation = await violationOf(page, 'script-src', () =>
      page.evaluate(() => {
        setTimeout('window.injected = "eval"', 0);
      }),
    );
    expect(evaluation).toEqual({ directive: 'script-src', blocked: 'eval' });

    // A plugin, a remote image, a <base> that would re-point relative URLs, an inline style.
    const object = await violationOf(page, 'object-src', () =>
      page.evaluate(() => {
        const element = document.createElement('object');
        element.data = './favicon.svg';
        document.body.append(element);
      }),
    );
    expect(object.directive).toBe('object-src');
    const image = await violationOf(page, 'img-src', () =>
      page.evaluate(() => {
        const element = document.createElement('img');
        element.src = 'https://images.example.com/pixel.gif';
        document.body.append(element);
      }),
    );
    expect(image).toEqual({ directive: 'img-src', blocked: 'https://images.example.com/pixel.gif' });
    const base = await violationOf(page, 'base-uri', () =>
      page.evaluate(() => {
        const element = document.createElement('base');
        element.href = 'https://evil.example.com/';
        document.head.append(element);
      }),
    );
    expect(base.directive).toBe('base-uri');
    const style = await violationOf(page, 'style-src-elem', () =>
      page.evaluate(() => {
        const element = document.createElement('style');
        element.textContent = 'body { display: none }';
        document.head.append(element);
      }),
    );
    expect(style).toEqual({ directive: 'style-src-elem', blocked: 'inline' });
    const fetched = await violationOf(page, 'connect-src', () =>
      page.evaluate(() => fetch('http://couch.example.com/db').catch(() => undefined)),
    );
    expect(fetched).toEqual({ directive: 'connect-src', blocked: 'http://couch.example.com/db' });
    const worker = await violationOf(page, 'worker-src', () =>
      page.evaluate(() => {
        try {
          new Worker('data:text/javascript,postMessage(1)');
        } catch {
          // SecurityError: refused
        }
      }),
    );
    expect(worker.directive).toBe('worker-src');

    expect(await page.evaluate(() => (window as { injected?: string }).injected)).toBeUndefined();
    await expect(page.locator('body')).toBeVisible(); // the injected style did not hide the page
    // Chromium logs each refusal; the shared fixture (test.ts) counts those messages.
    expect(console.filter(isCspMessage).length).toBeGreaterThanOrEqual(10);
  },
);

plainTest(
  'The fixture’s listener turns a violation into the console message the shared check counts',
  async ({ page }) => {
    const marked: string[] = [];
    page.on('console', (message) => {
      if (message.text().startsWith(cspViolationMarker)) marked.push(message.text());
    });
    // The same init script test.ts installs in every context.
    await page.addInitScript(reportCspViolations, cspViolationMarker);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = '1';
      document.body.append(script);
    });
    await expect
      .poll(() => marked)
      .toEqual([expect.stringMatching(/^\[csp-violation\] script-src-elem blocked inline at /)]);
  },
);

/** The URL of a lazily loaded library's chunk in the build, from Vite's manifest. */
function chunkOf(module: string): string {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string }
  >;
  const entry = manifest[module];
  if (!entry) throw new Error(`${module} is not in the build`);
  return `./${entry.file}`;
}

test('Large spreadsheets are written and read in fflate’s Blob-URL workers, which the policy allows', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const result = await page.evaluate(
    async ({ writer, reader }) => {
      let workers = 0;
      const NativeWorker = window.Worker;
      window.Worker = class extends NativeWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          if (String(url).startsWith('blob:')) workers += 1;
        }
      };
      // Over fflate's thresholds: 160 kB of sheet XML to deflate, 512 kB to inflate, in a worker.
      const rows = Array.from({ length: 6000 }, (_, row) =>
        Array.from({ length: 6 }, (_, column) => ({ value: `Học sinh ${row}-${column}` })),
      );
      const { default: writeXlsxFile } = (await import(writer)) as {
        default: (sheets: unknown) => { toBlob: () => Promise<Blob> };
      };
      const blob = await writeXlsxFile([{ sheet: 'Lớp', data: rows }]).toBlob();
      const written = workers;
      const { readSheet } = (await import(reader)) as {
        readSheet: (input: Blob) => Promise<unknown[][]>;
      };
      const read = await readSheet(blob);
      window.Worker = NativeWorker;
      return { size: blob.size, written, read: workers - written, rows: read.length, last: read.at(-1) };
    },
    {
      writer: chunkOf('node_modules/write-excel-file/browser/index.js'),
      reader: chunkOf('node_modules/read-excel-file/browser/index.js'),
    },
  );
  expect(result.written).toBeGreaterThan(0);
  expect(result.read).toBeGreaterThan(0);
  expect(result.rows).toBe(6000);
  expect(result.last).toEqual([
    'Học sinh 5999-0',
    'Học sinh 5999-1',
    'Học sinh 5999-2',
    'Học sinh 5999-3',
    'Học sinh 5999-4',
    'Học sinh 5999-5',
  ]);
});

/** Clicks a button that makes a file and waits for the download. */
async function download(page: Page, button: string): Promise<string> {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return (await event).suggestedFilename();
}

/** Waits until a screen has painted its heading (lazy screens say "loading" first). */
async function screenShown(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1 }).first(), path).toBeVisible();
}

test('Every screen, the exports, the backup, the presenter and the projector window run without one violation', async ({
  page,
}) => {
  await page.goto('/');
  await createProfile(page, 'Lan');

  // A school with classes, so the school screens and statistics have something to show.
  await addSchoolWithClasses(page, 'Trường THCS Đông Ngàn');
  const school = page.url();
  await page.getByRole('link', { name: 'Ghi hoạt động' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  for (const path of [
    '/#/',
    '/#/profiles',
    '/#/progress',
    '/#/materials',
    '/#/materials/ma-tuy-nup-bong',
    '/#/slogans',
    '/#/help',
    '/#/settings',
    '/#/sessions',
    '/#/plan/cong-nhan-45-phut',
    '/#/schools',
    new URL(school).hash,
    '/#/campaigns',
    '/#/statistics',
    '/#/rollups',
    '/#/no-such-page',
  ]) {
    await screenShown(page, path.startsWith('#') ? `/${path}` : path);
  }

  // A quiz, its questions and its result.
  await page.getByRole('link', { name: 'Bài trắc nghiệm' }).click();
  await page.getByRole('link', { name: /Học sinh THPT/ }).click();
  await page.getByRole('button', { name: 'Bắt đầu thi tính giờ' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  await page.getByRole('button', { name: 'Nộp bài' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Nộp bài' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kết quả' })).toBeVisible();

  // Statistics with its charts (canvas), then every export: Blob URLs clicked as downloads.
  await screenShown(page, '/#/statistics');
  await expect(page.locator('canvas').first()).toBeVisible();
  expect(await download(page, 'Tải CSV (Excel)')).toMatch(/\.csv$/);
  expect(await download(page, 'Tải XLSX')).toMatch(/\.xlsx$/);
  expect(await download(page, 'Tải JSON')).toMatch(/\.json$/);
  await screenShown(page, '/#/settings');
  expect(await download(page, 'Tải bản sao lưu')).toMatch(/\.json$/);

  // A session run from a plan (timers, tallies), then its record form.
  await screenShown(page, '/#/plan/cong-nhan-45-phut');
  await page.getByRole('button', { name: 'Bắt đầu buổi sinh hoạt' }).click();
  await expect(page.getByRole('timer')).toBeVisible();

  // The presenter opens the projector window (the app's own page, with the same policy).
  await screenShown(page, '/#/materials/ma-tuy-nup-bong');
  await page.getByRole('link', { name: 'Chế độ người trình bày (hai màn hình)' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Mở cửa sổ máy chiếu' }).click();
  const projector = await popup;
  await expect(projector.getByRole('heading', { level: 2 })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await projector.waitForTimeout(300);
});
