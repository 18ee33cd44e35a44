import type { Locator, Page } from '@playwright/test';
import { expect, test } from './test';
import { answerQuestion, createProfile, currentQuestion, expectNoAxeViolations, openQuiz } from './helpers';
import { correctChoice } from '../../src/lib/domain/scoring.ts';

/** Takes a short practice quiz with one mistake, ending on the result screen. */
async function finishPracticeWithOneMistake(page: Page): Promise<void> {
  await openQuiz(page, /Học sinh THPT/);
  await page.getByRole('button', { name: 'Bắt đầu luyện tập' }).click();
  for (let number = 1; number <= 10; number++) {
    await expect(page.getByRole('heading', { name: `Câu ${number}/10` })).toBeVisible();
    await answerQuestion(page, { correct: number !== 2 });
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.getByRole('button', { name: number === 10 ? 'Xem kết quả' : 'Câu tiếp theo' }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Kết quả' })).toBeVisible();
}

/**
 * The passes below run on a new device (the full navigation, the home screen asking what the
 * person came to do) and again with a role chosen (a few places, the rest under "Thêm").
 */
const roleLabels = {
  learner: 'Làm bài trắc nghiệm',
  facilitator: 'Tổ chức buổi sinh hoạt, Tháng hành động',
  school: 'Ghi nhận hoạt động của trường',
} as const;
type RoleName = keyof typeof roleLabels;
const roleSuffix = (role: RoleName | null) =>
  role ? `, with the device set up for “${roleLabels[role]}”` : '';

/** Answers the home screen's question "Bạn đến đây để làm gì?" (the page must show it). */
async function chooseRole(page: Page, role: RoleName): Promise<void> {
  await page
    .getByRole('region', { name: 'Bạn đến đây để làm gì?' })
    .getByRole('button', { name: roleLabels[role] })
    .click();
  await expect(page.getByText('Đã sắp xếp cho việc', { exact: false })).toBeFocused();
}

/** The header's "Thêm" list, opened. */
async function openMore(page: Page): Promise<Locator> {
  const more = page.getByRole('banner').getByRole('button', { name: 'Thêm' });
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  return page.locator(`#${await more.getAttribute('aria-controls')}`);
}

/** Follows a header link, opening "Thêm" first if the link is in it. */
async function goToPlace(page: Page, name: string): Promise<void> {
  const link = page.getByRole('banner').getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) await openMore(page);
  await link.click();
}

for (const role of [null, 'learner'] as const) {
  test(`Every screen passes axe’s WCAG 2.1 A and AA checks, in Vietnamese and in English${roleSuffix(role)}`, async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Bạn đến đây để làm gì?' })).toBeVisible();
    await expectNoAxeViolations(page); // home, first visit, with the question
    if (role) {
      await chooseRole(page, role);
      await expectNoAxeViolations(page); // home, the role just set
      await openMore(page);
      await expectNoAxeViolations(page); // the header's "Thêm" list
      await page.keyboard.press('Escape');
    }

    await createProfile(page, 'Hà');
    await expectNoAxeViolations(page); // home with a learner

    await openQuiz(page, /Học sinh THPT/);
    await expectNoAxeViolations(page); // quiz introduction

    await page.getByRole('button', { name: 'Bắt đầu luyện tập' }).click();
    await answerQuestion(page, { correct: false });
    await expectNoAxeViolations(page); // practice question
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await expectNoAxeViolations(page); // practice feedback
    // On a phone a quiz's header is one line, every place under "Thêm".
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 360, height: 740 });
    await expect(page.getByRole('banner')).toHaveClass(/compact/);
    await openMore(page);
    await expectNoAxeViolations(page); // the compact header of a quiz, its "Thêm" list open
    await page.keyboard.press('Escape');
    if (viewport) await page.setViewportSize(viewport);
    // The header follows the width through a media query, a moment after the resize: wait for
    // the full header before deciding whether a place is under "Thêm".
    await expect(page.getByRole('banner')).not.toHaveClass(/compact/);

    await goToPlace(page, 'Bài trắc nghiệm');
    await expectNoAxeViolations(page); // home with a quiz in progress
    await openQuiz(page, /Gia đình và cộng đồng/);
    await page.getByRole('button', { name: 'Bắt đầu thi tính giờ' }).click();
    await page
      .getByRole('dialog', { name: 'Bỏ bài đang làm dở?' })
      .getByRole('button', { name: 'Bỏ bài dở' })
      .click();
    await answerQuestion(page, { correct: true });
    await expectNoAxeViolations(page); // contest with countdown and question list
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    await expectNoAxeViolations(page); // confirmation dialog
    await page.getByRole('dialog').getByRole('button', { name: 'Nộp bài' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kết quả' })).toBeVisible();
    await expectNoAxeViolations(page); // result with review of mistakes

    await goToPlace(page, 'Tiến bộ của tôi');
    await expect(page.getByRole('heading', { name: /Các lần làm bài/ })).toBeVisible();
    await expectNoAxeViolations(page); // progress

    await goToPlace(page, 'Hồ sơ');
    await expectNoAxeViolations(page); // profiles
    await page.getByRole('button', { name: 'Xóa: Hà' }).click();
    await expectNoAxeViolations(page); // delete confirmation
    await page.getByRole('button', { name: 'Hủy' }).click();

    await page.goto('/#/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang này' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'English' }).click();
    await page.goto('/#/progress');
    await expect(page.getByRole('heading', { level: 1, name: 'Progress of Hà' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Statistics in English, counting the contest just submitted, with a chart's table open.
    await page.goto('/#/statistics');
    await expect(page.locator('[data-figure="attempts"] strong')).toHaveText('1');
    await page.getByRole('figure', { name: 'Spread of quiz scores' }).getByText('Table of figures').click();
    await expectNoAxeViolations(page);
  });
}

for (const role of [null, 'facilitator', 'school'] as const) {
  test(`The library, the reader, the presenter and projector views, slogans, help and settings pass axe${roleSuffix(role)}`, async ({
    page,
  }) => {
    if (role) {
      await page.goto('/');
      await chooseRole(page, role);
      await expectNoAxeViolations(page); // the role's home, leading with its places
      await openMore(page);
      await expectNoAxeViolations(page); // the header's "Thêm" list
      await page.keyboard.press('Escape');
    }
    await page.goto('/#/materials');
    await expect(page.getByText(/^\d+ tài liệu$/)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Nhận biết', exact: false }).first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Nguồn' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Chế độ người trình bày (hai màn hình)' }).click();
    await expect(page.getByRole('timer')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Trình chiếu toàn màn hình' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Trình chiếu: / })).toBeAttached();
    await expectNoAxeViolations(page);
    await page.goto('/#/slogans');
    await expect(page.getByText('Chủ đề năm 2025')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/#/settings');
    await page.getByRole('radio', { name: 'Làm bài trắc nghiệm' }).check();
    await expect(page.getByText('Đã lưu: Làm bài trắc nghiệm.')).toBeVisible();
    await page.getByRole('button', { name: 'Thêm liên hệ' }).click();
    await expect(page.getByText('Hãy nhập tên nơi hỗ trợ.')).toBeVisible();
    await expectNoAxeViolations(page); // with the role just changed and errors shown
    await page.getByLabel('Tên nơi hỗ trợ').fill('Công an xã');
    await page.getByLabel('Số điện thoại').fill('113');
    await page.getByRole('button', { name: 'Thêm liên hệ' }).click();
    await page.goto('/#/help');
    await expect(page.getByText('Công an xã', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

/** Presses Tab (or Shift+Tab, going back) until `target` has focus; fails if it never does. */
async function tabTo(page: Page, target: Locator, maxPresses = 60, key = 'Tab'): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

for (const deviceRole of [null, 'learner'] as const) {
  test(`A learner can do everything with the keyboard alone${roleSuffix(deviceRole)}`, async ({ page }) => {
    await page.goto('/');
    if (deviceRole) {
      // The home screen's question, answered by keyboard.
      await tabTo(page, page.getByRole('button', { name: roleLabels[deviceRole] }));
      await page.keyboard.press('Enter');
      await expect(page.getByText('Đã sắp xếp cho việc', { exact: false })).toBeFocused();
    }
    await tabTo(page, page.getByLabel('Biệt danh'));
    await page.keyboard.type('Khoa');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Khoa' })).toBeVisible();

    await tabTo(page, page.getByRole('link', { name: /Công nhân, người lao động –/ }));
    await page.keyboard.press('Enter');
    // A new screen puts focus on its heading, so a screen reader announces where the user is.
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await tabTo(page, page.getByRole('button', { name: 'Bắt đầu luyện tập' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Câu 1/10' })).toBeVisible();

    // Choose the right answer with Tab, arrows and Space, then check it with Enter.
    const question = await currentQuestion(page);
    const role = question.type === 'multiple' ? 'checkbox' : 'radio';
    const inputs = page.getByRole(role);
    await tabTo(page, inputs.first());
    const right = correctChoice(question);
    const ids = await inputs.evaluateAll((elements) => elements.map((e) => (e as HTMLInputElement).value));
    if (role === 'radio') {
      const target = ids.indexOf(right[0] ?? '');
      await page.keyboard.press('Space');
      for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    } else {
      for (const [index, id] of ids.entries()) {
        if (index > 0) await page.keyboard.press('Tab');
        if (right.includes(id)) await page.keyboard.press('Space');
      }
    }
    await tabTo(page, page.getByRole('button', { name: 'Kiểm tra' }));
    await page.keyboard.press('Enter');
    await expect(page.getByText('✓ Chính xác!')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Câu tiếp theo' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Câu 2/10' })).toBeFocused();

    if (deviceRole) {
      // Every other place is in the header's "Thêm" list (back up from the question to reach
      // it): opened with Enter, left with Escape.
      const more = page.getByRole('banner').getByRole('button', { name: 'Thêm' });
      await tabTo(page, more, 20, 'Shift+Tab');
      await page.keyboard.press('Enter');
      await expect(more).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('Escape');
      await expect(more).toHaveAttribute('aria-expanded', 'false');
      await expect(more).toBeFocused();
      await page.keyboard.press('Enter');
      await tabTo(page, page.getByRole('banner').getByRole('link', { name: 'Hồ sơ', exact: true }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ người học' })).toBeFocused();
    }

    // The skip link leads past the header straight to the screen's heading.
    await page.goto('/#/progress');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  });
}

/** The page scrolls only vertically: nothing is cut off or needs sideways scrolling. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const tooWide = await page.evaluate(() =>
    document.documentElement.scrollWidth <= window.innerWidth
      ? []
      : [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
          .map((element) => `<${element.tagName.toLowerCase()} class="${element.className}">`)
          .slice(0, 8),
  );
  expect(tooWide).toEqual([]);
}

for (const [name, viewport] of [
  ['a 360 px phone', { width: 360, height: 740 }],
  ['a 1024×768 projector', { width: 1024, height: 768 }],
] as const) {
  for (const role of [null, 'learner'] as const)
    test(`On ${name} with text enlarged to 200%, every screen reflows without sideways scrolling${roleSuffix(role)}`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      // What a browser's text-size setting of 200% does to rem-based layouts.
      await page.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () => {
          document.documentElement.style.fontSize = '225%'; // 2 × the app's 112.5%
        });
      });
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page);
      if (role) {
        await chooseRole(page, role);
        await openMore(page);
        await expectNoSidewaysScroll(page); // the header's "Thêm" list
        await page.keyboard.press('Escape');
      }
      await createProfile(page, 'Nguyễn Thị Thanh Hương');
      await expectNoSidewaysScroll(page);
      await finishPracticeWithOneMistake(page);
      await expectNoSidewaysScroll(page); // result with a mistake reviewed
      await page.getByRole('button', { name: 'Làm lại cả bài' }).click();
      await expect(page.getByRole('heading', { name: 'Câu 1/10' })).toBeVisible();
      await expectNoSidewaysScroll(page); // a question
      // A phone's quiz header keeps every place under "Thêm"; so does a role's, at any size.
      if (viewport.width <= 640 || role) {
        await openMore(page);
        await expectNoSidewaysScroll(page); // the header of a quiz, its "Thêm" list open
        await page.keyboard.press('Escape');
      }
      await page.getByRole('button', { name: 'Kiểm tra' }).click();
      await expect(page.getByRole('button', { name: 'Kiểm tra' })).toBeInViewport({ ratio: 1 });
      await page.goto('/#/progress');
      await expect(page.getByRole('heading', { name: /Các lần làm bài/ })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await page.goto('/#/profiles');
      await expectNoSidewaysScroll(page);
      for (const path of [
        '/#/materials',
        '/#/materials/ma-tuy-nup-bong',
        '/#/slogans',
        '/#/cards',
        '/#/series/cong-nhan-chuoi',
        '/#/help',
        '/#/settings',
        '/#/schools',
        '/#/campaigns',
        '/#/statistics',
        '/#/rollups',
      ]) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        await expectNoSidewaysScroll(page);
      }
    });
}

test('In key-only mode every visible string is an i18n key: no text bypasses i18next', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('chung-tay.language', 'cimode'));
  const nickname = 'Quan';
  // Language names are shown in their own language on purpose (read from each locale file).
  const endonyms = ['Tiếng Việt', 'English'];
  const findUntranslated = () =>
    page.evaluate(
      (allowed) => {
        const key = /^[a-zA-Z][\w-]*(\.[\w-]+)+$/;
        const isFine = (token: string) =>
          !token ||
          key.test(token) ||
          token.toLowerCase() === '⟦content⟧' || // content text (upper-cased on banners)
          allowed.includes(token) ||
          /^[A-Z]$/.test(token) || // option letters A–F
          /^https:\/\/\S+$/.test(token) || // a source's address, shown as it is
          /^[\d.,:;/%()–—·✓✗+\-#−]+$/.test(token); // numbers, times, phone numbers, marks (− on counters, — for "none yet" in a table)
        const tokens = (text: string) => text.split(/\s+/).map((t) => t.replace(/^[(“"]+|[)”",.:;]+$/g, ''));
        const found: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode;
          if (node.parentElement?.closest('script, style, noscript')) continue;
          const text = node.textContent?.trim() ?? '';
          if (text && !allowed.includes(text) && !tokens(text).every(isFine)) found.push(text);
        }
        for (const element of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
          for (const attribute of ['aria-label', 'title', 'alt', 'placeholder']) {
            const value = element.getAttribute(attribute)?.trim();
            if (value && !allowed.includes(value) && !tokens(value).every(isFine))
              found.push(`${attribute}="${value}"`);
          }
        }
        return found;
      },
      [nickname, ...endonyms],
    );

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'home.title' })).toBeVisible();
  expect(await findUntranslated()).toEqual([]);

  await page.getByLabel('profiles.nickname').fill(nickname);
  await page.getByRole('button', { name: 'profiles.create' }).click();
  await page.getByRole('link', { name: '⟦content⟧' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '⟦content⟧' })).toBeVisible();
  expect(await findUntranslated()).toEqual([]);

  await page.getByRole('button', { name: 'quizIntro.startContest' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  expect(await findUntranslated()).toEqual([]);
  await page.getByRole('button', { name: 'play.submit' }).click();
  expect(await findUntranslated()).toEqual([]);
  await page.getByRole('dialog').getByRole('button', { name: 'play.submit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'result.title' })).toBeVisible();
  expect(await findUntranslated()).toEqual([]);

  await page.getByRole('button', { name: 'result.retryAll' }).click();
  await page.getByRole('link', { name: 'nav.quizzes' }).click();
  await page.getByRole('link', { name: '⟦content⟧' }).nth(1).click();
  await page.getByRole('button', { name: 'quizIntro.startPractice' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'quizIntro.replaceConfirm' }).click();
  await page.getByRole('button', { name: 'play.check' }).click();
  expect(await findUntranslated()).toEqual([]); // the "choose first" message
  await page.getByRole('radio').or(page.getByRole('checkbox')).first().check();
  await page.getByRole('button', { name: 'play.check' }).click();
  await expect(page.getByRole('button', { name: 'play.next' })).toBeVisible();
  expect(await findUntranslated()).toEqual([]);

  for (const path of [
    '/#/progress',
    '/#/profiles',
    '/#/materials',
    '/#/materials/ma-tuy-nup-bong',
    '/#/present/ma-tuy-nup-bong',
    '/#/slogans',
    '/#/help',
    '/#/settings',
    '/#/sessions',
    '/#/cards',
    '/#/plan/cong-nhan-45-phut',
    '/#/series/cong-nhan-chuoi',
    '/#/materials/huong-dan-chuoi-cong-nhan',
    '/#/schools',
    '/#/campaigns',
    '/#/statistics',
    '/#/rollups',
    '/#/nowhere',
  ]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expect(
      page.getByRole('heading', { level: 1 }).and(page.locator(':not(:text("common.loading"))')),
    ).toBeVisible();
    expect(await findUntranslated(), path).toEqual([]);
  }

  // A role chosen in Settings: its home, leading with its places, and the header's "Thêm" list.
  await page.goto('/#/settings');
  await page.getByRole('radio', { name: 'role.name.facilitator' }).check();
  await expect(page.getByText('role.saved')).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: 'home.workHeading' })).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: 'nav.more' }).click();
  expect(await findUntranslated(), 'a facilitator’s home').toEqual([]);

  // A session run from a plan, its room tallies and its record form.
  await page.goto('/#/plan/cong-nhan-45-phut');
  await page.getByRole('button', { name: 'sessions.plan.start' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  expect(await findUntranslated(), 'run').toEqual([]);
  await page.getByRole('button', { name: 'sessions.run.nextSegment' }).click();
  await expect(page.getByText('sessions.run.beforeHint')).toBeVisible();
  expect(await findUntranslated(), 'before-check').toEqual([]);
  await page.getByRole('button', { name: 'sessions.run.finish' }).click();
  await page.getByRole('button', { name: 'sessions.record.save' }).click();
  await expect(page.getByText('sessions.record.problems')).toBeVisible();
  expect(await findUntranslated(), 'record').toEqual([]);

  // Schools: the list and its form, a school with one class (named "A"), its activity form.
  await page.goto('/#/schools');
  await page.getByRole('button', { name: 'schools.add' }).click();
  await expect(page.getByText('schools.problem.name.required')).toBeVisible();
  expect(await findUntranslated(), 'schools').toEqual([]);
  await page.getByLabel('schools.field.name').fill(nickname);
  await page.getByLabel('schools.field.level').selectOption('lower-secondary');
  await page.getByRole('button', { name: 'schools.add' }).click();
  await expect(page.getByRole('heading', { level: 1, name: nickname })).toBeVisible();
  expect(await findUntranslated(), 'school without classes').toEqual([]);
  await page.getByLabel('schools.classes.range').fill('A');
  await page.getByLabel('schools.classes.enrollmentEach').fill('30');
  await page.getByRole('button', { name: 'schools.classes.addRange' }).click();
  await page.getByLabel('schools.classes.paste').fill('x');
  await page.getByRole('button', { name: 'schools.classes.import' }).click();
  await expect(page.getByText('schools.import.refused')).toBeVisible();
  expect(await findUntranslated(), 'school with a class').toEqual([]);
  await page.getByRole('link', { name: 'schools.activity.record' }).click();
  await page.getByRole('button', { name: 'schools.activity.save' }).click();
  await expect(page.getByText('schools.activity.problem.activity.required')).toBeVisible();
  expect(await findUntranslated(), 'school activity').toEqual([]);

  // Statistics over that school, and a roll-up round refusing a file.
  await page.goto('/#/statistics');
  await expect(page.locator('[data-figure="classShare"]')).toContainText('0%');
  expect(await findUntranslated(), 'statistics').toEqual([]);
  await page.goto('/#/rollups');
  await page.getByRole('button', { name: 'statistics.rollup.add' }).click();
  await expect(page.getByText('statistics.rollup.problem.name.required')).toBeVisible();
  expect(await findUntranslated(), 'rollups').toEqual([]);
  await page.getByLabel('statistics.rollup.field.name').fill(nickname);
  await page.getByRole('button', { name: 'statistics.rollup.add' }).click();
  await expect(page.getByRole('heading', { level: 1, name: nickname })).toBeVisible();
  await page.getByLabel('statistics.rollup.choose').setInputFiles({
    name: 'x.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{'),
  });
  await expect(page.getByText('statistics.rollup.problem.file.not-json')).toBeVisible();
  expect(await findUntranslated(), 'rollup').toEqual([]);
});
