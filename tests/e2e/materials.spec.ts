import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { slidesOf } from '../../src/lib/domain/slides.ts';
import { materials, recordRequests, slogans, waitForOfflineReady } from './helpers';
import { readPdf, squash } from './pdf';

const material = materials.find((m) => m.id === 'ma-tuy-nup-bong') ?? materials[0]!;
const text = material.texts.vi;
const slides = slidesOf(text);
const plain = (markdown: string) =>
  squash(markdown.replace(/[*_`#>]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));

/** Visits once so the app is installed, then cuts the network: the rest of the test is offline. */
async function goOffline(page: Page): Promise<void> {
  await page.goto('/');
  await waitForOfflineReady(page);
  await page.context().setOffline(true);
}

async function addLocalContact(page: Page, name: string, phone: string): Promise<void> {
  await page.goto('/#/settings');
  await page.getByLabel('Tên nơi hỗ trợ').fill(name);
  await page.getByLabel('Số điện thoại').fill(phone);
  await page.getByRole('button', { name: 'Thêm liên hệ' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã lưu liên hệ ${name}.` })).toBeAttached();
}

test('Offline, a search without diacritics finds the material, which opens with its bundled images and sources', async ({
  page,
  context,
  baseURL,
}) => {
  const requests = recordRequests(context);
  await page.goto('/');
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.reload();

  await page.getByRole('link', { name: 'Tài liệu', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tài liệu tuyên truyền' })).toBeVisible();
  const count = page.getByText(/^\d+ tài liệu$/);
  await expect(count).toHaveText(`${materials.length} tài liệu`);
  await page.getByLabel('Tìm tài liệu').fill('ma tuy nup bong');
  const card = page.getByRole('link', { name: text.title });
  await expect(card).toBeVisible();
  await page.getByLabel('Tìm tài liệu').fill('xyzzy quokka');
  await expect(page.getByText('Không có tài liệu nào phù hợp.', { exact: false })).toBeVisible();
  await page.getByLabel('Tìm tài liệu').fill('');
  await page.getByLabel('Đối tượng').selectOption({ label: 'Công nhân, người lao động' });
  const forWorkers = materials.filter((m) => m.audiences.includes('workers')).length;
  await expect(count).toHaveText(`${forWorkers} tài liệu`);
  await page.getByLabel('Đối tượng').selectOption({ label: 'Tất cả đối tượng' });
  await page.getByLabel('Tìm tài liệu').fill('MA TÚY NÚP BÓNG');
  await card.click();

  await expect(page.getByRole('heading', { level: 1, name: text.title })).toBeVisible();
  for (const section of text.sections) {
    await expect(page.getByRole('heading', { level: 2, name: plain(section.heading) })).toBeVisible();
  }
  // Speaker notes are for the presenter, not the reader.
  const notes = text.sections.find((s) => s.notes)?.notes;
  if (notes) await expect(page.getByText(plain(notes).slice(0, 40), { exact: false })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Nguồn' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('heading', { name: 'Cần giúp đỡ? Hãy gọi' })).toBeVisible();

  const images = page.locator('article img');
  if (Object.keys(material.images).length > 0) {
    await expect(images.first()).toBeVisible();
    const loaded = await images.evaluateAll((list) =>
      list.map((img) => ({
        ok: (img as HTMLImageElement).naturalWidth > 0,
        src: (img as HTMLImageElement).src,
      })),
    );
    for (const image of loaded) {
      expect(image.ok, image.src).toBe(true);
      expect(new URL(image.src).origin).toBe(new URL(baseURL ?? '').origin);
    }
  }
  const origin = new URL(baseURL ?? '').origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
});

test('A presenter drives the slides from the keyboard and the projector window stays in step', async ({
  page,
}) => {
  await goOffline(page);
  await page.goto(`/#/materials/${material.id}`);
  await page.getByRole('link', { name: 'Chế độ người trình bày (hai màn hình)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Người trình bày: ${text.title}` })).toBeVisible();
  const counter = page.getByText(/^Trang \d+\/\d+/);
  await expect(counter).toHaveText(`Trang 1/${slides.length}`);

  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Mở cửa sổ máy chiếu' }).click();
  const projector = await popup;
  const onScreen = projector.getByRole('heading', { level: 2 });
  await expect(onScreen).toHaveText(text.title);
  await expect(page.getByText('Cửa sổ máy chiếu đang chạy theo.')).toBeVisible();

  // The presenter's keys move both windows.
  await page.keyboard.press('ArrowRight');
  await expect(counter).toHaveText(`Trang 2/${slides.length}`);
  await expect(onScreen).toHaveText(plain(slides[1]!.heading));
  if (slides[1]!.notes)
    await expect(page.getByText(plain(slides[1]!.notes).slice(0, 30), { exact: false })).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(onScreen).toHaveText(plain(slides[2]!.heading));

  // A clicker plugged into the projector's machine drives the presenter too.
  await projector.keyboard.press('PageUp');
  await expect(counter).toHaveText(`Trang 2/${slides.length}`);
  await projector.keyboard.press('End');
  await expect(counter).toHaveText(`Trang ${slides.length}/${slides.length}`);
  await expect(onScreen).toHaveText(plain(slides[slides.length - 1]!.heading));
  await page.keyboard.press('Home');
  await expect(onScreen).toHaveText(text.title);

  // B blacks out the projector; "." brings it back.
  await page.keyboard.press('b');
  await expect(projector.getByRole('heading', { level: 2 })).toHaveCount(0);
  await expect(page.getByText('Màn hình đang tắt (đen)')).toBeVisible();
  await projector.keyboard.press('.');
  await expect(onScreen).toHaveText(text.title);

  // The timer runs.
  const timer = page.getByRole('timer', { name: 'Thời gian đã trình bày' });
  await expect(timer).toHaveText(/^0:0[1-9]$/, { timeout: 5000 });

  // Esc closes the projector window, then leaves the presenter view.
  // The key closes the window it is pressed in, so wait for the close rather than the press.
  const closed = projector.waitForEvent('close');
  void projector.keyboard.press('Escape').catch(() => undefined);
  await closed;
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: text.title })).toBeVisible();

  // Presenting on one screen: the slides fill the window, the same keys work, Esc comes back.
  await page.getByRole('button', { name: 'Trình chiếu toàn màn hình' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(text.title);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(plain(slides[1]!.heading));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: text.title })).toBeVisible();
});

test('A handout prints on A4 with the title, the sources and the local contacts, and no buttons or notes', async ({
  page,
}) => {
  await goOffline(page);
  await addLocalContact(page, 'Công an xã Quang Châu', '0204 3866 113');
  await page.goto(`/#/materials/${material.id}`);
  await page.reload(); // a fresh start on the material: only its own messages are loaded
  await expect(page.getByRole('heading', { level: 1, name: text.title })).toBeVisible();
  await expect(page.getByText('Công an xã Quang Châu')).toBeVisible();
  await page.evaluate(() => document.fonts.ready);

  const pages = await readPdf(
    await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }),
  );
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(pages.length).toBeLessThanOrEqual(4);
  for (const sheet of pages) {
    expect(Math.round(sheet.width)).toBe(595); // A4 portrait, in points
    expect(Math.round(sheet.height)).toBe(842);
  }
  const all = squash(pages.map((p) => p.text).join('\n'));
  expect(all).toContain(squash(text.title));
  expect(all).toContain('Nguồn');
  expect(all).toContain('Công an xã Quang Châu');
  expect(all).toContain('0204 3866 113');
  expect(all).toContain('0769.04.04.04');
  expect(all).not.toContain('Trình chiếu toàn màn hình');
  expect(all).not.toContain('Bài trắc nghiệm'); // the app's navigation
  const notes = text.sections.find((s) => s.notes)?.notes;
  if (notes) expect(all).not.toContain(plain(notes).slice(0, 30));
  // The help contacts close the handout.
  expect(squash(pages[pages.length - 1]!.text)).toContain('Công an xã Quang Châu');
});

test('A slogan prints as a banner over several A4 landscape pages, and as one A3 poster, diacritics intact', async ({
  page,
}) => {
  const theme = slogans.find((s) => s.themeYear === 2024)!;
  await goOffline(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'Khẩu hiệu', exact: true }).click();
  await expect(page.getByText('Chủ đề năm 2024')).toBeVisible();
  await page.getByRole('button', { name: `Dùng khẩu hiệu: ${theme.text.vi}` }).click();
  await expect(page.getByLabel('Nội dung khẩu hiệu')).toHaveValue(theme.text.vi);
  const summary = page.getByRole('status').filter({ hasText: 'Băng-rôn gồm' });
  const count = Number((await summary.innerText()).match(/gồm (\d+) tờ/)?.[1]);
  expect(count).toBeGreaterThan(3);

  const banner = await readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(banner).toHaveLength(count);
  for (const sheet of banner) {
    expect(Math.round(sheet.width)).toBe(842); // A4 landscape
    expect(Math.round(sheet.height)).toBe(595);
  }
  // Each page carries the letters it shows (a letter cut by the page edge may be on both).
  const letters = (value: string) => value.replace(/\d+\/\d+/g, '').replace(/[\s,]/g, '');
  const expected = letters(theme.text.vi.toLocaleUpperCase('vi'));
  const onPages = banner.map((sheet) => letters(sheet.text));
  expect(onPages.every((part) => part.length > 0 && expected.includes(part))).toBe(true);
  expect(expected.startsWith(onPages[0]!)).toBe(true);
  expect(expected.endsWith(onPages[onPages.length - 1]!)).toBe(true);
  expect(onPages.join('')).toContain('XÃ'); // diacritics survive printing
  expect(onPages.join('')).toContain('ƯỜ');
  expect(banner.map((sheet) => sheet.text.match(/(\d+)\/\d+/)?.[1])).toEqual(
    banner.map((_, i) => String(i + 1)),
  );

  await page.getByLabel('Nội dung khẩu hiệu').fill('Sống khỏe, nói không với ma túy');
  await page.getByLabel('Áp phích một tờ A3 ngang').check();
  const poster = await readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(poster).toHaveLength(1);
  expect(Math.round(poster[0]!.width)).toBe(1191); // A3 landscape
  expect(squash(poster[0]!.text)).toBe('SỐNG KHỎE, NÓI KHÔNG VỚI MA TÚY');
});

test('Local help contacts are checked before saving, then appear on the help page and survive a reload', async ({
  page,
}) => {
  await page.goto('/#/settings');
  await page.getByLabel('Số điện thoại').fill('gọi anh Nam');
  await page.getByRole('button', { name: 'Thêm liên hệ' }).click();
  await expect(page.getByText('Hãy nhập tên nơi hỗ trợ.')).toBeVisible();
  await expect(page.getByText('Số điện thoại chỉ gồm chữ số', { exact: false })).toBeVisible();
  await expect(page.getByText('Chưa có liên hệ nào.')).toBeVisible();

  await page.getByLabel('Loại').selectOption({ label: 'Trạm y tế' });
  await page.getByLabel('Tên nơi hỗ trợ').fill('Trạm y tế xã Quang Châu');
  await page.getByLabel('Số điện thoại').fill('0204 3866 115');
  await page.getByLabel('Ghi chú').fill('Thứ Hai – Thứ Sáu, 7:30–17:00');
  await page.getByRole('button', { name: 'Thêm liên hệ' }).click();
  await expect(page.getByRole('button', { name: 'Sửa: Trạm y tế xã Quang Châu' })).toBeVisible();

  await page.reload();
  await page.getByRole('link', { name: 'Trợ giúp', exact: true }).click();
  const help = page.getByRole('region', { name: 'Cần giúp đỡ? Hãy gọi' });
  await expect(help.getByText('Trạm y tế xã Quang Châu')).toBeVisible();
  await expect(help.getByRole('link', { name: '0204 3866 115' })).toHaveAttribute('href', 'tel:02043866115');
  await expect(help.getByRole('link', { name: '113' })).toBeVisible();

  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Sửa: Trạm y tế xã Quang Châu' }).click();
  await page.getByLabel('Tên nơi hỗ trợ').fill('Trạm y tế xã Quang Châu (cơ sở 2)');
  await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await page.getByRole('button', { name: 'Xóa: Trạm y tế xã Quang Châu (cơ sở 2)' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Xóa' }).click();
  await expect(page.getByText('Chưa có liên hệ nào.')).toBeVisible();
});
