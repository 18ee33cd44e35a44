import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { expect, test } from './test';
import { expectNoAxeViolations, waitForOfflineReady } from './helpers';
import { readPdf, squash } from './pdf';

const school = 'Trường THCS Võ Cường';
const year = '2026–2027';

/*
 * The school, worked out by hand.
 * Grade 6, by range: 6A1–6A6, 35 each = 210 students.
 * Grades 7–9, from tests/fixtures/lop-hoc-thcs.xlsx:
 *   7A1–7A6: 40 41 39 42 38 40 = 240;  8A1–8A6: 36 37 35 38 36 34 = 216;  9A1–9A6: 33 35 34 32 36 30 = 200.
 * 24 classes, 866 students.
 *
 * 1. 07/09 flag salute, whole grade 6, students left empty → its enrolled total, 210: all of grade 6.
 * 2. 15/10 extracurricular, 6A1 7A1 7A2 7A3 (35+40+41+39 = 155 enrolled), 150 students, split by
 *    enrollment in whole students: 150×35/155 = 33.87, ×40 = 38.71, ×41 = 39.68, ×39 = 37.74 → floors
 *    33 38 39 37 = 147, the 3 left go to the largest remainders (6A1 .87, 7A3 .74, 7A1 .71):
 *    6A1 34, 7A1 39, 7A2 39, 7A3 38. 6A1 counts once, with the most any activity reached: 35.
 * 3. 10/11 talk, whole grade 9 (200 enrolled), 180 students: ×0.9 = 29.7 31.5 30.6 28.8 32.4 27 →
 *    floors 29 31 30 28 32 27 = 177, 3 left to 9A4 .8, 9A1 .7, 9A3 .6 → 30 31 31 29 32 27 = 180.
 * 4. 18/11 a session for class 8A1 through the session flow, 30 participants (of 36).
 *
 * Grade 6: 6/6 classes (100%), 210/210 students (100%).
 * Grade 7: 3/6 (50%), 39+39+38 = 116/240 (48.3%).
 * Grade 8: 1/6 (16.7%), 30/216 (13.9%).
 * Grade 9: 6/6 (100%), 180/200 (90%).
 * School: 16/24 classes (66.7%), 210+116+30+180 = 536/866 students (61.9%).
 * Not reached: 7A4 7A5 7A6 8A2 8A3 8A4 8A5 8A6 (8).
 */
const expected = {
  grades: [
    { grade: 'Khối 6', cells: ['6/6', '100%', '210/210', '100%'], csv: [6, 6, 6, 100, 210, 210, 100] },
    { grade: 'Khối 7', cells: ['3/6', '50%', '116/240', '48%'], csv: [7, 6, 3, 50, 240, 116, 48.3] },
    { grade: 'Khối 8', cells: ['1/6', '17%', '30/216', '14%'], csv: [8, 6, 1, 16.7, 216, 30, 13.9] },
    { grade: 'Khối 9', cells: ['6/6', '100%', '180/200', '90%'], csv: [9, 6, 6, 100, 200, 180, 90] },
  ],
  school: { cells: ['16/24', '67%', '536/866', '62%'], csv: [24, 16, 66.7, 866, 536, 61.9] },
  notReached: ['7A4', '7A5', '7A6', '8A2', '8A3', '8A4', '8A5', '8A6'],
};

async function openRecordActivity(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Ghi hoạt động' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Ghi hoạt động tại ${school}` })).toBeVisible();
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lưu hoạt động' }).click();
  await expect(page.getByRole('heading', { level: 1, name: school })).toBeVisible();
}

test('A THCS school sets up 24 classes by range and from a spreadsheet, records its activities offline, and its coverage, exports and A4 report show the figures worked out by hand', async ({
  page,
  context,
}) => {
  await page.clock.setFixedTime(new Date('2026-11-20T10:00:00+07:00'));
  await page.goto('/');
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.reload();

  // Set up the school.
  await page.getByRole('link', { name: 'Trường học' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Trường học và độ phủ/ })).toBeVisible();
  await expect(page.getByText('Chưa có trường nào.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Thêm trường' }).click();
  await expect(page.getByText('Hãy nhập tên trường.')).toBeVisible();
  await expect(page.getByText('Hãy chọn cấp học.')).toBeVisible();
  await expect(page.getByLabel('Tên trường *')).toBeFocused();
  await page.getByLabel('Tên trường *').fill(school);
  await page.getByLabel('Cấp học *').selectOption({ label: 'Trung học cơ sở (THCS)' });
  await page.getByLabel('Xã, phường').fill('Phường Võ Cường');
  await expect(page.getByLabel('Ngày bắt đầu năm học *')).toHaveValue('2026-09-01');
  await expect(page.getByLabel('Ngày kết thúc năm học *')).toHaveValue('2027-05-31');
  await page.getByLabel('Ngày kết thúc năm học *').fill('2026-08-01');
  await page.getByRole('button', { name: 'Thêm trường' }).click();
  await expect(page.getByText('Ngày kết thúc phải sau ngày bắt đầu.')).toBeVisible();
  await page.getByLabel('Ngày kết thúc năm học *').fill('2027-05-31');
  await page.getByLabel('Ngày bắt đầu năm học *').fill('2026-09-05');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Thêm trường' }).click();
  await expect(page.getByRole('heading', { level: 1, name: school })).toBeVisible();
  await expect(page.getByText(`Năm học ${year} (05/09/2026 – 31/05/2027)`, { exact: false })).toBeVisible();
  await expect(
    page.getByText('Chưa có số liệu: năm học này chưa có lớp nào.', { exact: false }),
  ).toBeVisible();

  // Grade 6 by range.
  await page.getByLabel('Lớp hoặc dãy lớp').fill('6A1–7A6');
  await page.getByLabel('Sĩ số mỗi lớp').fill('35');
  await page.getByRole('button', { name: 'Thêm các lớp' }).click();
  await expect(page.getByText('Hai đầu dãy phải cùng phần đầu', { exact: false })).toBeVisible();
  await page.getByLabel('Lớp hoặc dãy lớp').fill('6A1–6A6');
  await page.getByRole('button', { name: 'Thêm các lớp' }).click();
  await expect(page.getByText('Đã thêm 6 lớp: 6A1, 6A2, 6A3, 6A4, 6A5, 6A6.')).toBeVisible();
  await expect(page.getByText('0%', { exact: true }).first()).toBeVisible();

  // A faulty list: nothing is imported, every problem is shown with its row.
  await page.getByLabel('Chọn tệp (CSV, XLSX)').setInputFiles('tests/fixtures/lop-hoc-loi.csv');
  await page.getByRole('button', { name: 'Nhập danh sách' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'Chưa nhập lớp nào' });
  await expect(refused).toContainText('danh sách có 4 lỗi cần sửa');
  for (const problem of [
    'Dòng 3: chưa có tên lớp.',
    'Dòng 4: sĩ số “ba mươi” không phải là một số nguyên.',
    'Dòng 5: lớp 7B1 trùng với dòng 2.',
    'Dòng 6: sĩ số không thể là số âm.',
  ]) {
    await expect(refused.getByRole('listitem').filter({ hasText: problem })).toHaveCount(1);
  }
  const classTable = page.getByRole('table', { name: /Các lớp, số lần được tiếp cận/ });
  await expect(classTable.getByRole('row')).toHaveCount(1 + 6);

  // The school's spreadsheet: 18 classes of grades 7 to 9, under a title row.
  await page.getByLabel('Chọn tệp (CSV, XLSX)').setInputFiles('tests/fixtures/lop-hoc-thcs.xlsx');
  await page.getByRole('button', { name: 'Nhập danh sách' }).click();
  await expect(page.getByText('Đã nhập 18 lớp từ danh sách.')).toBeVisible();
  await expect(refused).toHaveCount(0);
  await expect(classTable.getByRole('row')).toHaveCount(1 + 24);
  await expect(page.getByText('0/24 lớp', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);

  // 1. A date outside the school year is warned about; grade 6 by its shortcut.
  await openRecordActivity(page);
  await page.getByRole('button', { name: 'Lưu hoạt động' }).click();
  await expect(page.getByText('Hãy chọn loại hoạt động.')).toBeVisible();
  await expect(page.getByText('Hãy chọn ít nhất một lớp.')).toBeVisible();
  await page.getByLabel('Loại hoạt động *').selectOption({ label: 'Sinh hoạt dưới cờ' });
  await page.getByLabel('Cả khối 6 (6 lớp)').check();
  await expect(page.getByText('Đã chọn 6 lớp, tổng sĩ số 210.')).toBeVisible();
  await page.getByLabel('Ngày *').fill('2026-08-28');
  await page.getByRole('button', { name: 'Lưu hoạt động' }).click();
  await expect(page.getByText('Ngày này nằm ngoài năm học 2026–2027', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Vẫn lưu hoạt động' })).toBeVisible();
  await page.getByLabel('Ngày *').fill('2026-09-07');
  await page.getByLabel('Người, đơn vị thực hiện').fill('Công an phường Võ Cường');
  await expectNoAxeViolations(page);
  await save(page);

  // 2. Four classes of two grades, fewer students than enrolled.
  await openRecordActivity(page);
  await page.getByLabel('Loại hoạt động *').selectOption({ label: 'Hoạt động ngoại khóa' });
  await page.getByLabel('Ngày *').fill('2026-10-15');
  for (const name of ['6A1', '7A1', '7A2', '7A3'])
    await page.getByRole('checkbox', { name: new RegExp(`^${name} `) }).check();
  await page.getByLabel('Số học sinh được tiếp cận').fill('150');
  await page.getByLabel('Người, đơn vị thực hiện').fill('Đoàn trường');
  await save(page);

  // 3. Grade 9, and a typed figure above its enrollment is refused first.
  await openRecordActivity(page);
  await page.getByLabel('Loại hoạt động *').selectOption({ label: 'Tọa đàm' });
  await page.getByLabel('Ngày *').fill('2026-11-10');
  await page.getByLabel('Cả khối 9 (6 lớp)').check();
  await page.getByLabel('Số học sinh được tiếp cận').fill('250');
  await page.getByRole('button', { name: 'Lưu hoạt động' }).click();
  await expect(page.getByText('Số học sinh nhiều hơn tổng sĩ số của các lớp đã chọn (200).')).toBeVisible();
  await page.getByLabel('Số học sinh được tiếp cận').fill('180');
  await save(page);

  // 4. A session for class 8A1, recorded through the session flow.
  await page.getByRole('link', { name: 'Buổi sinh hoạt' }).click();
  await page.getByRole('button', { name: 'Ghi nhận buổi sinh hoạt không theo kế hoạch' }).click();
  await page.getByLabel('Ngày tổ chức *').fill('2026-11-18');
  await page.getByLabel('Đơn vị *').fill(`8A1 (${school})`);
  await expect(page.getByText(`Đơn vị đã có trong danh sách, thuộc ${school}.`)).toBeVisible();
  await page.getByLabel('Đối tượng *').selectOption({ label: 'Học sinh THCS' });
  await page.getByLabel('Số người tham gia *').fill('30');
  await page.getByLabel('Thời lượng (phút) *').fill('45');
  await page.getByRole('button', { name: 'Lưu buổi sinh hoạt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /8A1/ })).toBeVisible();

  // The coverage, per grade and for the school.
  await page.getByRole('link', { name: 'Trường học' }).click();
  const listed = page.getByRole('row', { name: new RegExp(school) });
  await expect(listed).toContainText('67%');
  await expect(listed).toContainText('16/24 lớp');
  await expect(listed).toContainText('536/866 học sinh');
  await listed.getByRole('link', { name: school }).click();
  await expect(page.getByText('(16/24 lớp)', { exact: false })).toBeVisible();
  await expect(page.getByText('(536/866 học sinh)', { exact: false })).toBeVisible();
  const figures = page.getByRole('table', { name: `Độ phủ theo khối, năm học ${year}` });
  for (const { grade, cells } of expected.grades) {
    await expect(figures.getByRole('row', { name: new RegExp(`^${grade}`) }).getByRole('cell')).toHaveText(
      cells,
    );
  }
  await expect(figures.getByRole('row', { name: /^Toàn trường/ }).getByRole('cell')).toHaveText(
    expected.school.cells,
  );
  await expect(page.getByRole('img', { name: /so với mục tiêu 100%/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Lớp chưa được tiếp cận (8)' })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Lớp chưa được tiếp cận (8)' }).locator('+ ul li'),
  ).toHaveText(expected.notReached);
  // Activities per class: 6A1 was reached twice and counts its 35 students once.
  await expect(classTable.getByRole('row', { name: /^6A1/ }).getByRole('cell')).toHaveText([
    '6',
    '35',
    '07/09/2026, 15/10/2026',
    '35',
    'Bỏ lớp',
  ]);
  await expectNoAxeViolations(page);

  // CSV: opens in Excel (byte-order mark), Vietnamese intact, figures as plain numbers.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải CSV' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toBe('do-phu-truong-thcs-vo-cuong-2026-2027.csv');
  const csvText = readFileSync(await csv.path(), 'utf8');
  expect(csvText.startsWith('\uFEFF')).toBe(true);
  const csvRows = Papa.parse<string[]>(csvText.slice(1), { skipEmptyLines: false }).data;
  expect(csvRows[0]).toEqual([
    'Trường',
    'Năm học',
    'Khối',
    'Số lớp',
    'Số lớp đã tiếp cận',
    'Tỷ lệ lớp (%)',
    'Sĩ số',
    'Số học sinh đã tiếp cận',
    'Tỷ lệ học sinh (%)',
  ]);
  // Shares are whole percents in the CSV (a spreadsheet set to Vietnamese reads "48.3" as text).
  const csvRow = (values: readonly number[]) => {
    const [classes, reached, classShare, enrolled, students, studentShare] = values;
    return [classes, reached, Math.round(classShare!), enrolled, students, Math.round(studentShare!)].map(
      String,
    );
  };
  expected.grades.forEach(({ csv: values }, i) => {
    const [grade, ...figures] = values;
    expect(csvRows[i + 1]).toEqual([school, year, String(grade), ...csvRow(figures)]);
  });
  expect(csvRows[5]).toEqual([school, year, 'Toàn trường', ...csvRow(expected.school.csv)]);

  // XLSX: two sheets, numeric cells, Vietnamese headers.
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải XLSX' }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toBe('do-phu-truong-thcs-vo-cuong-2026-2027.xlsx');
  const sheets = await readXlsxFile(await xlsx.path());
  expect(sheets.map((s) => s.sheet)).toEqual(['Độ phủ theo khối', 'Các lớp']);
  const [summary, perClass] = sheets.map((s) => s.data);
  expect(summary?.[0]?.[7]).toBe('Số học sinh đã tiếp cận');
  expected.grades.forEach(({ csv: values }, i) =>
    expect(summary?.[i + 1]).toEqual([school, year, ...values]),
  );
  expect(summary?.[5]).toEqual([school, year, 'Toàn trường', ...expected.school.csv]);
  expect(typeof summary?.[5]?.[8]).toBe('number');
  expect(perClass).toHaveLength(1 + 24);
  const row6A1 = perClass?.find((row) => row[3] === '6A1');
  expect(row6A1?.slice(0, 8)).toEqual([school, year, 6, '6A1', 35, 2, 35, 'Có']);
  expect(perClass?.find((row) => row[3] === '8A6')?.slice(5, 8)).toEqual([0, 0, 'Chưa']);

  // The printed report: one A4 page with the figures and the classes still to reach.
  await page.emulateMedia({ media: 'print' });
  const pages = await readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(pages).toHaveLength(1);
  expect(Math.round(pages[0]!.width)).toBe(595);
  expect(Math.round(pages[0]!.height)).toBe(842);
  const text = squash(pages[0]!.text);
  expect(text).toContain('BÁO CÁO ĐỘ PHỦ GIÁO DỤC PHÒNG, CHỐNG MA TÚY');
  expect(text).toContain(`Năm học ${year}`);
  expect(text).toContain(school);
  expect(text).toContain('Phường Võ Cường');
  expect(text).toContain('Toàn trường 16/24 67% 536/866 62%');
  expect(text).toContain('Khối 7 3/6 50% 116/240 48%');
  expect(text).toContain(`Lớp chưa được tiếp cận (8) ${expected.notReached.join(', ')}`);
  expect(text).not.toContain('Tải XLSX');
});

test('A class list pasted from a spreadsheet is added, and removing a class keeps it in the figures only once it was reached', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date('2027-02-10T10:00:00+07:00'));
  await page.goto('/#/schools');
  await page.getByLabel('Tên trường *').fill('Trường THPT Hàn Thuyên');
  await page.getByLabel('Cấp học *').selectOption({ label: 'Trung học phổ thông (THPT)' });
  await page.getByRole('button', { name: 'Thêm trường' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trường THPT Hàn Thuyên' })).toBeVisible();

  // Cells copied from Excel arrive tab-separated.
  await page
    .getByLabel('Hoặc dán các ô từ bảng tính')
    .fill('Tên lớp\tKhối\tSĩ số\n10A1\t10\t45\n10A2\t10\t44\n11A1\t11\t42\n');
  await page.getByRole('button', { name: 'Nhập danh sách' }).click();
  await expect(page.getByText('Đã nhập 3 lớp từ danh sách.')).toBeVisible();
  await expect(page.getByText('(0/131 học sinh)', { exact: false })).toBeVisible();

  await page.getByRole('link', { name: 'Ghi hoạt động' }).click();
  await page
    .getByLabel('Loại hoạt động *')
    .selectOption({ label: 'Câu lạc bộ “Tuổi trẻ phòng, chống ma túy”' });
  await page.getByRole('checkbox', { name: /^10A1 / }).check();
  await page.getByRole('button', { name: 'Lưu hoạt động' }).click();
  await expect(page.getByText('(45/131 học sinh)', { exact: false })).toBeVisible();

  // 10A1 was reached: it stays, marked removed. 11A1 was not: it goes.
  await page.getByRole('button', { name: 'Bỏ lớp 10A1' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Bỏ lớp' }).click();
  await expect(page.getByText('Đã bỏ lớp 10A1; lớp vẫn được tính', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Bỏ lớp 11A1' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Bỏ lớp' }).click();
  await expect(page.getByText('Đã xóa lớp 11A1 khỏi danh sách.')).toBeVisible();
  await expect(page.getByText('(1/2 lớp)', { exact: false })).toBeVisible();
  await expect(page.getByText('(45/89 học sinh)', { exact: false })).toBeVisible();
  await page.reload();
  await expect(page.getByText('(45/89 học sinh)', { exact: false })).toBeVisible();
  await expect(page.getByRole('row', { name: /^10A1/ })).toContainText('đã bỏ ngày 10/02/2027');
  await expect(page.getByRole('row', { name: /^11A1/ })).toHaveCount(0);
});

test('A class list saved in Windows-1258 is refused with its encoding named, and the same list in UTF-16 keeps its Vietnamese names', async ({
  page,
}) => {
  await page.goto('/#/schools');
  await page.getByLabel('Tên trường *').fill('Trường THPT Nguyễn Trãi');
  await page.getByLabel('Cấp học *').selectOption({ label: 'Trung học phổ thông (THPT)' });
  await page.getByRole('button', { name: 'Thêm trường' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trường THPT Nguyễn Trãi' })).toBeVisible();

  // Excel's "CSV" on a Vietnamese Windows: 8-bit Windows-1258, not UTF-8.
  await page.getByLabel('Chọn tệp (CSV, XLSX)').setInputFiles('tests/fixtures/lop-hoc-windows-1258.csv');
  await page.getByRole('button', { name: 'Nhập danh sách' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'Chưa nhập lớp nào' });
  await expect(refused.getByRole('listitem')).toHaveText([
    'Tệp này mã hóa Windows-1258, không phải UTF-8: mở trong Excel, chọn Lưu thành… CSV UTF-8 (phân cách bằng dấu phẩy), rồi nhập lại.',
  ]);
  await expect(page.getByRole('heading', { name: /Chưa nhập lớp nào/ })).toBeFocused();

  // Excel's "Unicode Text": UTF-16 with a byte-order mark, tab-separated.
  await page.getByLabel('Chọn tệp (CSV, XLSX)').setInputFiles('tests/fixtures/lop-hoc-utf16.csv');
  await page.getByRole('button', { name: 'Nhập danh sách' }).click();
  await expect(page.getByText('Đã nhập 4 lớp từ danh sách.')).toBeVisible();
  await expect(refused).toHaveCount(0);
  const classTable = page.getByRole('table', { name: /Các lớp, số lần được tiếp cận/ });
  for (const name of ['10 Chuyên Toán', '10 Chuyên Ngữ văn', '11 Song ngữ Tiếng Anh', '12 Đội tuyển Lịch sử'])
    await expect(classTable.getByRole('row', { name: new RegExp(`^${name}`) })).toHaveCount(1);
  await expect(page.getByText('(0/125 học sinh)', { exact: false })).toBeVisible();
});
