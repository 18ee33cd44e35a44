import type { Page } from '@playwright/test';
import { expect, test } from './test';
import type { Question } from '../../src/lib/content/content.schema.ts';
import {
  content,
  expectNoAxeViolations,
  optionLabels,
  plans,
  tallyRoom,
  waitForOfflineReady,
} from './helpers';
import { readPdf, squash } from './pdf';

const plan = plans.find((p) => p.id === 'cong-nhan-45-phut')!;
const question = (id: string) => content.questions.find((q) => q.id === id)!;
const checkQuestions = (plan.check ?? []).map(question);
const quizSegment = plan.agenda.findIndex((s) => s.kind === 'quiz');
const quizQuestions = (plan.agenda[quizSegment]?.questions ?? []).map(question);
const present = 37;

/** Enters the room's answers for the people present. */
const tally = (page: Page, q: Question, right: number) => tallyRoom(page, q, right, present);

async function nextSegment(page: Page, number: number): Promise<void> {
  await page.getByRole('button', { name: 'Phần tiếp →' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(`^Phần ${number}/${plan.agenda.length}:`) }),
  ).toBeVisible();
}

const before = [15, 20, 10, 25];
const after = [30, 33, 28, 35];
const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);

test('A union officer runs the 45-minute worker session offline, records it at a new unit, edits it and prints the attendance sheet', async ({
  page,
  context,
}) => {
  expect(checkQuestions).toHaveLength(before.length);
  await page.goto('/');
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.reload();

  // Pick the plan.
  await page.getByRole('link', { name: 'Buổi sinh hoạt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Buổi sinh hoạt, tuyên truyền' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: plan.title.vi }).click();
  await expect(page.getByRole('heading', { level: 1, name: plan.title.vi })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Chương trình' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Bắt đầu buổi sinh hoạt' }).click();

  // Run it: people in the room, then the before-check by tallies.
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: `Phần 1/${plan.agenda.length}: ${plan.agenda[0]!.title.vi}`,
    }),
  ).toBeVisible();
  await page.getByLabel('Số người có mặt').fill(String(present));
  await nextSegment(page, 2);
  await expect(page.getByText('Chưa công bố đáp án: các câu này')).toBeVisible();
  // Counts above the people present are refused.
  const first = optionLabels(checkQuestions[0]!);
  await page.getByLabel(first[0]!.label, { exact: true }).fill('30');
  await page.getByLabel(first[1]!.label, { exact: true }).fill('10');
  await expect(page.getByRole('alert')).toHaveText(
    /Tổng số người chọn \(40\) nhiều hơn số người có mặt \(37\)/,
  );
  for (const [i, q] of checkQuestions.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Câu tiếp' }).click();
    await expect(page.getByText(`Câu ${i + 1}/${checkQuestions.length}`)).toBeVisible();
    await tally(page, q, before[i]!);
    // The before-check never shows the answer.
    await expect(page.getByRole('button', { name: 'Công bố đáp án' })).toHaveCount(0);
  }
  // The + and − buttons count one at a time.
  await page
    .getByRole('button', { name: `Bớt một người chọn ${optionLabels(checkQuestions[3]!)[0]!.label}` })
    .focus();
  await expectNoAxeViolations(page);

  // Present the material with the keyboard in the presenter view, and come back.
  await nextSegment(page, 3);
  await page.getByRole('link', { name: 'Màn hình người dẫn' }).click();
  await expect(page.getByText('Trang 1/')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Trang 2/')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: /^Phần 3\// })).toBeVisible();

  // The room quiz: tallies, then the answer with its chart, explanation and source.
  for (let n = 4; n <= quizSegment + 1; n++) await nextSegment(page, n);
  for (const [i, q] of quizQuestions.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Câu tiếp' }).click();
    await tally(page, q, 30);
    await page.getByRole('button', { name: 'Công bố đáp án' }).click();
    await expect(page.getByText('✓ Đáp án đúng')).toBeVisible();
    await expect(page.getByText(q.explanation.vi)).toBeVisible();
  }
  await expectNoAxeViolations(page);

  // The after-check: the same questions; the comparison follows from the tallies.
  const afterSegment = plan.agenda.findIndex((s) => s.kind === 'check-after');
  for (let n = quizSegment + 2; n <= afterSegment + 1; n++) await nextSegment(page, n);
  for (const [i, q] of checkQuestions.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Câu tiếp' }).click();
    await tally(page, q, after[i]!);
  }
  // The comparison is a step of its own after the last question, so that question still fits the view.
  await expect(page.getByRole('table', { name: 'Kết quả kiểm tra đầu buổi và cuối buổi' })).toHaveCount(0);
  await page.getByRole('button', { name: 'So sánh', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Kết quả kiểm tra đầu buổi và cuối buổi' })).toBeFocused();
  const table = page.getByRole('table', { name: 'Kết quả kiểm tra đầu buổi và cuối buổi' });
  for (const [i] of checkQuestions.entries()) {
    const row = table.getByRole('row').nth(i + 1);
    await expect(row).toContainText(`(${before[i]}/${present})`);
    await expect(row).toContainText(`(${after[i]}/${present})`);
  }
  const answers = present * checkQuestions.length;
  await expect(table.getByRole('row').last()).toContainText(`(${sum(before)}/${answers})`);
  await expect(table.getByRole('row').last()).toContainText(`(${sum(after)}/${answers})`);
  const change = Math.round(((sum(after) - sum(before)) / answers) * 100);
  await expect(page.getByText(`Thay đổi: +${change} điểm phần trăm`)).toBeVisible();

  // Record it; wrong values are refused inline and nothing is saved.
  await page.getByRole('button', { name: 'Kết thúc và ghi nhận' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ghi nhận buổi sinh hoạt' })).toBeVisible();
  await expect(page.getByLabel('Số người tham gia *')).toHaveValue(String(present));
  await expect(page.getByLabel('Đối tượng *')).toHaveValue('workers');
  // Topics come from what the plan presented and asked.
  const luring = content.topics.find((t) => t.id === 'luring')!;
  await expect(page.getByRole('checkbox', { name: luring.title.vi })).toBeChecked();
  await page.getByLabel('Trong đó nữ').fill('40');
  await page.getByLabel('Ngày tổ chức *').fill('2099-01-01');
  await page.getByRole('button', { name: 'Lưu buổi sinh hoạt' }).click();
  await expect(page.getByText('Còn 3 chỗ cần sửa. Chưa có gì được lưu.')).toBeVisible();
  await expect(page.getByText('Số nữ không thể nhiều hơn số người tham gia.')).toBeVisible();
  await expect(page.getByText('Ngày tổ chức không thể ở tương lai.')).toBeVisible();
  await expect(page.getByText('Hãy chọn hoặc nhập đơn vị.')).toBeVisible();
  await expect(page.getByLabel('Ngày tổ chức *')).toBeFocused();
  await page.getByLabel('Số người tham gia *').fill('30');
  await expect(page.getByText(`Số người tham gia ít hơn số câu trả lời đã đếm (${present})`)).toBeVisible();
  await page.getByLabel('Số người tham gia *').fill(String(present));
  await page.getByLabel('Trong đó nữ').fill('21');
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
  await page.getByLabel('Ngày tổ chức *').fill(today);
  await page.getByLabel('Đơn vị *').fill('Công ty TNHH May Minh Anh');
  await expect(page.getByText('Đơn vị mới: sẽ được thêm vào danh sách khi lưu.')).toBeVisible();
  await page.getByLabel('Thuộc (khu công nghiệp, xã/phường, công đoàn…)').fill('KCN Quang Châu');
  await page.getByLabel('Địa điểm').fill('Nhà ăn ca – xưởng 2');
  await expectNoAxeViolations(page);

  // A closed tab loses nothing: a new tab offers to continue the draft.
  await page.close();
  page = await context.newPage();
  await page.goto('/#/sessions');
  await expect(
    page.getByText(/Có một buổi sinh hoạt chưa lưu: Sinh hoạt 45 phút cho công nhân/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(page.getByLabel('Đơn vị *')).toHaveValue('Công ty TNHH May Minh Anh');
  await expect(page.getByLabel('Trong đó nữ')).toHaveValue('21');
  await expect(page.getByLabel('Thuộc (khu công nghiệp, xã/phường, công đoàn…)')).toHaveValue(
    'KCN Quang Châu',
  );
  await page.getByRole('button', { name: 'Lưu buổi sinh hoạt' }).click();

  // The saved session, with the figures the tallies imply.
  await expect(page.getByRole('heading', { level: 1, name: /Công ty TNHH May Minh Anh/ })).toBeVisible();
  await expect(page.getByText('37 người tham gia, 21 nữ')).toBeVisible();
  await expect(
    page.getByRole('definition').filter({ hasText: 'Công ty TNHH May Minh Anh (KCN Quang Châu)' }),
  ).toBeVisible();
  await expect(page.getByRole('table').getByRole('row').last()).toContainText(`(${sum(after)}/${answers})`);
  await expectNoAxeViolations(page);

  // Listed, and found under its parent unit.
  await page.getByRole('link', { name: '← Về trang Buổi sinh hoạt' }).click();
  await expect(page.getByText(/Có một buổi sinh hoạt chưa lưu/)).toHaveCount(0);
  const listed = page.getByRole('link', { name: /Công ty TNHH May Minh Anh \(KCN Quang Châu\)/ });
  await expect(listed).toHaveCount(1);
  await page.getByLabel('Đơn vị (gồm cả đơn vị trực thuộc)').selectOption({ label: 'KCN Quang Châu' });
  await expect(listed).toHaveCount(1);
  await expect(page.getByText('1 buổi · 37 người tham gia · 21 nữ')).toBeVisible();

  // Edit it: the same record changes, no copy is made.
  await listed.click();
  await page.getByRole('button', { name: 'Sửa' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sửa buổi sinh hoạt' })).toBeVisible();
  await expect(page.getByLabel('Đơn vị *')).toHaveValue('Công ty TNHH May Minh Anh');
  await expect(page.getByText('Đơn vị đã có trong danh sách, thuộc KCN Quang Châu.')).toBeVisible();
  await page.getByLabel('Trong đó nữ').fill('22');
  await page.getByRole('button', { name: 'Lưu buổi sinh hoạt' }).click();
  await expect(page.getByText('37 người tham gia, 22 nữ')).toBeVisible();
  await page.goto('/#/sessions');
  await expect(page.getByRole('link', { name: /Công ty TNHH May Minh Anh/ })).toHaveCount(1);
  await expect(page.getByText('1 buổi · 37 người tham gia · 22 nữ')).toBeVisible();

  // Print the attendance sheet to PDF: the session's details and a row per participant, no names stored.
  await page.getByRole('link', { name: /Công ty TNHH May Minh Anh/ }).click();
  await expect(page.getByRole('button', { name: 'In phiếu điểm danh' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const pdf = await readPdf(await page.pdf({ format: 'A4', printBackground: true }));
  const text = squash(pdf.map((p) => p.text).join(' '));
  expect(pdf.length).toBeGreaterThanOrEqual(2); // 37 rows
  for (const p of pdf)
    expect([Math.abs(p.width - 595) < 2, Math.abs(p.height - 842) < 2]).toEqual([true, true]); // A4
  expect(text.toLowerCase()).toContain('danh sách người tham gia buổi sinh hoạt phòng, chống ma túy');
  expect(text).toContain('Công ty TNHH May Minh Anh (KCN Quang Châu)');
  expect(text).toContain('Nhà ăn ca – xưởng 2');
  expect(text).toContain(plan.title.vi);
  expect(text).toContain('Ký tên');
  expect(text).toMatch(/\b37\b/);
  expect(text).not.toContain('In phiếu điểm danh');
  await page.emulateMedia({ media: 'screen' });

  // Delete it.
  await page.getByRole('button', { name: 'Xóa' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Xóa' }).click();
  await expect(page.getByText('Chưa có buổi sinh hoạt nào được ghi nhận trên thiết bị này.')).toBeVisible();
});
