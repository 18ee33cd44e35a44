/**
 * Helpers for the storage-fault journeys: a Chromium profile on a tiny tmpfs disk (so writes
 * really run out of disk), the v6 fixture as a backup file, and the record count of every
 * store, read without ever creating the database.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { expect } from './test';
import config from '../../playwright.config';

/** A tmpfs of `size` (e.g. `40m`) mounted for the test; needs root, as CI runs. */
export function mountTinyDisk(size: string): { path: string; unmount: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'chung-tay-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path]);
  return {
    path,
    unmount: () => {
      // Lazily, should a browser process still hold a file open.
      execFileSync('umount', ['--lazy', path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** Whether this process may mount a tmpfs. */
export const canMount = process.getuid?.() === 0;

/** Chromium with the suite's own options, its profile in `userDataDir`. */
export async function launchOnDisk(userDataDir: string): Promise<BrowserContext> {
  const { launchOptions, locale, timezoneId, baseURL } = config.use ?? {};
  return chromium.launchPersistentContext(userDataDir, {
    ...(launchOptions?.executablePath ? { executablePath: launchOptions.executablePath } : {}),
    args: launchOptions?.args ?? [],
    ...(locale ? { locale } : {}),
    ...(timezoneId ? { timezoneId } : {}),
    ...(baseURL ? { baseURL } : {}),
  });
}

/** The stored-format fixture of the current version as the backup file the settings screen restores. */
export function fixtureBackup(): { name: string; mimeType: string; buffer: Buffer } {
  const path = join(import.meta.dirname, '../fixtures/storage-v8.json');
  const fixture = JSON.parse(readFileSync(path, 'utf8')) as { stores: Record<string, unknown[]> };
  const backup = {
    format: 'chung-tay/backup',
    version: 8,
    exportedAt: '2026-09-30T02:00:00.000Z',
    stores: fixture.stores,
  };
  return {
    name: 'sao-luu-v8.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  };
}

/** Restores a backup file through the settings screen, as a user does. */
export async function restoreBackupFile(page: Page, file: ReturnType<typeof fixtureBackup>): Promise<void> {
  await page.goto('/#/settings');
  await page.getByLabel('Tệp sao lưu (.json)').setInputFiles(file);
  await page.getByRole('button', { name: 'Khôi phục từ tệp' }).click();
  await page
    .getByRole('dialog', { name: 'Thay toàn bộ dữ liệu trên thiết bị này?' })
    .getByRole('button', { name: 'Thay bằng bản sao lưu' })
    .click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Mai Anh', exact: true })).toBeVisible();
}

/**
 * How many records each store of the app's database holds, or `null` when the database does
 * not exist (it is never created here).
 */
export function storeCounts(page: Page): Promise<Record<string, number> | null> {
  return page.evaluate(async () => {
    const databases = await indexedDB.databases();
    if (!databases.some((d) => d.name === 'chung-tay')) return null;
    return new Promise<Record<string, number> | null>((resolve, reject) => {
      const open = indexedDB.open('chung-tay');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const names = [...db.objectStoreNames];
        const counts: Record<string, number> = {};
        const tx = db.transaction(names);
        for (const name of names) {
          const request = tx.objectStore(name).count();
          request.onsuccess = () => (counts[name] = request.result);
        }
        tx.oncomplete = () => {
          db.close();
          resolve(counts);
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  });
}

/** Creates a reporting round and opens it. */
export async function createRound(page: Page, name: string): Promise<void> {
  await page.goto('/#/rollups');
  await page.getByLabel('Tên kỳ báo cáo *').fill(name);
  await page.getByLabel('Từ ngày *').fill('2025-01-01');
  await page.getByLabel('Đến ngày *').fill('2025-06-30');
  await page.getByLabel('Hạn gửi *').fill('2025-07-01');
  await page.getByRole('button', { name: 'Tạo kỳ báo cáo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}
