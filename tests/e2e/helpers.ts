/**
 * Helpers that drive the app the way a learner does (roles and labels), plus knowledge of
 * the bundled content so a test can answer a question rightly or wrongly on purpose.
 */
import { join } from 'node:path';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { listContentFiles, readContent } from '../../src/lib/content/contentFiles.ts';
import type { Question } from '../../src/lib/content/content.schema.ts';
import { correctChoice } from '../../src/lib/domain/scoring.ts';

const bundled = readContent(listContentFiles(join(import.meta.dirname, '../..')));
export const content = bundled.quiz;
export const materials = bundled.materials;
export const slogans = bundled.slogans;
export const plans = bundled.plans;
export const series = bundled.series;
export type Language = 'vi' | 'en';

const trueFalse = { vi: { true: 'Đúng', false: 'Sai' }, en: { true: 'True', false: 'False' } };

/** The question on screen, told apart by its prompt and, where prompts repeat, its options. */
export async function currentQuestion(page: Page, language: Language = 'vi'): Promise<Question> {
  const fieldset = page.locator('fieldset').first();
  const prompt = (await fieldset.locator('legend').innerText()).trim();
  const options = (await fieldset.locator('li label .label').allInnerTexts()).map((text) => text.trim());
  const matches = content.questions.filter(
    (q) =>
      (q.prompt[language] ?? '').trim() === prompt &&
      (q.type === 'true-false' || q.options.every((o, i) => (o.text[language] ?? '').trim() === options[i])),
  );
  if (matches.length !== 1) {
    throw new Error(`${matches.length} questions in the bank match the prompt "${prompt}" and its options`);
  }
  return matches[0] as Question;
}

function optionLabel(question: Question, id: string, language: Language): string {
  if (question.type === 'true-false') return trueFalse[language][id as 'true' | 'false'];
  const option = question.options.find((o) => o.id === id);
  return (option?.text[language] ?? '').trim();
}

/** Option ids that make a wrong answer: another option, the opposite, or an incomplete set. */
function wrongChoice(question: Question): string[] {
  const right = correctChoice(question);
  if (question.type === 'true-false') return [right[0] === 'true' ? 'false' : 'true'];
  if (question.type === 'multiple') return right.slice(0, 1);
  const other = question.options.find((o) => !o.correct);
  return other ? [other.id] : [];
}

/** Answers the question on screen; returns it. */
export async function answerQuestion(
  page: Page,
  { correct, language = 'vi' }: { correct: boolean; language?: Language },
): Promise<Question> {
  const question = await currentQuestion(page, language);
  const ids = correct ? correctChoice(question) : wrongChoice(question);
  const role = question.type === 'multiple' ? 'checkbox' : 'radio';
  for (const id of ids) {
    await page.getByRole(role, { name: optionLabel(question, id, language), exact: true }).check();
  }
  return question;
}

/** Creates a profile from whichever screen shows the profile form. */
export async function createProfile(page: Page, nickname: string, group = ''): Promise<void> {
  await page.getByLabel('Biệt danh').fill(nickname);
  if (group) await page.getByLabel('Lớp hoặc nhóm (không bắt buộc)').fill(group);
  await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: nickname, exact: true })).toBeVisible();
}

/** A lower-secondary school with classes 6A1–6A3 of 35, added as a school would (from the schools list). */
export async function addSchoolWithClasses(page: Page, name: string): Promise<void> {
  await page.goto('/#/schools');
  await page.getByLabel('Tên trường *').fill(name);
  await page.getByLabel('Cấp học *').selectOption({ label: 'Trung học cơ sở (THCS)' });
  await page.getByRole('button', { name: 'Thêm trường' }).click();
  await page.getByLabel('Lớp hoặc dãy lớp').fill('6A1–6A3');
  await page.getByLabel('Sĩ số mỗi lớp').fill('35');
  await page.getByRole('button', { name: 'Thêm các lớp' }).click();
  await expect(page.getByText('Đã thêm 3 lớp', { exact: false })).toBeVisible();
}

export async function openQuiz(page: Page, title: RegExp | string): Promise<void> {
  await page.getByRole('link', { name: 'Bài trắc nghiệm' }).click();
  await page.getByRole('link', { name: title }).click();
}

/** Waits until the service worker has precached the app and controls the page. */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
  });
}

/** Records every request the pages of a context make. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Fails with the list of WCAG 2.1 A/AA violations axe finds on the page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

/** The quiz's saved-state line says everything is stored. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByText('Đã lưu tự động')).toBeVisible();
}

/** The label of each option as the room-quiz board shows it. */
export function optionLabels(q: Question): Array<{ id: string; label: string }> {
  if (q.type === 'true-false') {
    return [
      { id: 'true', label: 'Đúng' },
      { id: 'false', label: 'Sai' },
    ];
  }
  return q.options.map((o, i) => ({ id: o.id, label: `${String.fromCharCode(65 + i)}. ${o.text.vi}` }));
}

/** Enters the room's answers: `right` chose the right option, the rest of `present` the first wrong one. */
export async function tallyRoom(page: Page, q: Question, right: number, present: number): Promise<void> {
  const correct = correctChoice(q)[0];
  const options = optionLabels(q);
  const wrong = options.find((o) => o.id !== correct)!;
  for (const option of options) {
    const count = option.id === correct ? right : option.id === wrong.id ? present - right : 0;
    await page.getByLabel(option.label, { exact: true }).fill(String(count));
  }
  await expect(page.getByText(`Đã đếm ${present}/${present} người có mặt`)).toBeVisible();
}
