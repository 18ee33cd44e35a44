import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { expect, test } from './test';
import { expectNoAxeViolations, waitForOfflineReady } from './helpers';
import { badRecordFile, makeUnitFiles, malformedFile } from '../fixtures/rollup/unitFiles.mjs';

type UnitFile = { name: string; text: string };
type Fixture = {
  files: UnitFile[];
  totals: {
    records: number;
    participants: number;
    women: number;
    sessions: number;
    byUnit: Record<string, { records: number; participants: number }>;
  };
  unitNames: string[];
};

async function recordSession(
  page: Page,
  session: { date: string; unit: string; parent: string; participants: number; women: number },
): Promise<void> {
  await page.getByRole('link', { name: 'Buổi sinh hoạt', exact: true }).click();
  await page.getByRole('button', { name: 'Ghi nhận buổi sinh hoạt không theo kế hoạch' }).click();
  await page.getByLabel('Ngày tổ chức *').fill(session.date);
  await page.getByLabel('Đơn vị *').fill(session.unit);
  // The parent is asked for only when the unit is new.
  const parent = page.getByLabel(/^Thuộc \(/);
  if (await parent.isVisible()) await parent.fill(session.parent);
  await page.getByLabel('Đối tượng *').selectOption({ label: 'Công nhân, người lao động' });
  await page.getByLabel('Số người tham gia *').fill(String(session.participants));
  await page.getByLabel('Trong đó nữ').fill(String(session.women));
  await page.getByLabel('Thời lượng (phút) *').fill('45');
  await page.getByRole('button', { name: 'Lưu buổi sinh hoạt' }).click();
  await expect(page.getByText(`${session.participants} người tham gia`)).toBeVisible();
}

const figure = (page: Page, key: string) => page.locator(`[data-figure="${key}"] strong`);

async function download(page: Page, button: string): Promise<{ name: string; path: string }> {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await event;
  return { name: file.suggestedFilename(), path: await file.path() };
}

/*
 * Worked out by hand: at KCN Đình Trám, Công ty TNHH Điện tử Tân Hưng held sessions on 10/03
 * (37 workers, 20 women) and 12/05 (42, 25); Xí nghiệp Bao bì Đông Á on 02/04 (15, 5).
 * All: 3 sessions, 94 people, 50 women. Tân Hưng alone: 79 people; by month 37, 0, 42.
 */
const sessions = [
  {
    date: '2027-03-10',
    unit: 'Công ty TNHH Điện tử Tân Hưng',
    parent: 'KCN Đình Trám',
    participants: 37,
    women: 20,
  },
  {
    date: '2027-04-02',
    unit: 'Xí nghiệp Bao bì Đông Á',
    parent: 'KCN Đình Trám',
    participants: 15,
    women: 5,
  },
  {
    date: '2027-05-12',
    unit: 'Công ty TNHH Điện tử Tân Hưng',
    parent: 'KCN Đình Trám',
    participants: 42,
    women: 25,
  },
];

test('A union officer filters the statistics, reads each chart as a table, exports CSV, XLSX and JSON, and the JSON rolls up on another device, offline', async ({
  page,
  context,
  browser,
}) => {
  await page.clock.setFixedTime(new Date('2027-07-01T09:00:00+07:00'));
  await page.goto('/');
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.reload();
  for (const session of sessions) await recordSession(page, session);

  await page.getByRole('link', { name: 'Thống kê', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thống kê kết quả tuyên truyền');
  await expect(figure(page, 'sessions')).toHaveText('3');
  await expect(figure(page, 'participants')).toHaveText('94');
  await expect(figure(page, 'women')).toHaveText('50');
  await expect(figure(page, 'classShare')).toHaveText('chưa có số liệu');

  // One enterprise and everything under it; the months between are shown as zero.
  await page
    .getByLabel('Đơn vị (gồm đơn vị trực thuộc)')
    .selectOption({ label: 'Công ty TNHH Điện tử Tân Hưng' });
  await expect(figure(page, 'participants')).toHaveText('79');
  await expect(figure(page, 'sessions')).toHaveText('2');
  const months = page.getByRole('figure', { name: 'Lượt người tham gia theo tháng' });
  await expect(months.locator('canvas[data-drawn="true"]')).toBeAttached();
  await months.getByText('Bảng số liệu').click();
  const monthRows = months.getByRole('table').getByRole('row');
  await expect(monthRows).toHaveText([/Tháng/, /03\/2027\s*37/, /04\/2027\s*0/, /05\/2027\s*42/]);

  // A period and a kind that match nothing.
  await page.getByLabel('Từ ngày').fill('2027-06-01');
  await expect(figure(page, 'participants')).toHaveText('0');
  await page.getByRole('button', { name: 'Bỏ lọc' }).click();
  await expect(figure(page, 'participants')).toHaveText('94');

  // By unit: the KCN's two enterprises, from the top.
  await page.getByLabel('Đơn vị (gồm đơn vị trực thuộc)').selectOption({ label: 'KCN Đình Trám' });
  const units = page.getByRole('figure', { name: 'Lượt người tham gia theo đơn vị' });
  await units.getByText('Bảng số liệu').click();
  await expect(units.getByRole('table').getByRole('row')).toHaveText([
    /Đơn vị/,
    /Công ty TNHH Điện tử Tân Hưng\s*79/,
    /Xí nghiệp Bao bì Đông Á\s*15/,
  ]);
  await expectNoAxeViolations(page);
  await expect(page.getByText('Đơn vị gửi ghi trong tệp: KCN Đình Trám.')).toBeVisible();

  // CSV of what is shown: a byte-order mark, Vietnamese intact, the figures as numbers.
  const csv = await download(page, 'Tải CSV (Excel)');
  expect(csv.name).toBe('thong-ke-kcn-dinh-tram-2027-07-01.csv');
  const csvText = readFileSync(csv.path, 'utf8');
  expect(csvText.startsWith('\uFEFF')).toBe(true);
  const csvRows = Papa.parse<string[]>(csvText.slice(1).trim()).data;
  expect(csvRows[0]).toEqual(['Phần', 'Mục', 'Giá trị']);
  expect(csvRows).toContainEqual(['Số liệu chính', 'Đơn vị (gồm đơn vị trực thuộc)', 'KCN Đình Trám']);
  expect(csvRows).toContainEqual(['Số liệu chính', 'Lượt người tham gia', '94']);
  expect(csvRows).toContainEqual(['Theo tháng', '04/2027', '15']);

  // The detail: one row per record.
  await page.getByLabel('Kèm chi tiết từng bản ghi').check();
  const detail = await download(page, 'Tải CSV (Excel)');
  expect(detail.name).toBe('thong-ke-kcn-dinh-tram-2027-07-01-chi-tiet.csv');
  const detailRows = Papa.parse<string[]>(readFileSync(detail.path, 'utf8').slice(1).trim()).data;
  expect(detailRows).toHaveLength(4);
  // Days are ISO in a CSV, which a spreadsheet in Vietnamese or English reads as the same day.
  expect(detailRows[1]?.slice(1, 8)).toEqual([
    'Buổi sinh hoạt',
    '2027-03-10',
    'Công ty TNHH Điện tử Tân Hưng',
    'KCN Đình Trám',
    'Công nhân, người lao động',
    '37',
    '20',
  ]);

  // XLSX: a sheet per table and the detail, numbers as numbers.
  const xlsx = await download(page, 'Tải XLSX');
  const sheets = await readXlsxFile(xlsx.path);
  expect(sheets.map((s) => s.sheet)).toEqual([
    'Số liệu chính',
    'Theo tháng',
    'Theo đối tượng',
    'Theo đơn vị',
    'Điểm trắc nghiệm',
    'Trường học',
    'Chi tiết',
  ]);
  expect(sheets[0]?.data).toContainEqual(['Lượt người tham gia', 94]);
  // By unit: each unit with its parent and its own figures.
  expect(sheets[3]?.data.slice(1)).toEqual([
    ['KCN Đình Trám', null, 0, 0],
    ['Công ty TNHH Điện tử Tân Hưng', 'KCN Đình Trám', 2, 79],
    ['Xí nghiệp Bao bì Đông Á', 'KCN Đình Trám', 1, 15],
  ]);
  expect(sheets[6]?.data).toHaveLength(4);

  // JSON with the detail: the file a roll-up reads.
  const json = await download(page, 'Tải JSON');
  const file = JSON.parse(readFileSync(json.path, 'utf8'));
  expect(file).toMatchObject({
    kind: 'chung-tay/statistics',
    formatVersion: 1,
    exportingUnit: { name: 'KCN Đình Trám' },
    exportedAt: '2027-07-01T02:00:00.000Z',
    figures: { sessions: 3, participants: 94, women: 50 },
  });
  expect(file.records).toHaveLength(3);
  expect(file.units.map((u: { name: string }) => u.name).sort()).toEqual([
    'Công ty TNHH Điện tử Tân Hưng',
    'KCN Đình Trám',
    'Xí nghiệp Bao bì Đông Á',
  ]);

  // Another device (the province's union) imports it into a round and adds it up.
  const other = await browser.newContext();
  const province = await other.newPage();
  await province.clock.setFixedTime(new Date('2027-07-02T09:00:00+07:00'));
  await province.goto('/#/rollups');
  await province.getByLabel('Tên kỳ báo cáo *').fill('6 tháng đầu năm 2027');
  await province.getByLabel('Các đơn vị phải gửi (mỗi dòng một tên)').fill('kcn  đình trám');
  await province.getByRole('button', { name: 'Tạo kỳ báo cáo' }).click();
  await province.getByLabel('Chọn tệp…').setInputFiles(json.path);
  await expect(province.locator('.outcomes')).toContainText(
    'đã nhận, của KCN Đình Trám: 3 bản ghi (3 mới, 0 được cập nhật).',
  );
  await expect(province.getByRole('row', { name: /kcn đình trám/ })).toContainText('Đúng hạn');
  await expect(province.locator('[data-total="participants"]')).toHaveText('94');
  await expect(province.getByRole('row', { name: /Công ty TNHH Điện tử Tân Hưng/ })).toContainText('79');
  await other.close();
});

test('An industrial-zone union rolls up its units’ files: bad files refused with the reason, totals exact, a second import changes nothing, and a backup restores it all', async ({
  page,
  context,
}) => {
  await page.clock.setFixedTime(new Date('2027-07-05T09:00:00+07:00'));
  await page.goto('/');
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.reload();

  const fixture = makeUnitFiles({ units: 12, recordsPerFile: 40 }) as Fixture;
  // One unit sent after the deadline.
  const lateFile = JSON.parse(fixture.files[11]!.text);
  lateFile.exportedAt = '2027-07-03T03:00:00.000Z';
  const files: UnitFile[] = [
    ...fixture.files.slice(0, 11),
    { name: fixture.files[11]!.name, text: JSON.stringify(lateFile) },
    malformedFile() as UnitFile,
    badRecordFile() as UnitFile,
  ];
  const payload = (list: UnitFile[]) =>
    list.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) }));

  await page.getByRole('link', { name: 'Thống kê', exact: true }).click();
  await page.getByRole('link', { name: 'Tổng hợp tệp số liệu của các đơn vị →' }).click();
  await page.getByLabel('Tên kỳ báo cáo *').fill('Báo cáo 6 tháng đầu năm 2027');
  await page.getByLabel('Đơn vị tổng hợp (đơn vị của bạn)').fill('Công đoàn KCN Quang Châu');
  await expect(page.getByLabel('Loại đơn vị tổng hợp')).toHaveValue('industrial-zone');
  await page.getByLabel('Hạn gửi *').fill('2027-06-15');
  await page.getByRole('button', { name: 'Tạo kỳ báo cáo' }).click();
  await expect(page.getByText('Hạn gửi ở trước ngày kết thúc kỳ báo cáo.')).toBeVisible();
  await expect(page.getByLabel('Hạn gửi *')).toBeFocused();
  await page.getByLabel('Hạn gửi *').fill('2027-07-01');
  await page
    .getByLabel('Các đơn vị phải gửi (mỗi dòng một tên)')
    .fill([...fixture.unitNames, 'Công ty CP Cơ khí Việt Yên'].join('\n'));
  await page.getByRole('button', { name: 'Tạo kỳ báo cáo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Báo cáo 6 tháng đầu năm 2027');

  await page.getByLabel('Chọn tệp…').setInputFiles(payload(files));
  const outcomes = page.locator('.outcomes');
  await expect(outcomes).toContainText('Đã nhận 12 tệp, từ chối 2 tệp.');
  await expect(outcomes.getByRole('listitem').filter({ hasText: 'hong.json' })).toContainText(
    'bị từ chối: tệp không đọc được như JSON',
  );
  await expect(outcomes.getByRole('listitem').filter({ hasText: badRecordFile().name })).toContainText(
    '1 bản ghi không hợp lệ (bản ghi đầu tiên bị lỗi: số',
  );

  // The totals are exactly the fixture's.
  const total = (key: string) => page.locator(`[data-total="${key}"]`);
  const expectTotals = async () => {
    await expect(total('records')).toHaveText(fixture.totals.records.toLocaleString('vi-VN'));
    await expect(total('participants')).toHaveText(fixture.totals.participants.toLocaleString('vi-VN'));
    await expect(total('women')).toHaveText(fixture.totals.women.toLocaleString('vi-VN'));
    await expect(total('sessions')).toHaveText(fixture.totals.sessions.toLocaleString('vi-VN'));
  };
  await expectTotals();
  const totalsTable = page.getByRole('table', { name: 'Số liệu cộng theo đơn vị trong kỳ' });
  const minhAnh = fixture.totals.byUnit['Công ty TNHH May Minh Anh']!;
  await expect(totalsTable.getByRole('row', { name: /^Công ty TNHH May Minh Anh/ }).first()).toContainText(
    minhAnh.participants.toLocaleString('vi-VN'),
  );
  await expect(
    totalsTable.getByRole('row', { name: /Công ty TNHH May Minh Anh › Phân xưởng 1/ }),
  ).toBeVisible();
  await expect(
    page.getByText('11 đơn vị gửi đúng hạn, 1 gửi muộn, 1 chưa gửi (trong 13 đơn vị phải gửi).'),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /Công ty CP Cơ khí Việt Yên/ })).toContainText('Chưa gửi');
  await expect(page.getByRole('row', { name: new RegExp(fixture.unitNames[11]!) }).first()).toContainText(
    'Muộn',
  );
  await expectNoAxeViolations(page);

  // The roll-up tables, and the union's own file for the level above, holding every unit's records.
  const tables = await download(page, 'Tải bảng tổng hợp (XLSX)');
  const [statusSheet, totalsSheet] = await readXlsxFile(tables.path);
  expect(statusSheet?.data).toContainEqual(['Công ty CP Cơ khí Việt Yên', 'Chưa gửi', null, 0]);
  expect(totalsSheet?.data.at(-1)).toEqual([
    'Tổng cộng',
    null,
    fixture.totals.records,
    fixture.totals.sessions,
    fixture.totals.participants,
    fixture.totals.women,
    0,
  ]);
  const upward = await download(page, 'Tải tệp gửi cấp trên của Công đoàn KCN Quang Châu (JSON)');
  const upwardFile = JSON.parse(readFileSync(upward.path, 'utf8'));
  expect(upwardFile.exportingUnit.name).toBe('Công đoàn KCN Quang Châu');
  expect(upwardFile.records).toHaveLength(fixture.totals.records);
  expect(upwardFile.figures.participants).toBe(fixture.totals.participants);
  // The union's statistics add its units in.
  await page.goto('/#/statistics');
  await page.getByLabel('Đơn vị (gồm đơn vị trực thuộc)').selectOption({ label: 'Công đoàn KCN Quang Châu' });
  await expect(figure(page, 'participants')).toHaveText(fixture.totals.participants.toLocaleString('vi-VN'));
  await page.goBack();

  // The same file again is refused and nothing changes.
  await page.getByLabel('Chọn tệp…').setInputFiles(payload([fixture.files[0]!]));
  await expect(outcomes).toContainText('Đã nhận 0 tệp, từ chối 1 tệp.');
  await expect(outcomes).toContainText('tệp này đã được nhập rồi');
  await expectTotals();

  // A newer edit of one record replaces the older one; the unchanged ones stay as they were.
  const edited = JSON.parse(fixture.files[0]!.text);
  const record = edited.records.find((r: { kind: string }) => r.kind === 'session');
  record.participants += 5;
  record.updatedAt = '2027-07-02T01:00:00.000Z';
  edited.exportedAt = '2027-07-02T01:00:00.000Z';
  await page
    .getByLabel('Chọn tệp…')
    .setInputFiles(payload([{ name: 'sua-lai.json', text: JSON.stringify(edited) }]));
  await expect(outcomes).toContainText('(0 mới, 1 được cập nhật)');
  const participants = fixture.totals.participants + 5;
  await expect(total('participants')).toHaveText(participants.toLocaleString('vi-VN'));
  await expect(total('records')).toHaveText(fixture.totals.records.toLocaleString('vi-VN'));

  // Back up, clear the device, restore: the round and its totals are back.
  await page.goto('/#/settings');
  const backup = await download(page, 'Tải bản sao lưu');
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const request = indexedDB.deleteDatabase('chung-tay');
        request.onsuccess = request.onerror = request.onblocked = () => resolve(null);
      }),
  );
  await page.goto('/#/rollups');
  await page.reload();
  await expect(page.getByText('Chưa có kỳ báo cáo nào.', { exact: false })).toBeVisible();
  await page.goto('/#/settings');
  await page.getByLabel('Tệp sao lưu (.json)').setInputFiles(backup.path);
  await page.getByRole('button', { name: 'Khôi phục từ tệp' }).click();
  // A restore reloads the page when it is done: wait for that reload before going on.
  const reloaded = page.waitForEvent('load');
  await page
    .getByRole('dialog', { name: 'Thay toàn bộ dữ liệu trên thiết bị này?' })
    .getByRole('button', { name: 'Thay bằng bản sao lưu' })
    .click();
  await reloaded;
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/#/rollups');
  await page.getByRole('link', { name: 'Báo cáo 6 tháng đầu năm 2027' }).click();
  await expect(total('participants')).toHaveText(participants.toLocaleString('vi-VN'));
  await expect(total('records')).toHaveText(fixture.totals.records.toLocaleString('vi-VN'));
  await expect(
    page.getByText('11 đơn vị gửi đúng hạn, 1 gửi muộn, 1 chưa gửi', { exact: false }),
  ).toBeVisible();
});

test('A receiving union refuses files that overstep their sender: one that renames the union, one from the future, one with no sender among its units; the figures do not move', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date('2027-07-05T09:00:00+07:00'));
  await page.goto('/#/rollups');
  await page.getByLabel('Tên kỳ báo cáo *').fill('Báo cáo 6 tháng đầu năm 2027');
  await page.getByLabel('Đơn vị tổng hợp (đơn vị của bạn)').fill('Công đoàn KCN Quang Châu');
  await page.getByLabel('Hạn gửi *').fill('2027-07-01');
  await page.getByRole('button', { name: 'Tạo kỳ báo cáo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Báo cáo 6 tháng đầu năm 2027');

  const fixture = makeUnitFiles({ units: 4, recordsPerFile: 10 }) as Fixture;
  const payload = (list: UnitFile[]) =>
    list.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) }));
  const outcomes = page.locator('.outcomes');
  await page.getByLabel('Chọn tệp…').setInputFiles(payload(fixture.files.slice(0, 1)));
  await expect(outcomes).toContainText('Đã nhận 1 tệp, từ chối 0 tệp.');
  const before = await page.locator('[data-total="participants"]').textContent();

  // The union's own id, as a sender could learn it from a file the union sent upward.
  const union = await page.evaluate(
    () =>
      new Promise<{ id: string; createdAt: string }>((resolve, reject) => {
        const open = indexedDB.open('chung-tay');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('units').objectStore('units').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result.find((u: { name: string }) => u.name === 'Công đoàn KCN Quang Châu'));
          };
        };
      }),
  );
  const hijack = JSON.parse(fixture.files[1]!.text);
  hijack.units.push({
    id: union.id,
    name: 'Đơn vị đã bị đổi tên',
    kind: 'union',
    parentId: hijack.exportingUnit.id,
    createdAt: union.createdAt,
    updatedAt: '2027-07-05T12:00:00.000Z',
  });
  const future = JSON.parse(fixture.files[2]!.text);
  future.records[0].updatedAt = '2099-01-01T00:00:00.000Z';
  const senderless = JSON.parse(fixture.files[3]!.text);
  senderless.units = senderless.units.filter((u: { id: string }) => u.id !== senderless.exportingUnit.id);
  senderless.records = [];
  await page.getByLabel('Chọn tệp…').setInputFiles(
    payload([
      { name: 'doi-ten.json', text: JSON.stringify(hijack) },
      { name: 'tuong-lai.json', text: JSON.stringify(future) },
      { name: 'khong-don-vi-gui.json', text: JSON.stringify(senderless) },
    ]),
  );
  await expect(outcomes).toContainText('Đã nhận 0 tệp, từ chối 3 tệp.');
  const line = (name: string) => outcomes.getByRole('listitem').filter({ hasText: name });
  await expect(line('doi-ten.json')).toContainText(
    'tệp định sửa “Công đoàn KCN Quang Châu”, là đơn vị tổng hợp hoặc cấp trên của nó.',
  );
  await expect(line('tuong-lai.json')).toContainText(
    'tệp có thời điểm muộn hơn đồng hồ của thiết bị này quá một ngày (đồng hồ của thiết bị này đang chỉ ngày 05/07/2027)',
  );
  await expect(line('khong-don-vi-gui.json')).toContainText(
    'đơn vị gửi không có trong danh sách đơn vị của tệp',
  );
  await expect(page.getByText('Đơn vị tổng hợp: Công đoàn KCN Quang Châu', { exact: false })).toBeVisible();
  await expect(page.locator('[data-total="participants"]')).toHaveText(before ?? '');
});
