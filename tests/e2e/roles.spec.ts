/**
 * A home for each user (issue 20, point 1): the first start asks what the person came to do,
 * without blocking anything; the choice is kept for the device and gives a header of that
 * role's few places, every other place under "Thêm"; Settings changes it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './test';

const everyPlace = [
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
];

const navigation = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });
const moreButton = (page: Page) => navigation(page).getByRole('button', { name: 'Thêm' });
const question = (page: Page) => page.getByRole('region', { name: 'Bạn đến đây để làm gì?' });

/** The header's links a user sees without opening anything, in order. */
async function visiblePlaces(page: Page): Promise<string[]> {
  const links = navigation(page).getByRole('link');
  const names: string[] = [];
  for (const link of await links.all())
    if (await link.isVisible()) names.push((await link.innerText()).trim());
  return names;
}

test('On a new device the home screen asks what the person came to do, and everything still works meanwhile', async ({
  page,
}) => {
  await page.goto('/');
  await expect(question(page)).toBeVisible();
  await expect(question(page).getByRole('button')).toHaveText([
    'Làm bài trắc nghiệm',
    'Tổ chức buổi sinh hoạt, Tháng hành động',
    'Ghi nhận hoạt động của trường',
    'Để sau',
  ]);
  // Nothing is hidden until a role is chosen: the full navigation, no "Thêm".
  expect(await visiblePlaces(page)).toEqual(everyPlace);
  await expect(moreButton(page)).toHaveCount(0);
  await page.getByRole('link', { name: 'Trường học' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trường học' })).toBeVisible();

  // "Later" puts the question away for this visit, and focus goes to the screen's heading.
  await page.getByRole('link', { name: 'Bài trắc nghiệm' }).click();
  await question(page).getByRole('button', { name: 'Để sau' }).click();
  await expect(question(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Chung Tay phòng, chống ma túy' })).toBeFocused();
  await page.getByRole('link', { name: 'Tài liệu', exact: true }).click();
  await page.getByRole('link', { name: 'Bài trắc nghiệm' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chung Tay phòng, chống ma túy' })).toBeVisible();
  await expect(question(page)).toHaveCount(0);

  // Nothing was chosen, so the next start asks again.
  await page.reload();
  await expect(question(page)).toBeVisible();
});

test('A facilitator’s choice is kept: the header shows their places, the rest are one tap away under “Thêm”, by keyboard too', async ({
  page,
}) => {
  await page.goto('/');
  await question(page).getByRole('button', { name: 'Tổ chức buổi sinh hoạt, Tháng hành động' }).click();
  // The question gives way to a line saying what was set, which takes the focus.
  const said = page.getByText('Đã sắp xếp cho việc “Tổ chức buổi sinh hoạt, Tháng hành động”.');
  await expect(said).toBeFocused();
  await expect(said.getByRole('link', { name: 'Cài đặt' })).toBeVisible();
  expect(await visiblePlaces(page)).toEqual([
    'Buổi sinh hoạt',
    'Tháng hành động',
    'Tài liệu',
    'Thống kê',
    'Trợ giúp',
  ]);
  // Their home leads with their work.
  const work = page.getByRole('region', { name: 'Việc của bạn' });
  await expect(work.getByRole('link')).toHaveText([
    'Buổi sinh hoạt',
    'Tháng hành động',
    'Tài liệu',
    'Thống kê',
  ]);
  await expect(page.getByRole('region', { name: 'Bắt đầu: tạo hồ sơ của bạn' })).toHaveCount(0);

  // Kept for the device: the next start neither asks nor shows the full navigation.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Chung Tay phòng, chống ma túy' })).toBeVisible();
  await expect(question(page)).toHaveCount(0);
  expect(await visiblePlaces(page)).toEqual([
    'Buổi sinh hoạt',
    'Tháng hành động',
    'Tài liệu',
    'Thống kê',
    'Trợ giúp',
  ]);

  // "Thêm" is a real disclosure button holding every other place.
  const more = moreButton(page);
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  const list = page.locator(`#${await more.getAttribute('aria-controls')}`);
  await expect(list).toBeHidden();
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(list.getByRole('link')).toHaveText([
    'Bài trắc nghiệm',
    'Khẩu hiệu',
    'Trường học',
    'Ngân hàng câu hỏi',
    'Tiến bộ của tôi',
    'Hồ sơ',
  ]);
  // Escape closes it and gives focus back to the button.
  await page.keyboard.press('Tab');
  await expect(list.getByRole('link', { name: 'Bài trắc nghiệm' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(more).toBeFocused();

  // A place under "Thêm" opens by keyboard, and the list closes behind it.
  await page.keyboard.press('Space');
  await expect(list).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(list.getByRole('link', { name: 'Trường học' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Trường học' })).toBeFocused();
  await expect(list).toBeHidden();
  await expect(more).toHaveAttribute('aria-expanded', 'false');

  // A press outside the open list closes it.
  await more.click();
  await expect(list).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await expect(list).toBeHidden();
});

test('The role is changed in Settings, and another open tab follows it', async ({ page, context }) => {
  await page.goto('/');
  await question(page).getByRole('button', { name: 'Làm bài trắc nghiệm' }).click();
  expect(await visiblePlaces(page)).toEqual(['Bài trắc nghiệm', 'Tài liệu', 'Tiến bộ của tôi', 'Trợ giúp']);
  const other = await context.newPage();
  await other.goto('/#/help');
  await expect(other.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await visiblePlaces(other)).toEqual(['Bài trắc nghiệm', 'Tài liệu', 'Tiến bộ của tôi', 'Trợ giúp']);

  // Settings is linked under every screen, beside where to get help.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Cài đặt' }).click();
  const group = page.getByRole('group', { name: 'Thiết bị này dùng để' });
  await expect(group.getByRole('radio', { name: 'Làm bài trắc nghiệm' })).toBeChecked();
  await group.getByRole('radio', { name: 'Ghi nhận hoạt động của trường' }).check();
  await expect(
    page.getByRole('status').filter({ hasText: 'Đã lưu: Ghi nhận hoạt động của trường.' }),
  ).toBeVisible();
  expect(await visiblePlaces(page)).toEqual(['Trường học', 'Thống kê', 'Tài liệu', 'Trợ giúp']);
  // The other tab changes without a reload.
  await expect.poll(() => visiblePlaces(other)).toEqual(['Trường học', 'Thống kê', 'Tài liệu', 'Trợ giúp']);

  // "Not chosen" brings back the full navigation, and the question on the home screen.
  await group.getByRole('radio', { name: 'Chưa chọn (hiện mọi mục, hỏi ở trang chủ)' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Đã bỏ lựa chọn' })).toBeVisible();
  expect(await visiblePlaces(page)).toEqual(everyPlace);
  await page.getByRole('link', { name: 'Bài trắc nghiệm' }).click();
  await expect(question(page)).toBeVisible();

  // "Everything" keeps the full navigation and no longer asks.
  await page.goto('/#/settings');
  await page.getByRole('radio', { name: 'Tất cả các việc' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu: Tất cả các việc.' })).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Chung Tay phòng, chống ma túy' })).toBeVisible();
  expect(await visiblePlaces(page)).toEqual(everyPlace);
  await expect(question(page)).toHaveCount(0);
});
