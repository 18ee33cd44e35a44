import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { createProfile } from './helpers';

async function downloadBackup(
  page: Page,
): Promise<{ path: string; json: { stores: Record<string, unknown[]> } }> {
  await page.goto('/#/settings');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải bản sao lưu' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^chung-tay-sao-luu-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await file.path();
  return { path, json: JSON.parse(readFileSync(path, 'utf8')) };
}

test('The whole device backs up to one file and restores on another device losslessly; a damaged file restores nothing', async ({
  browser,
  page,
}) => {
  // Device A: a learner and a school with three classes.
  await page.goto('/');
  await createProfile(page, 'Mai Anh');
  await page.goto('/#/schools');
  await page.getByLabel('Tên trường *').fill('Trường THCS Đông Ngàn');
  await page.getByLabel('Cấp học *').selectOption({ label: 'Trung học cơ sở (THCS)' });
  await page.getByRole('button', { name: 'Thêm trường' }).click();
  await page.getByLabel('Lớp hoặc dãy lớp').fill('6A1–6A3');
  await page.getByLabel('Sĩ số mỗi lớp').fill('35');
  await page.getByRole('button', { name: 'Thêm các lớp' }).click();
  await expect(page.getByText('Đã thêm 3 lớp', { exact: false })).toBeVisible();
  const backup = await downloadBackup(page);
  expect(JSON.stringify(backup.json.stores.profiles)).toContain('Mai Anh');
  expect(JSON.stringify(backup.json.stores.units)).toContain('Trường THCS Đông Ngàn');

  // Device B: a damaged copy is refused whole, with the reason.
  const other = await browser.newContext();
  const device = await other.newPage();
  await device.goto('/#/settings');
  const broken = structuredClone(backup.json);
  (broken.stores.units as Array<Record<string, unknown>>)[0]!.name = '';
  await device.getByLabel('Tệp sao lưu (.json)').setInputFiles({
    name: 'chung-tay-sao-luu-hong.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await device.getByRole('button', { name: 'Khôi phục từ tệp' }).click();
  const refused = device.getByRole('alert').filter({ hasText: 'Chưa khôi phục gì' });
  await expect(refused).toContainText('1 bản ghi đơn vị bị hỏng (bản ghi đầu tiên: số 1).');

  // The real file restores after a confirmation.
  await device.getByLabel('Tệp sao lưu (.json)').setInputFiles(backup.path);
  await device.getByRole('button', { name: 'Khôi phục từ tệp' }).click();
  const dialog = device.getByRole('dialog', { name: 'Thay toàn bộ dữ liệu trên thiết bị này?' });
  await expect(dialog).toContainText('bản ghi');
  await dialog.getByRole('button', { name: 'Thay bằng bản sao lưu' }).click();
  await expect(device.getByRole('banner').getByRole('link', { name: 'Mai Anh', exact: true })).toBeVisible();
  await device.goto('/#/schools');
  await expect(device.getByRole('row', { name: /Trường THCS Đông Ngàn/ })).toContainText('0/3 lớp');

  // Backing up device B gives the same records: nothing was lost or changed.
  const again = await downloadBackup(device);
  expect(again.json.stores).toEqual(backup.json.stores);
  await other.close();
});
