/**
 * Printing answer cards (issue 17): a facilitator prints a set from the sessions list; the PDF
 * holds the how-to page, the cards (never split across pages) and the card list; and every
 * printed marker, drawn as the browser draws it, reads back with the card's own number and
 * the answer of the edge turned to the top.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { expectNoAxeViolations } from './helpers';
import { readPdf, squash } from './pdf';
import { createCardDetector } from '../../src/features/cards/detector.ts';

const nicknames = ['Lan Anh', 'Đức Huy', 'Ngọc Ánh'];
/** A4 in PDF points. */
const a4 = { width: 595.28, height: 841.89 };
/** How large each marker is drawn (with its quiet zone), and the white margin around it. */
const drawnSize = 300;
const margin = 40;

/** Opens the print screen from the sessions list as a facilitator and asks for 6 cards, 4 to a page, 3 named. */
async function openAndFill(page: Page): Promise<void> {
  await page.goto('/');
  await page
    .getByRole('region', { name: 'Bạn đến đây để làm gì?' })
    .getByRole('button', { name: 'Tổ chức buổi sinh hoạt, Tháng hành động' })
    .click();
  const navigation = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await navigation.getByRole('link', { name: 'Buổi sinh hoạt' }).click();
  await page.getByRole('link', { name: 'In thẻ trả lời' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'In thẻ trả lời' })).toBeVisible();
  // The header keeps Sessions as the current place.
  await expect(navigation.getByRole('link', { name: 'Buổi sinh hoạt' })).toHaveAttribute(
    'aria-current',
    'true',
  );

  const count = page.getByLabel('Số thẻ', { exact: true });
  await expect(count).toHaveValue('40');
  await expect(page.getByRole('radio', { name: '2 thẻ', exact: true })).toBeChecked();
  await count.fill('61');
  await expect(page.getByText('Hãy nhập một số nguyên từ 1 đến 60.')).toBeVisible();
  await expect(count).toHaveAttribute('aria-invalid', 'true');
  await count.fill('6');
  await expect(page.getByText('Hãy nhập một số nguyên từ 1 đến 60.')).toHaveCount(0);
  await page.getByRole('radio', { name: '4 thẻ (thẻ nhỏ, cho phòng nhỏ)' }).check();
  const list = page.getByLabel('Danh sách thẻ (không bắt buộc)');
  await list.fill([...nicknames, '', '', '', 'Minh'].join('\n'));
  await expect(page.getByText('Danh sách có 7 dòng nhưng chỉ in 6 thẻ')).toBeVisible();
  await list.fill(nicknames.join('\n'));
  await expect(page.getByText('Danh sách có 7 dòng nhưng chỉ in 6 thẻ')).toHaveCount(0);
  await expect(page.getByText('không lưu trên thiết bị này')).toBeVisible();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Bản in: trang hướng dẫn cách giơ thẻ, 2 trang thẻ, rồi danh sách thẻ.' }),
  ).toBeVisible();
}

test('A facilitator prints 6 cards, 4 to a page, with a card list: a how-to page, two pages of cards and the list, nicknames with their diacritics, nothing stored', async ({
  page,
}) => {
  await openAndFill(page);

  // page.pdf() prints with the print style sheet and the screen's @page, as the print dialog does.
  const pages = await readPdf(await page.pdf({ preferCSSPageSize: true }));
  expect(pages).toHaveLength(4);
  for (const { width, height } of pages) {
    expect(width).toBeCloseTo(a4.width, 0);
    expect(height).toBeCloseTo(a4.height, 0);
  }
  const [howTo = '', firstCards = '', secondCards = '', list = ''] = pages.map((p) => squash(p.text));
  expect(howTo).toContain('Cách giơ thẻ');
  expect(howTo).toContain('chữ cái của đáp án bạn chọn (A, B, C hoặc D) nằm ở cạnh trên');
  expect(howTo).toContain('Đừng để tay hay vật gì che ô vuông đen.');
  expect(howTo).not.toContain('Thẻ 1');
  for (const card of [1, 2, 3, 4]) expect(firstCards).toContain(`Thẻ ${card}`);
  expect(firstCards).not.toContain('Thẻ 5');
  for (const name of nicknames) expect(firstCards).toContain(name);
  expect(secondCards).toContain('Thẻ 5');
  expect(secondCards).toContain('Thẻ 6');
  expect(list).toContain('Danh sách thẻ');
  for (const [i, name] of nicknames.entries()) expect(list).toContain(`Thẻ ${i + 1} ${name}`);
  expect(list).toContain('Thẻ 6');

  // Print runs the browser's print once the set is right, and not while the count is wrong.
  await page.evaluate(() => {
    const counted = window as unknown as { printed: number };
    counted.printed = 0;
    window.print = () => void (counted.printed += 1);
  });
  const printed = () => page.evaluate(() => (window as unknown as { printed: number }).printed);
  await page.getByRole('button', { name: 'In thẻ' }).click();
  expect(await printed()).toBe(1);
  await page.getByLabel('Số thẻ', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'In thẻ' }).click();
  await expect(page.getByLabel('Số thẻ', { exact: true })).toBeFocused();
  expect(await printed()).toBe(1);

  // The list is printed, not kept: it is gone after a reload, and in no web storage.
  await page.reload();
  await expect(page.getByLabel('Danh sách thẻ (không bắt buộc)')).toHaveValue('');
  const stored = await page.evaluate(() =>
    JSON.stringify([{ ...localStorage }, { ...sessionStorage }]).normalize('NFC'),
  );
  for (const name of nicknames) expect(stored).not.toContain(name);
});

test('Every printed marker reads back as its own card, and each letter stands on the edge whose turn gives that answer', async ({
  page,
  context,
}) => {
  await openAndFill(page);
  await expectNoAxeViolations(page);

  const markers = page.getByRole('img', { name: /^Mã của thẻ \d+$/ });
  await expect(markers).toHaveCount(6);
  const svgs = await markers.evaluateAll((elements) =>
    elements.map((element) => ({
      label: element.getAttribute('aria-label') ?? '',
      svg: new XMLSerializer().serializeToString(element),
    })),
  );

  // The app's policy refuses data: images, so the markers are drawn in a blank page of their own.
  const scratch = await context.newPage();
  const detect = createCardDetector();
  for (const [index, { label, svg }] of svgs.entries()) {
    expect(label).toBe(`Mã của thẻ ${index + 1}`);
    for (const turn of [0, 1, 2, 3]) {
      const picture = await scratch.evaluate(
        async ({ svg, turn, drawnSize, margin }) => {
          const image = new Image();
          image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
          await image.decode();
          const size = drawnSize + 2 * margin;
          const canvas = document.createElement('canvas');
          canvas.width = canvas.height = size;
          const context = canvas.getContext('2d')!;
          context.fillStyle = '#fff';
          context.fillRect(0, 0, size, size);
          // The card as held up: turned a quarter turn anticlockwise per answer after A.
          context.translate(size / 2, size / 2);
          context.rotate((-turn * Math.PI) / 2);
          context.drawImage(image, -drawnSize / 2, -drawnSize / 2, drawnSize, drawnSize);
          const { data } = context.getImageData(0, 0, size, size);
          let binary = '';
          for (let i = 0; i < data.length; i += 0x8000) {
            binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
          }
          return { width: size, height: size, base64: btoa(binary) };
        },
        { svg, turn, drawnSize, margin },
      );
      const data = new Uint8ClampedArray(Buffer.from(picture.base64, 'base64'));
      const reads = detect({ width: picture.width, height: picture.height, data });
      expect(
        reads.map(({ card, answer }) => ({ card, answer })),
        `card ${index + 1} turned ${turn} quarter(s)`,
      ).toEqual([{ card: index + 1, answer: turn }]);
    }
  }
  await scratch.close();

  // On the card, A is above the marker, B right of it, C below, D left of it, each turned
  // clockwise by a quarter per letter so it reads upright with its edge at the top.
  const card = page.getByRole('img', { name: 'Mã của thẻ 1', exact: true }).locator('..');
  const marker = (await card.getByRole('img').boundingBox())!;
  const letters = await card.locator('span').evaluateAll((spans) =>
    spans
      .filter((span) => /^[ABCD]$/.test(span.textContent ?? ''))
      .map((span) => {
        const box = span.getBoundingClientRect();
        const { a, b } = new DOMMatrix(getComputedStyle(span).transform);
        return {
          letter: span.textContent,
          x: box.x + box.width / 2,
          y: box.y + box.height / 2,
          degrees: Math.round((Math.atan2(b, a) * 180) / Math.PI),
        };
      }),
  );
  const right = marker.x + marker.width;
  const bottom = marker.y + marker.height;
  const at = (letter: string) => letters.find((l) => l.letter === letter)!;
  expect(letters.map((l) => l.letter).sort()).toEqual(['A', 'B', 'C', 'D']);
  expect(at('A').y).toBeLessThan(marker.y);
  expect(at('A').degrees).toBe(0);
  expect(at('B').x).toBeGreaterThan(right);
  expect(at('B').degrees).toBe(90);
  expect(at('C').y).toBeGreaterThan(bottom);
  expect(Math.abs(at('C').degrees)).toBe(180);
  expect(at('D').x).toBeLessThan(marker.x);
  expect(at('D').degrees).toBe(-90);
});
