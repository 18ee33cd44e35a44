/**
 * Storage faults never lose data (issue 21). On a real tiny disk (a Chromium profile on a
 * 40 MB tmpfs), Chromium runs out of disk inside a large import, closes the database and, as
 * often as not, deletes it; a page cannot learn the disk's free space beforehand. So a large
 * import is told and a backup offered first, and after a relaunch every record is there, kept
 * by the browser or restored from that backup.
 * Under a real browser quota (`Storage.overrideQuotaForOrigin`), an import that exceeds it in
 * the middle of its transaction is rolled back alone: the app says the device is full and
 * goes on working.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { makeUnitFiles } from '../fixtures/rollup/unitFiles.mjs';
import { expect, test } from './test';
import {
  canMount,
  createRound,
  fixtureBackup,
  launchOnDisk,
  mountTinyDisk,
  restoreBackupFile,
  storeCounts,
} from './tinyDisk';

type UnitFile = { name: string; text: string };

/** Unit files dated in the past, whatever the machine's clock says. */
function unitFiles(units: number, recordsPerFile: number, seed = 1): UnitFile[] {
  return makeUnitFiles({
    units,
    recordsPerFile,
    seed,
    exportedAt: '2025-07-01T03:00:00.000Z',
    from: '2025-01-01',
    to: '2025-06-30',
  }).files as UnitFile[];
}

const payload = (files: UnitFile[]) =>
  files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) }));

/** The v8 fixture's stores, as restored (the round made by the test adds one to `rollups`). */
const restored = {
  attempts: 4,
  banks: 1,
  campaigns: 1,
  contacts: 2,
  drafts: 1,
  ledger: 3,
  ownQuizzes: 1,
  profiles: 2,
  progress: 1,
  quarantine: 0,
  rollups: 1,
  sessions: 1,
  settings: 1,
  units: 6,
};

test('On a nearly full disk, a large import is told and a backup offered first; whether or not the browser then deletes the database, every record is there after a relaunch', async () => {
  // Not skipped: without root the test cannot make its disk, and says so by failing.
  expect(canMount, 'mounting a tmpfs needs root (CI and the dev machines run as root)').toBe(true);
  test.setTimeout(150_000);
  const disk = mountTinyDisk('40m');
  const profile = `${disk.path}/profile`;
  const missing: string[] = [];
  let context: BrowserContext | undefined;
  const launch = async () => {
    context = await launchOnDisk(profile);
    context.on('console', (m) => {
      if (m.text().startsWith('Missing translation:')) missing.push(m.text());
    });
    return context.pages()[0] ?? (await context.newPage());
  };
  try {
    let page = await launch();
    await page.goto('/');
    await restoreBackupFile(page, fixtureBackup());
    await createRound(page, 'Báo cáo 6 tháng đầu năm 2025');
    const before = await storeCounts(page);
    expect(before).toEqual({ ...restored, rollups: 2 });

    // 50,000 records, 16 MB of JSON: IndexedDB needs about 60 MB for them; the disk has 35 MB, and
    // the browser says it allows 1 GiB. The app cannot know: it says what the files need and the
    // risk, and offers a backup of the whole device first.
    const [big] = unitFiles(1, 50_000);
    await page.getByLabel('Chọn tệp…').setInputFiles(payload([big!]));
    const dialog = page.getByRole('dialog', { name: 'Nhập một lượng lớn số liệu?' });
    await expect(dialog).toContainText(/Các tệp này cần khoảng [\d,.]+ MB trên thiết bị/, {
      timeout: 60_000,
    });
    await expect(dialog).toContainText('trình duyệt có thể xoá toàn bộ dữ liệu Chung Tay');
    const saving = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Tải bản sao lưu trước' }).click();
    // Kept off the tiny disk, as a user keeps a backup elsewhere.
    const backupFile = join(mkdtempSync(join(tmpdir(), 'chung-tay-backup-')), 'sao-luu.json');
    await (await saving).saveAs(backupFile);
    await expect(dialog.getByRole('status')).toContainText('Đã tải bản sao lưu');
    await dialog.getByRole('button', { name: 'Vẫn nhập' }).click();

    // The disk runs out in the middle of the write: nothing is imported, and the app says so.
    await expect(
      page.getByRole('alert').filter({ hasText: /chưa nhập được tệp nào|các tệp chưa được nhập/ }),
    ).toBeVisible({ timeout: 90_000 });

    // A relaunch on the same disk: either the browser kept the database as it was, or it deleted
    // it (Chromium does, as often as not) and the app says the data is gone; the backup taken
    // before the import then brings every record back.
    await context!.close();
    page = await launch();
    await page.goto('/');
    await expect(page.getByRole('banner')).toBeVisible();
    const deleted = (await storeCounts(page))?.profiles !== before?.profiles;
    test.info().annotations.push({
      type: 'browser',
      description: deleted ? 'deleted the database; restored from the backup' : 'kept the database',
    });
    if (deleted) {
      await expect(page.getByText('Dữ liệu Chung Tay đã lưu trên thiết bị này không còn nữa')).toBeVisible();
      await restoreBackupFile(page, {
        name: 'chung-tay-sao-luu.json',
        mimeType: 'application/json',
        buffer: readFileSync(backupFile),
      });
    }
    expect(await storeCounts(page)).toEqual(before);
    await page.goto('/#/rollups');
    await expect(page.getByRole('link', { name: 'Báo cáo 6 tháng đầu năm 2025' })).toBeVisible();
  } finally {
    await context?.close();
    disk.unmount();
  }
  expect(missing, 'messages missing while the test ran').toEqual([]);
});

test('A real quota exceeded in the middle of an import rolls back that import alone; the app says the device is full and keeps working', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(90_000);
  // A browser that cannot say how much room is left: nothing stops the import before it
  // writes, so the quota is met inside its transaction.
  await context.addInitScript(() => {
    Object.defineProperty(StorageManager.prototype, 'estimate', { value: undefined });
  });
  const cdp = await context.newCDPSession(page);
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
  // Chromium applies the override to databases created under it: set it before the first visit.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 12 * 1024 * 1024 });
  let closed = 0;
  await page.exposeFunction('reportClosed', () => closed++);
  await context.addInitScript(() => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      const request = open.apply(this, args);
      request.addEventListener('success', () =>
        request.result.addEventListener('close', () =>
          (window as unknown as { reportClosed: () => void }).reportClosed(),
        ),
      );
      return request;
    };
  });

  await page.goto('/');
  await restoreBackupFile(page, fixtureBackup());
  await createRound(page, 'Kỳ thử hạn mức');
  const before = await storeCounts(page);
  expect(before).toEqual({ ...restored, rollups: 2 });

  // 30,000 records (9.5 MB of JSON) need far more than the 12 MB the browser allows.
  await page.getByLabel('Chọn tệp…').setInputFiles(payload(unitFiles(1, 30_000, 5)));
  await page
    .getByRole('dialog', { name: 'Nhập một lượng lớn số liệu?' })
    .getByRole('button', { name: 'Vẫn nhập' })
    .click({ timeout: 60_000 });
  const full = page.getByRole('alert').filter({ hasText: 'Bộ nhớ của thiết bị đã đầy' });
  await expect(full).toBeVisible({ timeout: 60_000 });
  await expect(full).toContainText('số liệu trên thiết bị không thay đổi');
  expect(await storeCounts(page)).toEqual(before);
  expect(closed, 'the browser closed the database').toBe(0);

  // Only that transaction ended: the same connection imports a file that fits.
  await page.getByLabel('Chọn tệp…').setInputFiles(payload(unitFiles(1, 20, 6)));
  await expect(page.locator('.outcomes')).toContainText('Đã nhận 1 tệp, từ chối 0 tệp.');
  const after = await storeCounts(page);
  expect(after).toEqual({ ...before, ledger: before!.ledger! + 20, units: before!.units! + 3 });
  await page.reload();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Mai Anh', exact: true })).toBeVisible();
  expect(await storeCounts(page)).toEqual(after);
});
