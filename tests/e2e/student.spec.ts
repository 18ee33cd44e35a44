import { expect, test } from './test';
import {
  answerQuestion,
  createProfile,
  currentQuestion,
  expectSaved,
  openQuiz,
  recordRequests,
  waitForOfflineReady,
} from './helpers';

test('A student takes a practice quiz offline, resumes it after a reload, reviews mistakes and sees progress', async ({
  page,
  context,
  baseURL,
}) => {
  const requests = recordRequests(context);

  // First visit, online: the app installs itself for offline use.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Chung Tay phòng, chống ma túy' })).toBeVisible();
  await waitForOfflineReady(page);

  // From here on there is no network, reloads included.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Chung Tay phòng, chống ma túy' })).toBeVisible();

  await createProfile(page, 'Mai Anh', '8A2');
  await openQuiz(page, /Học sinh THCS/);
  await expect(page.getByText('10 câu rút ngẫu nhiên, không tính giờ', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Bắt đầu luyện tập' }).click();

  // Question 1: right. Practice shows the verdict, the explanation and the source at once.
  await expect(page.getByRole('heading', { name: 'Câu 1/10' })).toBeVisible();
  const first = await answerQuestion(page, { correct: true });
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(page.getByText('✓ Chính xác!')).toBeVisible();
  await expect(page.getByText(first.explanation.vi.trim())).toBeVisible();
  await expect(page.getByText(/^Nguồn:/)).toBeVisible();
  await page.getByRole('button', { name: 'Câu tiếp theo' }).click();

  // Question 2: wrong, and the right answer is shown.
  await expect(page.getByRole('heading', { name: 'Câu 2/10' })).toBeVisible();
  const second = await answerQuestion(page, { correct: false });
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(page.getByText('✗ Chưa đúng.')).toBeVisible();
  await page.getByRole('button', { name: 'Câu tiếp theo' }).click();

  // Question 3: chosen but not yet checked, then the tab reloads (offline).
  await expect(page.getByRole('heading', { name: 'Câu 3/10' })).toBeVisible();
  const third = await answerQuestion(page, { correct: true });
  await expectSaved(page);
  await page.reload();

  // Same question, same answer kept, still offline.
  await expect(page.getByRole('heading', { name: 'Câu 3/10' })).toBeVisible();
  expect((await currentQuestion(page)).id).toBe(third.id);
  await expect(page.getByText('Đã trả lời 3/10 câu')).toBeVisible();
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(page.getByText('✓ Chính xác!')).toBeVisible();

  // The rest: all right, so the result has exactly one mistake (question 2).
  for (let number = 4; number <= 10; number++) {
    await page.getByRole('button', { name: 'Câu tiếp theo' }).click();
    await expect(page.getByRole('heading', { name: `Câu ${number}/10` })).toBeVisible();
    await answerQuestion(page, { correct: true });
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
  }
  await page.getByRole('button', { name: 'Xem kết quả' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Kết quả' })).toBeVisible();
  await expect(page.getByText('9/10 câu đúng (90%)')).toBeVisible();
  await expect(page.getByText('Đây là kết quả tốt nhất của bạn ở bài này, phần “Luyện tập”.')).toBeVisible();
  const review = page.getByRole('region', { name: 'Xem lại câu sai (1)' });
  await expect(review.getByText(second.prompt.vi.trim())).toBeVisible();
  await expect(review.getByText(second.explanation.vi.trim())).toBeVisible();
  await expect(review.getByText(/^Nguồn:/)).toBeVisible();
  expect(first.id).not.toBe(second.id);

  // Retry only the mistake: one question, the same one.
  await page.getByRole('button', { name: 'Làm lại 1 câu sai' }).click();
  await expect(page.getByRole('heading', { name: 'Câu 1/1' })).toBeVisible();
  expect((await currentQuestion(page)).id).toBe(second.id);
  await answerQuestion(page, { correct: true });
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await page.getByRole('button', { name: 'Xem kết quả' }).click();
  await expect(page.getByText('1/1 câu đúng (100%)')).toBeVisible();

  // Progress: two attempts; the best of the quiz is the full attempt, not the retry.
  await page.getByRole('link', { name: 'Tiến bộ của tôi', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tiến bộ của Mai Anh' })).toBeVisible();
  const byQuiz = page.getByRole('table', {
    name: 'Số lần làm, kết quả tốt nhất khi luyện tập và khi thi, và kết quả gần nhất của từng bài',
  });
  await expect(byQuiz.getByRole('row', { name: /Học sinh THCS/ })).toContainText('90%');
  await expect(page.getByRole('heading', { name: 'Các lần làm bài (2)' })).toBeVisible();
  await expect(page.getByText(/Đã vững|Cần ôn lại/).first()).toBeVisible();

  // Nothing ever went to another host.
  const origin = new URL(baseURL ?? '').origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
});

test('Profiles on a shared device keep their results apart, and deleting one removes its results', async ({
  page,
}) => {
  await page.goto('/');
  await createProfile(page, 'Tuấn');
  await openQuiz(page, /Công nhân, người lao động/);
  await page.getByRole('button', { name: 'Bắt đầu luyện tập' }).click();
  for (let number = 1; number <= 10; number++) {
    await expect(page.getByRole('heading', { name: `Câu ${number}/10` })).toBeVisible();
    await answerQuestion(page, { correct: number % 2 === 0 });
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.getByRole('button', { name: number === 10 ? 'Xem kết quả' : 'Câu tiếp theo' }).click();
  }
  await expect(page.getByText('5/10 câu đúng (50%)')).toBeVisible();
  const tuanResult = page.url();

  // A second learner on the same device sees none of it.
  await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  await page.getByRole('region', { name: 'Thêm hồ sơ mới' }).getByLabel('Biệt danh').fill('Lan');
  await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Lan' })).toBeVisible();
  await page.getByRole('link', { name: 'Tiến bộ của tôi', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tiến bộ của Lan' })).toBeVisible();
  await expect(page.getByText('Bạn chưa làm bài nào.')).toBeVisible();
  await page.goto(tuanResult);
  await expect(page.getByRole('heading', { level: 1, name: 'Không tìm thấy kết quả này' })).toBeVisible();

  // Switching back shows Tuấn's result again.
  await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  await page.getByRole('button', { name: 'Dùng hồ sơ này: Tuấn' }).click();
  await page.getByRole('link', { name: 'Tiến bộ của tôi', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Các lần làm bài (1)' })).toBeVisible();

  // Deleting Tuấn asks first, says what will go, then removes the profile and its result.
  await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  await page.getByRole('button', { name: 'Xóa: Tuấn' }).click();
  const dialog = page.getByRole('dialog', { name: 'Xóa hồ sơ “Tuấn”?' });
  await expect(dialog).toContainText('1 kết quả');
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Xóa: Tuấn' }).click();
  await dialog.getByRole('button', { name: 'Xóa hồ sơ và kết quả' }).click();
  await expect(page.getByRole('button', { name: 'Xóa: Tuấn' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Đã xóa hồ sơ Tuấn.' })).toBeAttached();
  const stored = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('chung-tay');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('attempts').objectStore('attempts').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
  expect(stored).toBe(0);
});

test('English is one tap away and the choice is remembered', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Chung Tay – together against drugs' }),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Nickname').fill('Hoa');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await page.getByRole('link', { name: /Families and community/ }).click();
  await page.getByRole('button', { name: 'Start practice' }).click();
  await expect(page.getByRole('heading', { name: 'Question 1 of 10' })).toBeVisible();
  await answerQuestion(page, { correct: true, language: 'en' });
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByText('✓ Correct!')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Question 1 of 10' })).toBeVisible();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.getByRole('heading', { name: 'Câu 1/10' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});

test('A nickname longer than the limit is refused with the limit, never cut short without a word', async ({
  page,
}) => {
  await page.goto('/');
  const long =
    'Nguyễn Thị Minh Khai lớp 9A1 trường THCS Lê Quý Đôn thành phố Bắc Giang tỉnh Bắc Giang'.repeat(4);
  await page.getByLabel('Biệt danh').fill(long);
  await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
  const nickname = page.getByLabel('Biệt danh');
  await expect(nickname).toHaveAccessibleDescription('Biệt danh dài tối đa 40 ký tự.');
  await expect(nickname).toBeFocused();
  // What was typed stays whole, to be shortened by the learner, and no profile was made.
  await expect(nickname).toHaveValue(long);
  await expect(page.getByRole('banner').getByRole('link', { name: long.slice(0, 40) })).toHaveCount(0);

  await nickname.fill('Minh Khai');
  await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Minh Khai', exact: true })).toBeVisible();
});
