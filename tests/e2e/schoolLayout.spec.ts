/**
 * The school screens' layout: fields side by side line up (label with label, box with box),
 * and the classes not yet reached read as a plain row of names.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './test';
import { addSchoolWithClasses } from './helpers';

/** Where a field's label and box are: their tops and the box's height, in whole pixels. */
async function place(
  page: Page,
  label: string,
): Promise<{ labelTop: number; boxTop: number; boxHeight: number }> {
  const box = async (locator: Locator) => {
    const found = await locator.boundingBox();
    expect(found, `${label} is on screen`).not.toBeNull();
    return found!;
  };
  const labelBox = await box(page.locator('label').getByText(label, { exact: true }));
  const control = await box(page.getByLabel(label, { exact: true }));
  return {
    labelTop: Math.round(labelBox.y),
    boxTop: Math.round(control.y),
    boxHeight: Math.round(control.height),
  };
}

/**
 * Two fields in one row: labels on one line, boxes starting on one line, and (two text boxes)
 * equally tall.
 */
async function expectInLine(page: Page, first: string, second: string, sameKind: boolean): Promise<void> {
  const a = await place(page, first);
  const b = await place(page, second);
  if (!sameKind) {
    // A list box is as tall as the system draws it.
    a.boxHeight = b.boxHeight = 0;
  }
  expect(b, `“${second}” beside “${first}”`).toEqual(a);
}

test('The students-per-class box lines up with the class box beside it, and the school level with the school name', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await addSchoolWithClasses(page, 'Trường THCS Kim Đồng');
  await expectInLine(page, 'Lớp hoặc dãy lớp', 'Sĩ số mỗi lớp', true);
  // Still in line while a problem is shown under the first field only.
  await page.getByLabel('Lớp hoặc dãy lớp').fill('');
  await page.getByLabel('Sĩ số mỗi lớp').fill('35');
  await page.getByRole('button', { name: 'Thêm các lớp' }).click();
  await expect(page.getByLabel('Lớp hoặc dãy lớp')).toHaveAttribute('aria-invalid', 'true');
  await expectInLine(page, 'Lớp hoặc dãy lớp', 'Sĩ số mỗi lớp', true);

  // The form that adds a school: its name has a hint under it, its level none.
  await page.goto('/#/schools');
  await expect(page.getByLabel('Tên trường *')).toBeVisible();
  await expectInLine(page, 'Tên trường *', 'Cấp học *', false);
});

test('The classes not yet reached are listed as names alone, with no bullet after each one', async ({
  page,
}) => {
  await addSchoolWithClasses(page, 'Trường THCS Kim Đồng');
  await expect(page.getByRole('heading', { name: 'Lớp chưa được tiếp cận (3)' })).toBeVisible();
  const list = page.getByRole('list').filter({ has: page.getByText('6A1', { exact: true }) });
  await expect(list.getByRole('listitem')).toHaveText(['6A1', '6A2', '6A3']);
  // A bullet is drawn for a list item that keeps its marker (in a row, it shows after the name before it).
  const markers = await list.getByRole('listitem').evaluateAll((items) =>
    items.map((item) => {
      const style = getComputedStyle(item);
      return style.display === 'list-item' &&
        (style.listStyleType !== 'none' || style.listStyleImage !== 'none')
        ? `${item.textContent}: ${style.listStyleType}`
        : null;
    }),
  );
  expect(markers.filter(Boolean), 'items drawn with a bullet').toEqual([]);
  // The names sit in one row, in order.
  const boxes = await list
    .getByRole('listitem')
    .evaluateAll((items) => items.map((i) => i.getBoundingClientRect().toJSON() as DOMRect));
  expect(new Set(boxes.map((b) => Math.round(b.top))).size, 'rows the names take').toBe(1);
  expect(boxes.map((b) => b.left)).toEqual([...boxes.map((b) => b.left)].sort((x, y) => x - y));
  // The heading names the list for a screen reader.
  await expect(list).toHaveAccessibleName('Lớp chưa được tiếp cận (3)');
});
