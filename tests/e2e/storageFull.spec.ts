/**
 * Storage faults never lose data (issue 21). On a real tiny disk (a Chromium profile on a
 * 40 MB tmpfs), an import that cannot fit is refused before anything is written, with the sizes,
 * and every store holds what it held, then and after a relaunch. Without that refusal Chromium
 * runs out of disk inside the import, closes the database and, as often as not, deletes it.
 * Under a real browser quota (`Storage.overrideQuotaForOrigin`), an import that exceeds it in
 * the middle of its transaction is rolled back alone: the app says the device is full and
 * goes on working.
 */
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

/** The v6 fixture's stores, as restored (the round made by the test adds one to `rollups`). */
const restored = {
  attempts: 2,
  campaigns: 1,
  contacts: 2,
  drafts: 1,
  ledger: 3,
  profiles: 2,
  progress: 1,
  quarantine: 0,
  rollups: 1,
  sessions: 1,
  settings: 1,
  units: 6,
};

test('On a nearly full disk, a roll-up import that cannot fit is refused with the sizes, and every record is still there after a relaunch', async () => {
  // Not skipped: without root the test cannot make its disk, and says so by failing.
  expect(canMount, 'mounting a tmpfs needs root (CI and the dev machines run as root)').toBe(true);
  test.setTimeout(110_000);
  const disk = mountTinyDisk('40m');
  const profile = `${disk.path}/profile`;
  const missing: string[] = [];
  let context: BrowserContext | undefined;
  try {
    context = await launchOnDisk(profile);
    context.on('console', (m) => {
      if (m.text().startsWith('Missing translation:')) missing.push(m.text());
    });
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await restoreBackupFile(page, fixtureBackup());
    await createRound(page, 'Báo cáo 6 tháng đầu năm 2025');
    const before = await storeCounts(page);
    expect(before).toEqual({ ...restored, rollups: 2 });

    // 50,000 records, 16 MB of JSON: IndexedDB needs about 60 MB for them; the disk has 35 MB.
    const [big] = unitFiles(1, 50_000);
    await page.getByLabel('Chọn tệp…').setInputFiles(payload([big!]));
    const refusal = page.getByRole('alert').filter({ hasText: 'Không đủ chỗ trên thiết bị' });
    await expect(refusal).toBeVisible({ timeout: 60_000 });
    await expect(refusal).toContainText(/cần khoảng [\d,.]+ MB, trình duyệt chỉ còn cho phép [\d,.]+ MB/);
    await expect(refusal).toContainText('số liệu trên thiết bị không thay đổi');
    // The browser never closed the database: no storage failure to report.
    await expect(page.getByText('Trình duyệt báo lỗi khi ghi vào bộ nhớ')).toHaveCount(0);
    expect(await storeCounts(page)).toEqual(before);

    // A relaunch of the browser on the same disk finds every record.
    await context.close();
    context = await launchOnDisk(profile);
    context.on('console', (m) => {
      if (m.text().startsWith('Missing translation:')) missing.push(m.text());
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/#/rollups');
    await expect(page.getByRole('link', { name: 'Báo cáo 6 tháng đầu năm 2025' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Mai Anh', exact: true })).toBeVisible();
    expect(await storeCounts(page)).toEqual(before);
    await expect(page.getByText('không còn nữa', { exact: false })).toHaveCount(0);
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
    Object.defineProperty(StorageManager.prototype, 'getDirectory', { value: undefined });
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
