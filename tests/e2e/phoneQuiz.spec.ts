/**
 * The quiz on a phone (issue 20, point 1): while a quiz runs the header is one compact line,
 * so on a 360×740 screen a question of up to about 40 words shows with all its answers without
 * scrolling; and focus goes to the question when the quiz starts and at every new question,
 * so a keyboard user reaches the answers at once.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './test';
import { content, createProfile, openQuiz } from './helpers';

const phone = { width: 360, height: 740 };

const words = (text: string | undefined) => (text ?? '').trim().split(/\s+/).length;
/** The question's own words: its scenario, if any, and its prompt (the answers come on top). */
const questionWords = (q: (typeof content.questions)[number]) =>
  words(q.prompt.vi) + (q.type === 'scenario' ? words(q.scenario.vi) : 0);

/**
 * Replaces the questions of the quiz in progress with `ids`, from the first, as a quiz
 * resumed with exactly those questions: draws are random, and this test must see every
 * question of the bank that qualifies.
 */
async function askQuestions(page: Page, ids: string[]): Promise<void> {
  await page.evaluate(
    (questionIds) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('chung-tay');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('sessions', 'readwrite');
          const store = tx.objectStore('sessions');
          const all = store.getAll();
          all.onsuccess = () => {
            const [session] = all.result as Array<Record<string, unknown>>;
            // An hour, so the clock never ends the contest while the test walks through.
            store.put({ ...session, questionIds, currentIndex: 0, answers: {}, timeLimitMs: 3_600_000 });
          };
          tx.oncomplete = () => {
            db.close();
            resolve(null);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    ids,
  );
  await page.reload();
}

/** The question's text (its scenario too) and every answer are wholly on the screen. */
async function expectWholeQuestionOnScreen(page: Page, label: string): Promise<void> {
  const fieldset = page.locator('fieldset').first();
  const parts: Locator[] = [fieldset.locator('legend'), ...(await fieldset.locator('.scenario, li').all())];
  for (const part of parts) await expect(part, label).toBeInViewport({ ratio: 1 });
}

test('On a 360×740 phone the header is one line during a contest, and every question of up to 40 words shows with all its answers without scrolling', async ({
  page,
}) => {
  await page.setViewportSize(phone);
  await page.goto('/');
  await createProfile(page, 'Hà');
  await openQuiz(page, /Học sinh THPT/);
  await page.getByRole('button', { name: 'Bắt đầu thi tính giờ' }).click();
  await expect(page.getByRole('timer')).toBeVisible();

  // One line: the brand (the way home), the language and "Thêm" with every place.
  const banner = page.getByRole('banner');
  expect((await banner.boundingBox())?.height).toBeLessThanOrEqual(64);
  await expect(banner.getByRole('link', { name: 'Chung Tay' })).toBeVisible();
  await expect(banner.getByRole('button', { name: 'English' })).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Thêm' })).toBeVisible();

  const asked = content.questions.filter((q) => questionWords(q) <= 40);
  // The bank's longest questions are in it, scenarios with four answers included.
  expect(Math.max(...asked.map(questionWords))).toBeGreaterThanOrEqual(38);
  await askQuestions(
    page,
    asked.map((q) => q.id),
  );
  for (const [index, q] of asked.entries()) {
    const heading = page.getByRole('heading', { name: `Câu ${index + 1}/${asked.length}` });
    await expect(heading).toBeFocused();
    await expectWholeQuestionOnScreen(page, `${q.id} (${questionWords(q)} words)`);
    if (index < asked.length - 1) await page.getByRole('button', { name: 'Câu tiếp theo' }).click();
  }
});

/** Presses Tab until `target` has focus; returns how many presses it took. */
async function tabTo(page: Page, target: Locator, maxPresses = 60): Promise<number> {
  for (let presses = 0; presses < maxPresses; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test('When a contest starts and at each new question, focus is on the question, so one Tab reaches the answers and the next question is a few presses away', async ({
  page,
}) => {
  await page.setViewportSize(phone);
  await page.goto('/');
  await createProfile(page, 'Minh');
  await openQuiz(page, /Học sinh THCS/);
  await page.getByRole('button', { name: 'Bắt đầu thi tính giờ' }).focus();
  await page.keyboard.press('Enter');
  let presses = 1;

  for (let number = 1; number <= 3; number++) {
    await expect(page.getByRole('heading', { name: `Câu ${number}/15` })).toBeFocused();
    const answers = page.locator('fieldset').first().locator('input');
    const toAnswers = await tabTo(page, answers.first());
    expect(toAnswers, 'Tabs from the question to its first answer').toBe(1);
    await page.keyboard.press('Space');
    await expect(answers.first()).toBeChecked();
    // Past the answers (a radio group is one stop, each checkbox is one) and "Câu trước".
    const stops = (await answers.first().getAttribute('type')) === 'checkbox' ? await answers.count() : 1;
    const toNext = await tabTo(page, page.getByRole('button', { name: 'Câu tiếp theo' }));
    expect(toNext, 'Tabs from the first answer to “Câu tiếp theo”').toBeLessThanOrEqual(stops + 1);
    await page.keyboard.press('Enter');
    presses += toAnswers + 1 + toNext + 1;
  }
  await expect(page.getByRole('heading', { name: 'Câu 4/15' })).toBeFocused();
  test.info().annotations.push({ type: 'key presses for three questions', description: String(presses) });

  // A quiz resumed after a reload starts at its question too.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Câu 4/15' })).toBeFocused();
});

test('A practice run also starts with focus on its first question', async ({ page }) => {
  await page.goto('/');
  await createProfile(page, 'Lan');
  await openQuiz(page, /Công nhân, người lao động/);
  await page.getByRole('button', { name: 'Bắt đầu luyện tập' }).click();
  await expect(page.getByRole('heading', { name: 'Câu 1/10' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('fieldset').first().locator('input').first()).toBeFocused();
});

test('During a quiz, “Thêm” in the compact header holds every place and the learner', async ({ page }) => {
  await page.setViewportSize(phone);
  await page.goto('/');
  await createProfile(page, 'Hà');
  await openQuiz(page, /Học sinh THCS/);
  await page.getByRole('button', { name: 'Bắt đầu luyện tập' }).click();
  await expect(page.getByRole('heading', { name: 'Câu 1/10' })).toBeFocused();

  const more = page.getByRole('banner').getByRole('button', { name: 'Thêm' });
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const list = page.locator(`#${await more.getAttribute('aria-controls')}`);
  await expect(list.getByRole('link')).toHaveText([
    'Bài trắc nghiệm',
    'Tài liệu',
    'Khẩu hiệu',
    'Buổi sinh hoạt',
    'Tháng hành động',
    'Trường học',
    'Thống kê',
    'Ngân hàng câu hỏi',
    'Tiến bộ của tôi',
    'Hồ sơ',
    'Trợ giúp',
    'Hà',
  ]);
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(more).toBeFocused();

  // The place chosen opens, and the quiz waits where it was.
  await more.click();
  await list.getByRole('link', { name: 'Tiến bộ của tôi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tiến bộ của Hà' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Thêm' })).toHaveCount(0);
});
