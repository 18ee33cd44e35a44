/**
 * A room answers with printed cards read by the facilitator's camera (issue 17). The camera is
 * Chromium's fake one playing a video of 36 cards made by `tests/fixtures/cards/roomVideo.mjs`,
 * which also says what each card shows; the figures on screen must be those.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import config from '../../playwright.config';
import { writeRoomVideo } from '../fixtures/cards/roomVideo.mjs';
import { content, expectNoAxeViolations, plans, waitForOfflineReady } from './helpers';
import { expect, test } from './test';

const room = writeRoomVideo(join(mkdtempSync(join(tmpdir(), 'chung-tay-room-')), 'room.y4m'), { seed: 7 });
const { A, B, C } = room.counts;
const launchOptions = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...launchOptions,
    args: [
      ...(launchOptions.args ?? []),
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${room.path}`,
    ],
  },
  permissions: ['camera'],
});

// A whole run with the camera: 15 s alone, much longer on a loaded two-core machine.
test.describe.configure({ timeout: 240_000 });

const plan = plans.find((p) => p.id === 'cong-nhan-45-phut')!;
const [first, second] = (plan.check ?? []).map((id) => content.questions.find((q) => q.id === id)!);
const present = 40;

function optionLabel(index: number): string {
  if (first?.type === 'true-false' || !first) throw new Error('The first check question has options');
  return `${String.fromCharCode(65 + index)}. ${first.options[index]!.text.vi}`;
}

/** Opens the plan's before-check with the people present counted. */
async function openBeforeCheck(page: Page): Promise<void> {
  await page.goto(`/#/plan/${plan.id}`);
  await page.getByRole('button', { name: 'Bắt đầu buổi sinh hoạt' }).click();
  const beforeSegment = plan.agenda.findIndex((s) => s.kind === 'check-before');
  for (let n = 0; n < beforeSegment; n++) await page.getByRole('button', { name: 'Phần tiếp →' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(`^Phần ${beforeSegment + 1}/`) }),
  ).toBeVisible();
  await page.getByLabel('Số người có mặt').fill(String(present));
}

test('The before-check is read from 36 cards by the camera, offline: the room sees only how many answered, the counts are the cards’, and hands counted on top add in', async ({
  page,
  context,
}) => {
  // The plan's first two check questions: three options (a card showing D is no answer), then true/false.
  expect(first?.type).toBe('single');
  expect(first?.type === 'single' && first.options.length).toBe(3);
  expect(second?.type).toBe('true-false');
  expect(room.counts.D, 'the video has cards showing D').toBeGreaterThan(0);

  await page.goto('/');
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.reload();
  await openBeforeCheck(page);

  await page.getByRole('button', { name: 'Đọc thẻ bằng camera' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Đã đọc ${A + B + C}/${present} thẻ` }),
  ).toBeVisible({
    timeout: 30_000,
  });
  // Until the answer is revealed the projector shows how many answered, not what.
  await expect(page.getByText(`Đã đếm ${A + B + C}/${present} người có mặt`)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Thêm một người chọn/ })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: optionLabel(0) })).toHaveCount(0);
  await expectNoAxeViolations(page); // the camera's view, its count and the board without counts

  // The facilitator opens the counters: they hold the cards' answers, and two hands are added.
  await page.getByRole('button', { name: 'Đếm thêm bằng tay' }).click();
  await expect(page.getByLabel(optionLabel(0), { exact: true })).toHaveValue(String(A));
  await expect(page.getByLabel(optionLabel(1), { exact: true })).toHaveValue(String(B));
  await expect(page.getByLabel(optionLabel(2), { exact: true })).toHaveValue(String(C));
  await page.getByRole('button', { name: `Thêm một người chọn ${optionLabel(1)}` }).click();
  await page.getByRole('button', { name: `Thêm một người chọn ${optionLabel(1)}` }).click();
  await expect(page.getByText(`Đã đếm ${A + B + C + 2}/${present} người có mặt`)).toBeVisible();

  // The true/false question: A is “Đúng”, B is “Sai”; C and D are no answer.
  await page.getByRole('button', { name: 'Câu tiếp' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã đọc ${A + B}/${present} thẻ` })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Dừng đọc thẻ' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Đã đọc/ })).toHaveCount(0);

  // A closed tab comes back with what was read, still hidden from the room.
  await page.reload();
  await expect(page.getByText(`Đã đếm ${A + B + C + 2}/${present} người có mặt`)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Thêm một người chọn/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Câu tiếp' }).click();
  await expect(page.getByText(`Đã đếm ${A + B}/${present} người có mặt`)).toBeVisible();

  // The after-check is counted by hand; the comparison takes the cards' figures as any tally.
  const afterSegment = plan.agenda.findIndex((s) => s.kind === 'check-after');
  await page.getByText('Chương trình buổi sinh hoạt', { exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`^${plan.agenda[afterSegment]!.title.vi}`) }).click();
  await page.getByLabel(optionLabel(0), { exact: true }).fill('35');
  await page.getByRole('button', { name: 'Câu tiếp' }).click();
  await page.getByLabel('Đúng', { exact: true }).fill('3');
  await page.getByLabel('Sai', { exact: true }).fill('33');
  for (let n = 2; n < (plan.check ?? []).length; n++)
    await page.getByRole('button', { name: 'Câu tiếp' }).click();
  await page.getByRole('button', { name: 'So sánh', exact: true }).click();
  const table = page.getByRole('table', { name: 'Kết quả kiểm tra đầu buổi và cuối buổi' });
  // luring-07: A is right; luring-13: “Sai” (B) is right.
  await expect(table.getByRole('row').nth(1)).toContainText(`(${A}/${A + B + C + 2})`);
  await expect(table.getByRole('row').nth(1)).toContainText('(35/35)');
  await expect(table.getByRole('row').nth(2)).toContainText(`(${B}/${A + B})`);
  await expect(table.getByRole('row').nth(2)).toContainText('(33/36)');
});

test.describe('Without the camera', () => {
  test.use({ permissions: [] });

  test('When the camera is not allowed the scanner says so, and the room is counted by hand', async ({
    page,
  }) => {
    await openBeforeCheck(page);
    await page.getByRole('button', { name: 'Đọc thẻ bằng camera' }).click();
    await expect(page.getByRole('alert')).toContainText('Máy chưa cho phép dùng camera');
    await page.getByLabel(optionLabel(0), { exact: true }).fill('12');
    await expect(page.getByText(`Đã đếm 12/${present} người có mặt`)).toBeVisible();
  });
});
