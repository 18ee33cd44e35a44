import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { answerQuestion, createProfile, expectSaved, openQuiz, waitForOfflineReady } from './helpers';
import { startServer } from './server.mjs';

/** Waits until the browser has installed a new version that now waits to take over. */
async function waitForWaitingVersion(page: Page): Promise<void> {
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
}

test('The app can be installed: Chromium finds no installability error, and the icons are PNG', async ({
  page,
  request,
  playwright,
  baseURL,
}) => {
  // Chromium never offers installation in an incognito profile, which is what a test context is.
  const profile = mkdtempSync(join(tmpdir(), 'chung-tay-profile-'));
  const installed = await playwright.chromium.launchPersistentContext(
    profile,
    test.info().project.use.launchOptions,
  );
  try {
    const app = installed.pages()[0] ?? (await installed.newPage());
    await app.goto(`${baseURL}/`);
    await waitForOfflineReady(app);
    const cdp = await installed.newCDPSession(app);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await installed.close();
    rmSync(profile, { recursive: true, force: true });
  }

  await page.goto('/');
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = (await (await request.get(new URL(manifestHref ?? '', page.url()).href)).json()) as {
    lang: string;
    display: string;
    icons: Array<{ src: string; sizes: string; type: string }>;
  };
  expect(manifest).toMatchObject({ lang: 'vi', display: 'standalone' });
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size && i.type === 'image/png');
    expect(icon, size).toBeDefined();
    const response = await request.get(new URL(icon?.src ?? '', page.url()).href);
    expect(response.headers()['content-type']).toBe('image/png');
    expect([...(await response.body()).subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe(
      'PNG',
    );
  }
});

test('After the first visit every screen opens with the network off, deep links included', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await createProfile(page, 'An');
  await waitForOfflineReady(page);
  await context.setOffline(true);

  await page.goto('/#/progress');
  await expect(page.getByRole('heading', { level: 1, name: 'Tiến bộ của An' })).toBeVisible();
  await page.goto('/#/quiz/workers');
  await expect(page.getByRole('heading', { level: 1, name: /Công nhân, người lao động/ })).toBeVisible();
  await page.getByRole('button', { name: 'Bắt đầu luyện tập' }).click();
  await expect(page.getByRole('heading', { name: 'Câu 1/10' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Question 1 of 10' })).toBeVisible();
});

test('Without the service worker the offline reload really fails (the offline tests can fail)', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${baseURL}/`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await context.setOffline(true);
  await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
  await context.close();
});

test('A new version waits for the user: the quiz goes on, and reloading keeps the answers', async ({
  page,
}) => {
  const server = await startServer({ root: process.env.E2E_DIST ?? 'dist' });
  try {
    await page.goto(`${server.url}/`);
    await waitForOfflineReady(page);
    await createProfile(page, 'Bình');
    await openQuiz(page, /Gia đình và cộng đồng/);
    await page.getByRole('button', { name: 'Bắt đầu luyện tập' }).click();
    await answerQuestion(page, { correct: true });
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.getByRole('button', { name: 'Câu tiếp theo' }).click();
    const question = await answerQuestion(page, { correct: true });
    await expectSaved(page);

    // A new version is deployed and the browser finds it.
    server.publishNewVersion();
    await waitForWaitingVersion(page);
    const prompt = page.getByText('Đã có phiên bản mới của Chung Tay.', { exact: false });
    await expect(prompt).toBeVisible();
    // Nothing reloaded on its own: still on question 2, answer still chosen.
    await expect(page.getByRole('heading', { name: 'Câu 2/10' })).toBeVisible();

    await page.getByRole('button', { name: 'Để sau' }).click();
    await expect(prompt).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Câu 2/10' })).toBeVisible();

    // The next check finds the waiting version again; this time the user reloads.
    server.publishNewVersion();
    await waitForWaitingVersion(page);
    await page.reload();
    await expect(prompt).toBeVisible();
    const navigation = page.waitForEvent('framenavigated');
    await page.getByRole('button', { name: 'Tải lại để cập nhật' }).click();
    await navigation;
    await expect(page.getByRole('heading', { name: 'Câu 2/10' })).toBeVisible();
    await expect(prompt).toBeHidden();
    // The new version is in charge now: nothing is left waiting.
    expect(
      await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)),
    ).toBe(false);
    const kept = page.getByRole(question.type === 'multiple' ? 'checkbox' : 'radio', { checked: true });
    await expect(kept.first()).toBeVisible();
  } finally {
    await server.close();
  }
});
