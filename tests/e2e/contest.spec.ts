import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { answerQuestion, createProfile, expectSaved, openQuiz } from './helpers';

async function secondsLeft(page: Page): Promise<number> {
  const text = await page.getByRole('timer', { name: 'Thời gian còn lại' }).innerText();
  const [minutes, seconds] = text.split(':').map(Number);
  return (minutes ?? 0) * 60 + (seconds ?? 0);
}

async function startContest(page: Page): Promise<void> {
  await page.goto('/');
  await createProfile(page, 'Minh');
  await openQuiz(page, /Học sinh THCS/);
  await expect(page.getByText('15 câu rút ngẫu nhiên từ', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Bắt đầu thi tính giờ' }).click();
  await expect(page.getByRole('heading', { name: 'Câu 1/15' })).toBeVisible();
}

test('A timed contest hands itself in when time runs out and scores what was answered', async ({ page }) => {
  await page.clock.install();
  await startContest(page);
  expect(await secondsLeft(page)).toBeGreaterThan(590);

  // Two right answers, then the learner stops.
  await answerQuestion(page, { correct: true });
  await page.getByRole('button', { name: 'Câu tiếp theo' }).click();
  await expect(page.getByRole('heading', { name: 'Câu 2/15' })).toBeVisible();
  await answerQuestion(page, { correct: true });
  await expectSaved(page);
  // No feedback during a contest.
  await expect(page.getByText('✓ Chính xác!')).toHaveCount(0);

  await page.clock.fastForward('09:00');
  await expect(page.getByRole('timer', { name: 'Thời gian còn lại' })).toHaveText(/^0:5\d$/);
  await expect(page.getByRole('heading', { name: 'Câu 2/15' })).toBeVisible();

  await page.clock.fastForward('01:05');
  await expect(page.getByRole('heading', { level: 1, name: 'Kết quả' })).toBeVisible();
  await expect(page.getByText('Hết giờ! Bài được nộp tự động')).toBeVisible();
  await expect(page.getByText('2/15 câu đúng (13%)')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^10:00$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Xem lại câu sai (13)' })).toBeVisible();
});

test('A contest resumed after closing the tab has the same answers and the same time left', async ({
  page,
  context,
}) => {
  await startContest(page);
  await answerQuestion(page, { correct: false });
  await page.getByRole('button', { name: 'Câu tiếp theo' }).click();
  await page.getByRole('button', { name: 'Câu tiếp theo' }).click();
  await expect(page.getByRole('heading', { name: 'Câu 3/15' })).toBeVisible();
  await page.waitForTimeout(2500);
  const before = await secondsLeft(page);
  await page.close();

  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByText('Bạn đang làm dở bài', { exact: false })).toBeVisible();
  await again.getByRole('link', { name: 'Làm tiếp' }).click();
  await expect(again.getByRole('heading', { name: 'Câu 3/15' })).toBeVisible();
  const after = await secondsLeft(again);
  // The clock stood still while the tab was closed (saved when the page was hidden).
  expect(Math.abs(after - before)).toBeLessThanOrEqual(2);
  await expect(again.getByRole('button', { name: 'Câu 1, đã trả lời' })).toBeVisible();
  await expect(again.getByRole('button', { name: 'Câu 2, chưa trả lời' })).toBeVisible();
});

test('Submitting a contest with unanswered questions asks first and counts them as wrong', async ({
  page,
}) => {
  await startContest(page);
  await answerQuestion(page, { correct: true });
  await page.getByRole('button', { name: 'Nộp bài' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nộp bài?' });
  await expect(dialog).toContainText('Bạn còn 14 câu chưa trả lời');
  await dialog.getByRole('button', { name: 'Làm tiếp' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Nộp bài' }).click();
  await dialog.getByRole('button', { name: 'Nộp bài' }).click();
  await expect(page.getByText('1/15 câu đúng (7%)')).toBeVisible();
  await expect(page.getByText('Hết giờ!')).toHaveCount(0);
});
