/**
 * "Best result" is honest: a practice run (no clock, the answer shown after each question) is
 * never ranked against timed contests, on the quiz's page, its result and the progress table.
 */
import { expect, test } from './test';
import { answerQuestion, createProfile, openQuiz } from './helpers';

test('A perfect practice run is the practice best and never the contest’s; a weak contest is the contest best', async ({
  page,
}) => {
  await page.goto('/');
  await createProfile(page, 'Lan');
  await openQuiz(page, /Học sinh THCS/);

  // A practice run, every answer right.
  await page.getByRole('button', { name: 'Bắt đầu luyện tập' }).click();
  for (let number = 1; number <= 10; number++) {
    if (number > 1) await page.getByRole('button', { name: 'Câu tiếp theo' }).click();
    await expect(page.getByRole('heading', { name: `Câu ${number}/10` })).toBeVisible();
    await answerQuestion(page, { correct: true });
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
  }
  await page.getByRole('button', { name: 'Xem kết quả' }).click();
  await expect(page.getByText('10/10 câu đúng (100%)')).toBeVisible();
  await expect(page.getByText('Đây là kết quả tốt nhất của bạn ở bài này, phần “Luyện tập”.')).toBeVisible();

  // Then a contest with one right answer, handed in at once.
  await page.getByRole('link', { name: 'Bài trắc nghiệm' }).click();
  await openQuiz(page, /Học sinh THCS/);
  const practice = page.getByRole('region', { name: 'Luyện tập' });
  const contest = page.getByRole('region', { name: 'Thi tính giờ' });
  await expect(practice).toContainText('Kết quả tốt nhất của bạn ở phần này: 100%.');
  await expect(contest).not.toContainText('Kết quả tốt nhất');
  await page.getByRole('button', { name: 'Bắt đầu thi tính giờ' }).click();
  await expect(page.getByRole('heading', { name: 'Câu 1/15' })).toBeVisible();
  await answerQuestion(page, { correct: true });
  await page.getByRole('button', { name: 'Nộp bài' }).click();
  await page.getByRole('dialog', { name: 'Nộp bài?' }).getByRole('button', { name: 'Nộp bài' }).click();
  await expect(page.getByText('1/15 câu đúng (7%)')).toBeVisible();
  // The only contest is the contest's best, whatever the practice run scored.
  await expect(
    page.getByText('Đây là kết quả tốt nhất của bạn ở bài này, phần “Thi tính giờ”.'),
  ).toBeVisible();
  await expect(page.getByText(/Kết quả tốt nhất của bạn ở bài này.*100%/)).toHaveCount(0);

  // The quiz's page shows each mode's own best.
  await page.getByRole('link', { name: 'Bài trắc nghiệm' }).click();
  await openQuiz(page, /Học sinh THCS/);
  await expect(practice).toContainText('Kết quả tốt nhất của bạn ở phần này: 100%.');
  await expect(contest).toContainText('Kết quả tốt nhất của bạn ở phần này: 7%.');

  // And so does the progress table, the latest attempt named by its mode.
  await page.getByRole('link', { name: 'Tiến bộ của tôi', exact: true }).click();
  const table = page.getByRole('table', {
    name: 'Số lần làm, kết quả tốt nhất khi luyện tập và khi thi, và kết quả gần nhất của từng bài',
  });
  await expect(table.getByRole('row', { name: /Học sinh THCS/ })).toBeVisible();
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const cells = await table
    .getByRole('row', { name: /Học sinh THCS/ })
    .getByRole('cell')
    .allInnerTexts();
  const row = Object.fromEntries(
    headers.slice(1).map((header, i) => [header.trim(), (cells[i] ?? '').trim()]),
  );
  expect(row['Tốt nhất (luyện tập)']).toMatch(/^100%/);
  expect(row['Tốt nhất (thi tính giờ)']).toMatch(/^7%/);
  expect(row['Gần nhất']).toMatch(/^7%.*Thi tính giờ/);
});
