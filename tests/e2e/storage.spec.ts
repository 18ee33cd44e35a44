import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { answerQuestion, createProfile, expectSaved, openQuiz } from './helpers';

/**
 * Runs `body` against the app's database from inside the page, as another piece of code would.
 * The whole script is evaluated by Playwright, not built with `new Function` in the page, which
 * the app's Content-Security-Policy (no eval) refuses.
 */
function withDatabase<T>(page: Page, body: string, version?: number): Promise<T> {
  const open = version ? `indexedDB.open('chung-tay', ${version})` : `indexedDB.open('chung-tay')`;
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = ${open};
    open.onerror = () => reject(open.error);
    open.onupgradeneeded = () => undefined;
    open.onsuccess = () => {
      const db = open.result;
      ${body}
    };
  })`) as Promise<T>;
}

async function practiceToTheEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Bắt đầu luyện tập' }).click();
  for (let number = 1; number <= 10; number++) {
    await expect(page.getByRole('heading', { name: `Câu ${number}/10` })).toBeVisible();
    await answerQuestion(page, { correct: true });
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    if (number < 10) await page.getByRole('button', { name: 'Câu tiếp theo' }).click();
  }
}

test('When the browser refuses storage, the app still runs and says plainly that nothing will be kept', async ({
  page,
}) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
  });
  await page.goto('/');
  await expect(page.getByText('Trình duyệt này không cho lưu dữ liệu', { exact: false })).toBeVisible();
  await createProfile(page, 'Vy');
  await openQuiz(page, /Học sinh THCS/);
  await practiceToTheEnd(page);
  await page.getByRole('button', { name: 'Xem kết quả' }).click();
  await expect(page.getByText('10/10 câu đúng (100%)')).toBeVisible();
  await page.getByRole('link', { name: 'Tiến bộ của tôi', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Các lần làm bài (1)' })).toBeVisible();
});

test('A damaged saved record is set aside and reported, and everything else still opens', async ({
  page,
}) => {
  await page.goto('/');
  await createProfile(page, 'Phúc');
  await openQuiz(page, /Học sinh THCS/);
  await practiceToTheEnd(page);
  await page.getByRole('button', { name: 'Xem kết quả' }).click();
  await expect(page.getByText('10/10 câu đúng (100%)')).toBeVisible();

  // Another attempt of the same learner gets damaged on disk.
  await withDatabase(
    page,
    `const tx = db.transaction('attempts', 'readwrite');
     const store = tx.objectStore('attempts');
     const all = store.getAll();
     all.onsuccess = () => {
       store.put({ ...all.result[0], id: '11111111-1111-4111-8111-111111111111', durationMs: 'a while' });
     };
     tx.oncomplete = () => resolve(null);`,
  );
  await page.reload();
  await page.getByRole('link', { name: 'Tiến bộ của tôi', exact: true }).click();
  await expect(page.getByText('Có 1 bản ghi bị hỏng nên không đọc được.', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Các lần làm bài (1)' })).toBeVisible();
  const quarantined = await withDatabase<number>(
    page,
    `const count = db.transaction('quarantine').objectStore('quarantine').count();
     count.onsuccess = () => resolve(count.result);`,
  );
  expect(quarantined).toBe(1);
});

test('When the disk is full, finishing a quiz writes nothing partial and can be retried', async ({
  page,
}) => {
  // Chromium's quota override only bites on databases created under it, so the browser's
  // IndexedDB is made to report a full disk on writes, as it does when the device is full.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if ((window as { diskFull?: boolean }).diskFull) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
  });
  await page.goto('/');
  await createProfile(page, 'Long');
  await openQuiz(page, /Học sinh THCS/);
  await practiceToTheEnd(page);
  await expectSaved(page);

  await page.evaluate(() => ((window as { diskFull?: boolean }).diskFull = true));
  await page.getByRole('button', { name: 'Xem kết quả' }).click();
  await expect(page.getByRole('alert')).toContainText('Bộ nhớ của thiết bị đã đầy');
  await expect(page.getByText('Chưa lưu được: bộ nhớ đầy')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Câu 10/10' })).toBeVisible();
  const stored = await withDatabase<{ attempts: number; sessions: number }>(
    page,
    `const tx = db.transaction(['attempts', 'sessions']);
     const attempts = tx.objectStore('attempts').count();
     const sessions = tx.objectStore('sessions').count();
     tx.oncomplete = () => resolve({ attempts: attempts.result, sessions: sessions.result });`,
  );
  expect(stored).toEqual({ attempts: 0, sessions: 1 });

  // Space is freed; the retry stores the result.
  await page.evaluate(() => ((window as { diskFull?: boolean }).diskFull = false));
  await page.getByRole('button', { name: 'Thử lưu lại' }).click();
  await expect(page.getByText('10/10 câu đúng (100%)')).toBeVisible();
});

test('The same learner’s quiz open in a second tab is refused there, not overwritten', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await createProfile(page, 'Trang');
  await openQuiz(page, /Học sinh THCS/);
  await page.getByRole('button', { name: 'Bắt đầu luyện tập' }).click();
  await expect(page.getByRole('heading', { name: 'Câu 1/10' })).toBeVisible();

  const second = await context.newPage();
  await second.goto('/#/play');
  await expect(
    second.getByRole('heading', { level: 1, name: 'Bài này đang mở ở một thẻ khác' }),
  ).toBeVisible();

  // Profiles made in one tab show up in the other without a reload.
  await second.goto('/#/profiles');
  await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  await page.getByRole('region', { name: 'Thêm hồ sơ mới' }).getByLabel('Biệt danh').fill('Sơn');
  await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
  await expect(second.getByRole('button', { name: 'Dùng hồ sơ này: Sơn' })).toBeVisible();
});

test('When a newer version opens the data in another tab, this tab asks to be reloaded', async ({ page }) => {
  await page.goto('/');
  await createProfile(page, 'Quý');
  const version = await withDatabase<number>(page, 'resolve(db.version); db.close();');
  // A newer release upgrading the database, as it would from another tab.
  await withDatabase(page, 'db.close(); resolve(null);', version + 1);
  await expect(page.getByRole('alert')).toContainText('Chung Tay vừa được cập nhật ở một thẻ khác');
});

test('A quiz in progress that refers to a question an update removed can still be finished, without it', async ({
  page,
}) => {
  await page.goto('/');
  await createProfile(page, 'Nhi');
  await openQuiz(page, /Học sinh THCS/);
  await page.getByRole('button', { name: 'Bắt đầu luyện tập' }).click();
  await expect(page.getByRole('heading', { name: 'Câu 1/10' })).toBeVisible();
  // The saved quiz now lists a question that is no longer in the bank, in second place.
  await withDatabase(
    page,
    `const tx = db.transaction('sessions', 'readwrite');
     const store = tx.objectStore('sessions');
     const all = store.getAll();
     all.onsuccess = () => {
       const session = all.result[0];
       session.questionIds = [session.questionIds[0], 'retired-99'];
       store.put(session);
     };
     tx.oncomplete = () => resolve(null);`,
  );
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Câu 1/2' })).toBeVisible();
  await answerQuestion(page, { correct: true });
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await page.getByRole('button', { name: 'Câu tiếp theo' }).click();
  await expect(page.getByText('Câu hỏi này đã được bỏ khỏi ngân hàng câu hỏi')).toBeVisible();
  await page.getByRole('button', { name: 'Xem kết quả' }).click();
  await expect(page.getByText('1/1 câu đúng (100%)')).toBeVisible();
});
