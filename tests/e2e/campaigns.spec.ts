import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { expect, test } from './test';
import { expectNoAxeViolations, waitForOfflineReady } from './helpers';
import { readPdf, squash } from './pdf';

const unit = 'UBND phường Võ Cường';
const theme = 'Chung tay vì phường Võ Cường không ma túy';

/** Records a worker session through the session flow. */
async function recordSession(page: Page, date: string, participants: number): Promise<void> {
  await page.getByRole('link', { name: 'Buổi sinh hoạt', exact: true }).click();
  await page.getByRole('button', { name: 'Ghi nhận buổi sinh hoạt không theo kế hoạch' }).click();
  await page.getByLabel('Ngày tổ chức *').fill(date);
  await page.getByLabel('Đơn vị *').fill('Công ty TNHH May Minh Anh');
  await page.getByLabel('Đối tượng *').selectOption({ label: 'Công nhân, người lao động' });
  await page.getByLabel('Số người tham gia *').fill(String(participants));
  await page.getByLabel('Thời lượng (phút) *').fill('45');
  await page.getByRole('button', { name: 'Lưu buổi sinh hoạt' }).click();
  await expect(page.getByText(`${participants} người tham gia`)).toBeVisible();
}

/*
 * Worked out by hand. Logged: the launch on 02/06 (320 people, 10 banners, 500 leaflets), the
 * banners on 05/06 (25 banners, nobody counted) and the contest on 20/06 (150 people, 2
 * articles). Sessions: 10/06 with 37 and 12/06 with 42 workers; the one of 31/05 (20) is
 * outside the campaign. Five activities: 3 + 2; people 320 + 0 + 150 + 37 + 42 = 549;
 * banners 35; leaflets 500; articles 2; sessions held 2.
 */
test('A ward plans the 2027 action month, logs it, and its report counts every activity once, in print, .docx and the annex', async ({
  page,
  context,
}) => {
  await page.clock.setFixedTime(new Date('2027-06-28T09:00:00+07:00'));
  await page.goto('/');
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.reload();

  // Two sessions in June and one just before it, through the session flow.
  await recordSession(page, '2027-06-10', 37);
  await recordSession(page, '2027-06-12', 42);
  await recordSession(page, '2027-05-31', 20);

  // Set up the campaign: the theme is typed; past themes are only references.
  await page.getByRole('link', { name: 'Tháng hành động', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Tháng hành động phòng, chống ma túy' }),
  ).toBeVisible();
  await expect(page.getByLabel('Năm *')).toHaveValue('2027');
  await expect(page.getByLabel('Chủ đề *')).toHaveValue('');
  await expect(page.getByLabel('Bắt đầu *')).toHaveValue('2027-06-01');
  await expect(page.getByLabel('Ngày toàn dân phòng, chống ma túy *')).toHaveValue('2027-06-26');
  await expect(page.getByLabel('Hạn gửi báo cáo *')).toHaveValue('2027-07-01');
  await page.getByText('Chủ đề các năm trước (chỉ để tham khảo)').click();
  await expect(page.getByText('2025: “Chung một quyết tâm – Vì cộng đồng không ma túy”')).toBeVisible();
  await page.getByLabel('Đơn vị thực hiện *').fill(unit);
  await page.getByLabel('Loại đơn vị').selectOption({ label: 'Xã, phường' });
  await page.getByLabel('Số văn bản').fill('45/BC-UBND');
  await page.getByLabel('Địa danh (ghi ở dòng ngày tháng)').fill('Võ Cường');
  await page.getByLabel('Gửi đến *').fill('Ban Chỉ đạo thành phố Bắc Ninh');
  await page.getByLabel('Hạn gửi báo cáo *').fill('2027-06-25');
  await page.getByRole('button', { name: 'Lập Tháng hành động' }).click();
  await expect(page.getByText('Hãy nhập chủ đề của năm.')).toBeVisible();
  await expect(
    page.getByText('Hạn gửi báo cáo không thể trước ngày kết thúc Tháng hành động.'),
  ).toBeVisible();
  await expect(page.getByLabel('Chủ đề *')).toBeFocused();
  await page.getByLabel('Chủ đề *').fill(theme);
  await page.getByLabel('Hạn gửi báo cáo *').fill('2027-07-01');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Lập Tháng hành động' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Tháng hành động phòng, chống ma túy năm 2027' }),
  ).toBeVisible();
  await expect(page.getByText('Ngày toàn dân phòng, chống ma túy đã qua 2 ngày')).toBeVisible();
  await expect(page.getByText('Còn 3 ngày đến hạn gửi báo cáo')).toBeVisible();

  // The June sessions already count: the May one does not.
  await expect(
    page
      .getByRole('region', { name: 'Kết quả đến nay' })
      .getByRole('listitem')
      .filter({ hasText: 'lượt người' }),
  ).toHaveText('79 lượt người tham gia');

  // Plan five activities from the templates.
  const plan: Array<[string, string, string, string?]> = [
    ['Lễ phát động, mít tinh', 'Lễ phát động, mít tinh', '2027-06-02', 'UBND phường'],
    ['Băng-rôn, khẩu hiệu, pa-nô', 'Treo băng-rôn trên các tuyến phố', '2027-06-05'],
    ['Tuyên truyền cho công nhân, người lao động', 'Tuyên truyền tại KCN', '2027-06-10'],
    ['Cuộc thi tìm hiểu', 'Cuộc thi tìm hiểu pháp luật', '2027-06-20', 'Đoàn phường'],
    ['Tổ công tác tuyên truyền đến từng hộ gia đình', 'Đến từng hộ ở khu phố 3', '2027-06-28'],
  ];
  await page.getByLabel('Loại hoạt động *').first().selectOption({ label: plan[0]![0] });
  await page.getByLabel('Ngày *').first().fill('2027-07-05');
  await page.getByRole('button', { name: 'Thêm vào kế hoạch' }).click();
  await expect(page.getByText('Ngày này nằm ngoài thời gian Tháng hành động.')).toBeVisible();
  for (const [template, title, date, owner] of plan) {
    await page.locator('#planned-template').selectOption({ label: template });
    await page.locator('#planned-title').fill(title);
    await page.locator('#planned-date').fill(date);
    if (owner) await page.locator('#planned-owner').fill(owner);
    await page.getByRole('button', { name: 'Thêm vào kế hoạch' }).click();
    await expect(page.getByRole('row', { name: new RegExp(title) })).toBeVisible();
  }
  const checklist = page.getByRole('table', { name: 'Danh sách việc' });
  await expect(checklist.getByRole('row')).toHaveCount(1 + 5);
  // Today's view shows what is due.
  await expect(
    page.getByRole('region', { name: /Hôm nay/ }).getByText('Đến từng hộ ở khu phố 3'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Lịch' }).click();
  const calendar = page.getByRole('table', { name: 'Lịch' });
  await expect(calendar.getByRole('cell', { name: /^20 Cuộc thi tìm hiểu pháp luật/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Danh sách việc' }).click();

  // Log three of them.
  await page.getByRole('button', { name: 'Ghi kết quả: Lễ phát động, mít tinh' }).click();
  await expect(page.locator('#log-title')).toHaveValue('Lễ phát động, mít tinh');
  await page.getByLabel('Số người tham gia').fill('320');
  await page.getByLabel('Băng-rôn, khẩu hiệu đã treo').fill('10');
  await page.getByLabel('Tờ rơi đã phát').fill('-5');
  await page.getByRole('button', { name: 'Lưu kết quả' }).click();
  await expect(page.getByText('Số này không thể âm.')).toBeVisible();
  await page.getByLabel('Tờ rơi đã phát').fill('500');
  await page.getByRole('button', { name: 'Lưu kết quả' }).click();
  await expect(page.getByText('Đã lưu kết quả: Lễ phát động, mít tinh.')).toBeVisible();
  await expect(page.getByLabel('Tình trạng: Lễ phát động, mít tinh')).toHaveValue('done');

  await page.getByRole('button', { name: 'Ghi kết quả: Treo băng-rôn trên các tuyến phố' }).click();
  await page.getByLabel('Băng-rôn, khẩu hiệu đã treo').fill('25');
  await page.getByRole('button', { name: 'Lưu kết quả' }).click();
  await expect(page.getByText('Đã lưu kết quả: Treo băng-rôn trên các tuyến phố.')).toBeVisible();

  await page.getByRole('button', { name: 'Ghi kết quả: Cuộc thi tìm hiểu pháp luật' }).click();
  await page.getByLabel('Số người tham gia').fill('150');
  await page.getByLabel('Tin, bài, lượt phát thanh').fill('2');
  await page.getByRole('button', { name: 'Lưu kết quả' }).click();
  await expect(page.getByText('Đã lưu kết quả: Cuộc thi tìm hiểu pháp luật.')).toBeVisible();

  const results = page.getByRole('region', { name: 'Kết quả đến nay' });
  await expect(results.getByRole('listitem').filter({ hasText: 'lượt người tham gia' })).toHaveText(
    '549 lượt người tham gia',
  );
  await expect(results.getByRole('listitem').filter({ hasText: 'buổi sinh hoạt đã ghi nhận' })).toHaveText(
    '2 buổi sinh hoạt đã ghi nhận',
  );

  // The report: totals filled in, the narrative written here.
  await page.getByRole('link', { name: 'Báo cáo kết quả' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Báo cáo kết quả Tháng hành động năm 2027' }),
  ).toBeVisible();
  await page.getByLabel('Ngày báo cáo').fill('2027-06-30');
  await page.getByLabel('Ngày báo cáo').blur();
  await page
    .getByLabel('Đánh giá chung')
    .fill('Các hoạt động được tổ chức đúng kế hoạch, thu hút đông người dân.');
  await page.getByLabel('Khó khăn, vướng mắc').fill('Kinh phí in tài liệu còn hạn chế.');
  await page.getByLabel('Khó khăn, vướng mắc').blur();
  await expect(page.getByText('Đã lưu.')).toBeVisible();
  const documentView = page.getByRole('article', { name: 'Bản báo cáo' });
  await expect(documentView).toContainText('Võ Cường, ngày 30 tháng 6 năm 2027');
  await expect(documentView).toContainText(`chủ đề “${theme}”`);
  await expect(documentView).toContainText('từ ngày 01/6/2027 đến ngày 30/6/2027');
  await expect(documentView).toContainText('đã tổ chức 5 hoạt động với 549 lượt người tham gia.');
  await expect(documentView).toContainText('- Tổ chức 2 buổi tuyên truyền, sinh hoạt;');
  await expect(documentView).toContainText('- Treo 35 băng-rôn, khẩu hiệu, pa-nô;');
  await expect(documentView).toContainText('- Phát 500 tờ rơi;');
  await expect(documentView).toContainText('- Đăng, phát 2 tin, bài.');
  const summary = documentView.getByRole('table');
  await expect(summary.getByRole('row', { name: /Buổi sinh hoạt, tuyên truyền/ })).toHaveText(
    /^4\s*Buổi sinh hoạt, tuyên truyền\s*2\s*79$/,
  );
  await expect(summary.getByRole('row').last()).toHaveText(/Tổng cộng\s*5\s*549/);
  await expectNoAxeViolations(page);
  // A reload keeps the narrative.
  await page.reload();
  await expect(page.getByLabel('Khó khăn, vướng mắc')).toHaveValue('Kinh phí in tài liệu còn hạn chế.');

  // .docx: the document's XML holds the unit, the theme and the totals.
  const docxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải .docx (Word)' }).click();
  const docx = await docxDownload;
  expect(docx.suggestedFilename()).toBe('bao-cao-thang-hanh-dong-2027-ubnd-phuong-vo-cuong.docx');
  const files = unzipSync(new Uint8Array(readFileSync(await docx.path())));
  expect(Object.keys(files)).toContain('word/document.xml');
  const xml = strFromU8(files['word/document.xml']!);
  const text = xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"');
  expect(text).toContain('UBND PHƯỜNG VÕ CƯỜNG');
  expect(text).toContain('Số: 45/BC-UBND');
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
  expect(text).toContain('Kết quả triển khai Tháng hành động phòng, chống ma túy năm 2027');
  expect(text).toContain(`“${theme}”`);
  expect(text).toContain('đã tổ chức 5 hoạt động với 549 lượt người tham gia');
  expect(text).toContain('Kinh phí in tài liệu còn hạn chế.');
  expect(text).toContain('Ban Chỉ đạo thành phố Bắc Ninh;');
  expect(strFromU8(files['word/styles.xml']!)).toContain('Times New Roman');

  // The annex: every counted record once, numbers as numbers.
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải phụ lục .xlsx' }).click();
  const sheets = await readXlsxFile(await (await xlsxDownload).path());
  expect(sheets.map((s) => s.sheet)).toEqual(['Tổng hợp', 'Chi tiết hoạt động']);
  const detail = sheets[1]!.data;
  expect(detail).toHaveLength(1 + 5);
  expect(detail.slice(1).reduce((sum, row) => sum + (row[3] as number), 0)).toBe(549);
  expect(sheets[0]!.data.at(-1)).toEqual([null, 'Tổng cộng', 5, 549]);
  expect(sheets[0]!.data[1]).toEqual([1, 'Lễ phát động, mít tinh', 1, 320]);

  // The printed report: A4, the administrative layout, diacritics intact.
  await page.emulateMedia({ media: 'print' });
  const pages = await readPdf(await page.pdf({ preferCSSPageSize: true }));
  expect(Math.round(pages[0]!.width)).toBe(595);
  expect(Math.round(pages[0]!.height)).toBe(842);
  const printed = squash(pages.map((p) => p.text).join(' '));
  expect(printed).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(printed).toContain('BÁO CÁO');
  expect(printed).toContain('Tổng cộng 5 549');
  expect(printed).toContain('THỦ TRƯỞNG ĐƠN VỊ');
  expect(printed).not.toContain('Tải .docx');
});

test('A campaign prepared in advance, with nothing logged, reports that it has no data instead of zeros', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date('2027-11-15T09:00:00+07:00'));
  await page.goto('/#/campaigns');
  await expect(page.getByLabel('Năm *')).toHaveValue('2028');
  await page.getByLabel('Đơn vị thực hiện *').fill('Trường THCS Võ Cường');
  await page.getByLabel('Loại đơn vị').selectOption({ label: 'Trường học' });
  await page.getByLabel('Chủ đề *').fill('Chủ đề sẽ theo văn bản của năm 2028');
  await page.getByLabel('Gửi đến *').fill('Phòng Giáo dục và Đào tạo');
  await page.getByRole('button', { name: 'Lập Tháng hành động' }).click();
  await expect(page.getByText('Tháng hành động chưa bắt đầu: đây là lúc lập kế hoạch.')).toBeVisible();
  // The deadline is editable; one before the campaign ends is refused.
  await page.getByRole('button', { name: 'Sửa thông tin' }).click();
  await page.getByLabel('Hạn gửi báo cáo *').fill('2028-06-20');
  await page.getByRole('button', { name: 'Lưu thông tin' }).click();
  await expect(
    page.getByText('Hạn gửi báo cáo không thể trước ngày kết thúc Tháng hành động.'),
  ).toBeVisible();
  await page.getByLabel('Hạn gửi báo cáo *').fill('2028-07-03');
  await page.getByRole('button', { name: 'Lưu thông tin' }).click();
  // 15/11/2027 → 03/07/2028: 30 + 31 + 31 + 29 + 31 + 30 + 31 + 18 days.
  await expect(page.getByText('Còn 231 ngày đến hạn gửi báo cáo')).toBeVisible();
  await expect(
    page.getByText('Chưa có hoạt động nào được ghi nhận trong thời gian Tháng hành động.'),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Báo cáo kết quả' }).click();
  await expect(page.getByText('Chưa có số liệu: chưa có hoạt động nào', { exact: false })).toBeVisible();
  const documentView = page.getByRole('article', { name: 'Bản báo cáo' });
  await expect(documentView).toContainText('báo cáo chưa có số liệu kết quả');
  await expect(documentView.getByRole('table')).toHaveCount(0);
  await expect(documentView).not.toContainText('0 lượt người');
});

/** Sets up a commune's campaign from the campaigns screen; `start` changes its first day. */
async function createCampaign(page: Page, options: { place?: string; start?: string } = {}): Promise<void> {
  await page.goto('/#/campaigns');
  await page.getByLabel('Đơn vị thực hiện *').fill('UBND xã Vân Trung');
  await page.getByLabel('Loại đơn vị').selectOption({ label: 'Xã, phường' });
  if (options.place) await page.getByLabel('Địa danh (ghi ở dòng ngày tháng)').fill(options.place);
  if (options.start) await page.getByLabel('Bắt đầu *').fill(options.start);
  await page.getByLabel('Chủ đề *').fill('Chung tay xây dựng xã Vân Trung không ma túy');
  await page.getByLabel('Gửi đến *').fill('Công an tỉnh Bắc Ninh');
  await page.getByRole('button', { name: 'Lập Tháng hành động' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /^Tháng hành động phòng, chống ma túy năm/ }),
  ).toBeVisible();
}

/** Logs an activity that was not on the plan, with the counts given by their labels. */
async function logUnplanned(
  page: Page,
  kind: string,
  title: string,
  date: string,
  counts: Record<string, string>,
): Promise<void> {
  await page.locator('#log-template').selectOption({ label: kind });
  await page.locator('#log-title').fill(title);
  await page.locator('#log-date').fill(date);
  for (const [label, value] of Object.entries(counts))
    await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Lưu kết quả' }).click();
  await expect(page.getByText(`Đã lưu kết quả: ${title}.`)).toBeVisible();
}

const seededTarget = {
  schools:
    'Tuyên truyền, giáo dục pháp luật, kiến thức, kỹ năng phòng, chống ma túy cho người học tại 100% nhà trường',
  workers: 'Tuyên truyền cho 100% người lao động tại các khu, cụm công nghiệp',
  households: 'Tuyên truyền đến từng khu phố, hộ gia đình',
};

test('Choosing a template fills a date inside the campaign, the target a seed plan gives, and the kind; what the user typed stays', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date('2028-05-20T09:00:00+07:00'));
  // The commune runs its own period, 5–30 June 2028: dates come from it, not from a fixed June.
  await createCampaign(page, { start: '2028-06-05' });
  const kind = page.locator('#planned-template');
  const title = page.locator('#planned-title');
  const date = page.locator('#planned-date');
  const target = page.locator('#planned-target');
  const owner = page.locator('#planned-owner');

  // The launch opens the campaign, before 26/6; no seed plan gives it a target.
  await kind.selectOption({ label: 'Lễ phát động, mít tinh' });
  await expect(title).toHaveValue('Lễ phát động, mít tinh');
  await expect(date).toHaveValue('2028-06-05');
  await expect(target).toHaveValue('');
  // School activities: halfway to 26/6, with the 100% of schools of plan 135/KH-UBND.
  await kind.selectOption({ label: 'Hoạt động trong trường học' });
  await expect(title).toHaveValue('Hoạt động trong trường học');
  await expect(date).toHaveValue('2028-06-15');
  await expect(target).toHaveValue(seededTarget.schools);
  // Arts and sports mark 26/6 itself, and take no target.
  await kind.selectOption({ label: 'Văn nghệ, thể thao' });
  await expect(date).toHaveValue('2028-06-26');
  await expect(target).toHaveValue('');
  // A date the user types stays when the kind changes; the name and target follow the kind.
  await kind.selectOption({ label: 'Tuyên truyền cho công nhân, người lao động' });
  await expect(target).toHaveValue(seededTarget.workers);
  await date.fill('2028-06-18');
  await owner.fill('Công đoàn xã');
  await kind.selectOption({ label: 'Tổ công tác tuyên truyền đến từng hộ gia đình' });
  await expect(kind).toHaveValue('home-visits');
  await expect(title).toHaveValue('Tổ công tác tuyên truyền đến từng hộ gia đình');
  await expect(date).toHaveValue('2028-06-18');
  await expect(target).toHaveValue(seededTarget.households);
  await expect(owner).toHaveValue('Công đoàn xã');
  await page.getByRole('button', { name: 'Thêm vào kế hoạch' }).click();

  const row = page
    .getByRole('table', { name: 'Danh sách việc' })
    .getByRole('row', { name: /Tổ công tác tuyên truyền đến từng hộ gia đình/ });
  await expect(row.getByRole('cell').first()).toHaveText('18/06/2028');
  await expect(row).toContainText(seededTarget.households);
  await expect(row).toContainText('Công đoàn xã');
  // The form is ready for the next one.
  await expect(kind).toHaveValue('');
  await expect(date).toHaveValue('');
  await expect(target).toHaveValue('');
  await expectNoAxeViolations(page);
});

test('Logging a planned activity starts from it: its kind, title, date and target, the counts left to fill', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date('2027-06-13T09:00:00+07:00'));
  await createCampaign(page);
  // The plan: a workers' session today (13/6) with the seed plans' target, a contest on 20/6 with the user's own.
  await page
    .locator('#planned-template')
    .selectOption({ label: 'Tuyên truyền cho công nhân, người lao động' });
  await page.locator('#planned-title').fill('Tuyên truyền tại KCN Vân Trung');
  await page.locator('#planned-date').fill('2027-06-13');
  await page.locator('#planned-target').fill(seededTarget.workers);
  await page.locator('#planned-owner').fill('Công đoàn xã');
  await page.getByRole('button', { name: 'Thêm vào kế hoạch' }).click();
  // Saved and the form emptied before the next one is typed in it.
  await expect(page.locator('#planned-title')).toHaveValue('');
  await page.locator('#planned-template').selectOption({ label: 'Cuộc thi tìm hiểu' });
  await page.locator('#planned-title').fill('Cuộc thi tìm hiểu pháp luật');
  await page.locator('#planned-date').fill('2027-06-20');
  await page.locator('#planned-target').fill('300 bài dự thi');
  await page.getByRole('button', { name: 'Thêm vào kế hoạch' }).click();
  await expect(page.locator('#planned-title')).toHaveValue('');
  const form = page.getByRole('group', { name: 'Ghi kết quả một hoạt động' });

  // From the checklist, the contest: the form says what was planned, target included.
  await page.getByRole('button', { name: 'Ghi kết quả: Cuộc thi tìm hiểu pháp luật' }).click();
  await expect(page.locator('#log-template')).toHaveValue('quiz-contest');
  await expect(page.locator('#log-title')).toHaveValue('Cuộc thi tìm hiểu pháp luật');
  await expect(form).toContainText(
    'Ghi kết quả cho hoạt động trong kế hoạch: Cuộc thi tìm hiểu pháp luật, ngày 20/06/2027. Chỉ tiêu: 300 bài dự thi.',
  );
  // Planned for 20/6 but done early: it is dated today, as nothing is logged ahead.
  await expect(page.locator('#log-date')).toHaveValue('2027-06-13');
  await expectNoAxeViolations(page);
  // Let go of the plan: the same form logs an activity outside it, and the plan stays as it was.
  await page.getByRole('button', { name: 'Ghi hoạt động ngoài kế hoạch' }).click();
  await expect(form).not.toContainText('Chỉ tiêu: 300 bài dự thi.');
  await expect(page.locator('#log-title')).toHaveValue('Cuộc thi tìm hiểu pháp luật');
  await page.locator('#log-title').fill('Vòng sơ khảo cuộc thi');
  await page.getByLabel('Số người tham gia').fill('80');
  await page.getByRole('button', { name: 'Lưu kết quả' }).click();
  await expect(page.getByText('Đã lưu kết quả: Vòng sơ khảo cuộc thi.')).toBeVisible();
  await expect(page.getByLabel('Tình trạng: Cuộc thi tìm hiểu pháp luật')).toHaveValue('planned');

  // From today's list, the workers' session.
  await page
    .getByRole('region', { name: /Hôm nay/ })
    .getByRole('button', { name: 'Ghi kết quả: Tuyên truyền tại KCN Vân Trung' })
    .click();
  await expect(page.locator('#log-template')).toHaveValue('worker-sessions');
  await expect(page.locator('#log-title')).toHaveValue('Tuyên truyền tại KCN Vân Trung');
  await expect(page.locator('#log-date')).toHaveValue('2027-06-13');
  await expect(form).toHaveAccessibleDescription(
    'Ghi kết quả cho hoạt động trong kế hoạch: Tuyên truyền tại KCN Vân Trung, ngày 13/06/2027. ' +
      `Chỉ tiêu: ${seededTarget.workers}. Phụ trách: Công đoàn xã. ` +
      'Khi lưu, hoạt động này được đánh dấu “Đã làm” trong kế hoạch.',
  );
  // What happened is the user's to fill: no count is copied from the target.
  await expect(page.getByLabel('Số người tham gia')).toBeFocused();
  await expect(page.getByLabel('Số người tham gia')).toHaveValue('');
  await expect(page.getByLabel('Số buổi tuyên truyền')).toHaveValue('');
  await page.getByLabel('Số người tham gia').fill('120');
  await page.getByLabel('Số buổi tuyên truyền').fill('2');
  await page.getByRole('button', { name: 'Lưu kết quả' }).click();
  await expect(page.getByText('Đã lưu kết quả: Tuyên truyền tại KCN Vân Trung.')).toBeVisible();
  await expect(page.getByLabel('Tình trạng: Tuyên truyền tại KCN Vân Trung')).toHaveValue('done');
  await expect(form).not.toContainText('Ghi kết quả cho hoạt động trong kế hoạch');
});

test('The report dates itself as Nghị định 30/2020 writes it and leaves out what was not done, on screen, in print and in the .docx', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date('2027-07-01T09:00:00+07:00'));
  await createCampaign(page, { place: 'Vân Trung' });
  // Only people were counted: nothing to list, said in one sentence.
  await logUnplanned(page, 'Văn nghệ, thể thao', 'Đêm văn nghệ hưởng ứng Ngày 26/6', '2027-06-26', {
    'Số người tham gia': '400',
  });
  await page.getByRole('link', { name: 'Báo cáo kết quả' }).click();
  const documentView = page.getByRole('article', { name: 'Bản báo cáo' });
  // Today, 01/07/2027: day below 10 with its zero, month 7 without.
  await expect(documentView).toContainText('Vân Trung, ngày 01 tháng 7 năm 2027');
  await expect(documentView).toContainText('từ ngày 01/6/2027 đến ngày 30/6/2027');
  await expect(documentView).toContainText('đã tổ chức 1 hoạt động với 400 lượt người tham gia.');
  await expect(documentView).toContainText(
    'Các kết quả đã ghi chưa có số liệu về buổi tuyên truyền, băng-rôn, khẩu hiệu, tờ rơi hay tin, bài.',
  );
  await expect(documentView).not.toContainText(/(^|\D)0 (buổi|băng-rôn|tờ rơi|tin, bài|lượt)/);
  // January and February keep their zero; June does not.
  for (const [value, line] of [
    ['2028-01-05', 'Vân Trung, ngày 05 tháng 01 năm 2028'],
    ['2028-02-29', 'Vân Trung, ngày 29 tháng 02 năm 2028'],
    ['2027-06-10', 'Vân Trung, ngày 10 tháng 6 năm 2027'],
  ] as const) {
    await page.getByLabel('Ngày báo cáo').fill(value);
    await page.getByLabel('Ngày báo cáo').blur();
    await expect(documentView).toContainText(line);
  }

  // Banners with nobody counted, and a launch with leaflets: those two lines, nothing of the rest.
  await page.getByRole('link', { name: '← Về Tháng hành động năm 2027' }).click();
  await logUnplanned(page, 'Băng-rôn, khẩu hiệu, pa-nô', 'Treo băng-rôn trên các tuyến đường', '2027-06-03', {
    'Băng-rôn, khẩu hiệu đã treo': '25',
  });
  await logUnplanned(page, 'Lễ phát động, mít tinh', 'Lễ phát động Tháng hành động', '2027-06-01', {
    'Số người tham gia': '250',
    'Tờ rơi đã phát': '300',
  });
  await page.getByRole('link', { name: 'Báo cáo kết quả' }).click();
  await expect(documentView).toContainText('Vân Trung, ngày 10 tháng 6 năm 2027');
  await expect(documentView).toContainText('đã tổ chức 3 hoạt động với 650 lượt người tham gia.');
  await expect(documentView).toContainText('- Treo 25 băng-rôn, khẩu hiệu, pa-nô;');
  await expect(documentView).toContainText('- Phát 300 tờ rơi.');
  await expect(documentView).not.toContainText('tin, bài');
  await expect(documentView).not.toContainText('buổi tuyên truyền');
  await expect(documentView).not.toContainText(/(^|\D)0 (buổi|băng-rôn|tờ rơi|tin, bài|lượt)/);
  await expect(documentView.getByRole('table').getByRole('row').last()).toHaveText(/Tổng cộng\s*3\s*650/);

  // The .docx says the same.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải .docx (Word)' }).click();
  const files = unzipSync(new Uint8Array(readFileSync(await (await download).path())));
  const docx = strFromU8(files['word/document.xml']!)
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '');
  expect(docx).toContain('Vân Trung, ngày 10 tháng 6 năm 2027');
  expect(docx).toContain('từ ngày 01/6/2027 đến ngày 30/6/2027');
  expect(docx).toContain('đã tổ chức 3 hoạt động với 650 lượt người tham gia.');
  expect(docx).toContain('- Treo 25 băng-rôn, khẩu hiệu, pa-nô;');
  expect(docx).toContain('- Phát 300 tờ rơi.');
  expect(docx).not.toContain('tin, bài');
  expect(docx).not.toContain('buổi tuyên truyền');
  expect(docx).not.toMatch(/(^|\D)0 (buổi|băng-rôn|tờ rơi|tin, bài|lượt)/);

  // And so does the print.
  await page.emulateMedia({ media: 'print' });
  const printed = squash(
    (await readPdf(await page.pdf({ preferCSSPageSize: true }))).map((p) => p.text).join(' '),
  );
  expect(printed).toContain('Vân Trung, ngày 10 tháng 6 năm 2027');
  expect(printed).toContain('Treo 25 băng-rôn, khẩu hiệu, pa-nô;');
  expect(printed).toContain('Phát 300 tờ rơi.');
  expect(printed).not.toContain('tin, bài');
  expect(printed).not.toMatch(/(^|\D)0 (buổi|băng-rôn|tờ rơi|tin, bài|lượt)/);
});
