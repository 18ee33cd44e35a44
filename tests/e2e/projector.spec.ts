/**
 * The run screen on a projector: a union officer shows a question of four options to the room,
 * counts the answers and reveals the chart, all without scrolling in front of the room. Every
 * four-option question the bundled plans ask (room quiz, opening and closing check) is shown
 * at the two projector sizes still common in meeting rooms.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './test';
import type { Question } from '../../src/lib/content/content.schema.ts';
import { correctChoice } from '../../src/lib/domain/scoring.ts';
import { content, expectNoAxeViolations, plans } from './helpers';

const present = 37;
const question = (id: string) => content.questions.find((q) => q.id === id)!;
const fourOptions = (q: Question) => q.type !== 'true-false' && q.options.length === 4;

type Asked = {
  segment: number;
  kind: 'check-before' | 'quiz' | 'check-after';
  index: number;
  question: Question;
};

/** The four-option questions a plan asks, segment by segment, in the order of its agenda. */
function fourOptionQuestions(plan: (typeof plans)[number]): Asked[] {
  return plan.agenda.flatMap((segment, i) => {
    if (segment.kind !== 'quiz' && segment.kind !== 'check-before' && segment.kind !== 'check-after')
      return [];
    const ids = segment.kind === 'quiz' ? (segment.questions ?? []) : (plan.check ?? []);
    return ids
      .map((id, index) => ({ segment: i, kind: segment.kind, index, question: question(id) }))
      .filter((asked): asked is Asked => fourOptions(asked.question));
  });
}

/** The option labels as the board shows them: "A. …". */
function optionLabels(q: Question): string[] {
  return q.type === 'true-false'
    ? []
    : q.options.map((o, i) => `${String.fromCharCode(65 + i)}. ${o.text.vi}`);
}

/** Where each element lies outside the view: "the chart: 612,700 380×240". */
async function outsideView(page: Page, elements: Array<[string, Locator]>): Promise<string[]> {
  const view = page.viewportSize()!;
  const outside: string[] = [];
  for (const [what, locator] of elements) {
    const box = await locator.boundingBox();
    if (!box) {
      outside.push(`${what}: not shown`);
      continue;
    }
    const { x, y, width, height } = box;
    if (x < 0 || y < 0 || x + width > view.width + 1 || y + height > view.height + 1) {
      outside.push(`${what}: ${Math.round(x)},${Math.round(y)} ${Math.round(width)}×${Math.round(height)}`);
    }
  }
  return outside;
}

/** The question, each option with its − box + and (when revealed) the chart: one view, no scrolling. */
async function expectOneView(page: Page, q: Question, revealed: boolean): Promise<void> {
  const sizes = await page.evaluate(() => ({
    height: document.scrollingElement!.scrollHeight,
    width: document.scrollingElement!.scrollWidth,
    innerHeight,
    innerWidth,
  }));
  expect(sizes.height, `the page needs no scrolling for ${q.id}`).toBeLessThanOrEqual(sizes.innerHeight + 1);
  expect(sizes.width, `the page needs no sideways scrolling for ${q.id}`).toBeLessThanOrEqual(
    sizes.innerWidth + 1,
  );
  const elements: Array<[string, Locator]> = [['the question', page.getByText(q.prompt.vi, { exact: true })]];
  for (const label of optionLabels(q)) {
    elements.push(
      [label, page.getByText(label, { exact: true })],
      [`− of ${label}`, page.getByRole('button', { name: `Bớt một người chọn ${label}` })],
      [`the count of ${label}`, page.getByLabel(label, { exact: true })],
      [`+ of ${label}`, page.getByRole('button', { name: `Thêm một người chọn ${label}` })],
    );
    // Legible from the back of the room: the options stay at 24 px or more.
    const size = await page
      .getByText(label, { exact: true })
      .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(size, `the text size of ${label}`).toBeGreaterThanOrEqual(24);
  }
  if (revealed) elements.push(['the chart', page.getByRole('figure', { name: 'Cả phòng đã chọn' })]);
  expect(await outsideView(page, elements), `what of ${q.id} lies outside the view`).toEqual([]);
}

/** Counts the room: 20 chose the right option, 5, 4 and 3 the others. */
async function tally(page: Page, q: Question): Promise<void> {
  const right = correctChoice(q)[0];
  const wrong = [5, 4, 3];
  const ids = q.type === 'true-false' ? [] : q.options.map((o) => o.id);
  for (const [i, label] of optionLabels(q).entries()) {
    const id = ids[i];
    await page.getByLabel(label, { exact: true }).fill(String(id === right ? 20 : wrong.shift()));
  }
  await expect(page.getByText(`Đã đếm 32/${present} người có mặt`)).toBeVisible();
}

for (const [name, viewport] of [
  ['a 1366×768 projector', { width: 1366, height: 768 }],
  ['a 1024×768 projector', { width: 1024, height: 768 }],
] as const) {
  for (const plan of plans.filter((p) => fourOptionQuestions(p).length > 0)) {
    test(`On ${name}, every four-option question of “${plan.title.vi}” fits in one view with its counters and the revealed chart`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await page.goto(`/#/plan/${plan.id}`);
      await page.getByRole('button', { name: 'Bắt đầu buổi sinh hoạt' }).click();
      await expect(page.getByRole('heading', { level: 1, name: /^Phần 1\// })).toBeVisible();
      await page.getByLabel('Số người có mặt').fill(String(present));

      let at = 0;
      let shown = 0;
      for (const asked of fourOptionQuestions(plan)) {
        while (at < asked.segment) {
          await page.getByRole('button', { name: 'Phần tiếp →' }).click();
          at += 1;
          shown = 0; // each visit to a segment starts at its first question
          await expect(
            page.getByRole('heading', { level: 1, name: new RegExp(`^Phần ${at + 1}/`) }),
          ).toBeVisible();
        }
        const total = asked.kind === 'quiz' ? plan.agenda[at]!.questions!.length : plan.check!.length;
        for (; shown < asked.index; shown++) {
          await expect(page.getByText(`Câu ${shown + 1}/${total}`)).toBeVisible();
          await page.getByRole('button', { name: 'Câu tiếp' }).click();
        }
        await expect(page.getByText(`Câu ${asked.index + 1}/${total}`)).toBeVisible();
        await tally(page, asked.question);
        const revealed = asked.kind !== 'check-before';
        if (revealed) {
          await page.getByRole('button', { name: 'Công bố đáp án' }).click();
          await expect(page.getByText('✓ Đáp án đúng')).toBeVisible();
        }
        await expectOneView(page, asked.question, revealed);
      }
      // The scrolling explanation box and the chart pass axe too.
      await expectNoAxeViolations(page);
    });
  }
}
