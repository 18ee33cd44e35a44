import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { formatMegabytes } from '../../src/lib/i18n/format.ts';
import { neededFor } from '../../src/lib/storage/space.ts';
import { addSchoolWithClasses, createProfile } from './helpers';

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
  await addSchoolWithClasses(page, 'Trường THCS Đông Ngàn');
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

test('An inconsistent backup is refused with its reason and changes nothing; a consistent one lists, store by store, what it will store', async ({
  page,
}) => {
  await page.goto('/');
  await createProfile(page, 'Mai Anh');
  await addSchoolWithClasses(page, 'Trường THCS Đông Ngàn');
  const backup = await downloadBackup(page);
  const units = backup.json.stores.units as Array<Record<string, unknown>>;
  const classAt = units.findIndex((u) => u.kind === 'class');
  expect(classAt).toBeGreaterThanOrEqual(0);

  // A class whose school is not in the file; a unit twice; no records at all; a setting nested 5,000 deep.
  const orphan = structuredClone(backup.json);
  (orphan.stores.units as Array<Record<string, unknown>>)[classAt]!.parentId = crypto.randomUUID();
  const repeated = structuredClone(backup.json);
  repeated.stores.units = [...units, units[0]];
  const deep = JSON.stringify({
    ...backup.json,
    stores: { settings: [{ key: 'activeProfileId', value: 'DEEP' }] },
  });
  const files: Array<[string, string]> = [
    [
      JSON.stringify(orphan),
      `1 bản ghi đơn vị trỏ tới một đơn vị không có trong tệp (bản ghi đầu tiên: số ${classAt + 1}).`,
    ],
    [
      JSON.stringify(repeated),
      `1 bản ghi đơn vị trùng mã với một bản ghi đứng trước (bản ghi đầu tiên: số ${units.length + 1}).`,
    ],
    [JSON.stringify({ ...backup.json, stores: {} }), 'Tệp không có bản ghi nào'],
    [
      deep.replace('"DEEP"', `${'['.repeat(5000)}"x"${']'.repeat(5000)}`),
      '1 bản ghi cài đặt có dữ liệu lồng nhau quá sâu (bản ghi đầu tiên: số 1).',
    ],
  ];
  for (const [text, reason] of files) {
    await page.getByLabel('Tệp sao lưu (.json)').setInputFiles({
      name: 'chung-tay-sao-luu.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await page.getByRole('button', { name: 'Khôi phục từ tệp' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Chưa khôi phục gì' });
    await expect(refused).toContainText(reason);
    await expect(page.getByRole('dialog')).toBeHidden();
  }
  // Nothing changed: the device backs up the same records as before.
  const after = await downloadBackup(page);
  expect(after.json.stores).toEqual(backup.json.stores);

  // The real file: the confirmation counts what will be stored, store by store.
  await page.getByLabel('Tệp sao lưu (.json)').setInputFiles(backup.path);
  await page.getByRole('button', { name: 'Khôi phục từ tệp' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thay toàn bộ dữ liệu trên thiết bị này?' });
  const counts = dialog.getByRole('list', { name: 'Số bản ghi sẽ được lưu:' });
  const total = Object.values(backup.json.stores).reduce((sum, records) => sum + records.length, 0);
  await expect(dialog).toContainText(`có ${total} bản ghi`);
  await expect(counts.getByRole('listitem')).toHaveText([
    'Hồ sơ: 1',
    'Cài đặt: 1',
    `Đơn vị: ${units.length}`,
  ]);
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await expect(dialog).toBeHidden();
});

test('A backup that would not fit in the room the browser has left is refused before the confirmation, with both sizes', async ({
  page,
}) => {
  // The browser reports 1 MB left: less than any restore needs.
  await page.addInitScript(() => {
    navigator.storage.estimate = async () => ({ quota: 101 * 1024 * 1024, usage: 100 * 1024 * 1024 });
  });
  await page.goto('/#/settings');
  const contact = {
    id: crypto.randomUUID(),
    kind: 'commune-police',
    name: 'Công an xã Đông Ngàn',
    updatedAt: new Date().toISOString(),
  };
  const file = {
    format: 'chung-tay/backup',
    version: 1,
    exportedAt: new Date().toISOString(),
    stores: { contacts: [contact] },
  };
  const bytes = Buffer.from(JSON.stringify(file));
  await page.getByLabel('Tệp sao lưu (.json)').setInputFiles({
    name: 'chung-tay-sao-luu.json',
    mimeType: 'application/json',
    buffer: bytes,
  });
  await page.getByRole('button', { name: 'Khôi phục từ tệp' }).click();
  const needed = formatMegabytes(neededFor(bytes.length), 'vi');
  await expect(page.getByRole('alert').filter({ hasText: 'Chưa khôi phục gì' })).toContainText(
    `Không đủ chỗ trên thiết bị để khôi phục tệp này: cần khoảng ${needed}, trình duyệt chỉ còn cho phép 1,0 MB.`,
  );
  await expect(page.getByRole('dialog')).toBeHidden();
});
