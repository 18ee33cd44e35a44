import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listContentFiles, readContent } from '../../../src/lib/content/contentFiles';
import { audienceIds, type LocalizedText } from '../../../src/lib/content/content.schema';
import { quizPool } from '../../../src/lib/content/quizPool';

const root = join(import.meta.dirname, '../../..');

/** Every LocalizedText in a value, with the path that leads to it. */
function localizedTexts(value: unknown, path = ''): Array<{ path: string; text: LocalizedText }> {
  if (Array.isArray(value)) return value.flatMap((item, i) => localizedTexts(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.vi === 'string') return [{ path, text: record as LocalizedText }];
  return Object.entries(record).flatMap(([key, item]) => localizedTexts(item, path ? `${path}.${key}` : key));
}

// An amount of money: "1.000.000 đồng", "2 triệu đồng", "5 million dong".
const moneyAmount = /\d[\d.,]*\s*(nghìn|ngàn|triệu|tỷ|million|thousand)?\s*(đồng|vnđ|vnd|dong)\b/i;

describe('The bundled content', () => {
  const { quiz, materials, slogans, plans } = readContent(listContentFiles(root));

  test('passes validation and its cross-references resolve', () => {
    expect(quiz.questions.length).toBeGreaterThan(0);
  });

  test('has an English counterpart for every Vietnamese text of the quiz bank, the slogans and the plans', () => {
    const missing = localizedTexts({ quiz, slogans, plans })
      .filter(({ text }) => !text.en?.trim())
      .map(({ path, text }) => `${path}: "${text.vi.slice(0, 60)}"`);
    expect(missing).toEqual([]);
  });

  test('has at least 80 questions, covering every topic and every question type', () => {
    expect(quiz.questions.length).toBeGreaterThanOrEqual(80);
    const topics = new Set(quiz.questions.map((q) => q.topic));
    expect([...topics].sort()).toEqual(quiz.topics.map((t) => t.id).sort());
    const types = new Set(quiz.questions.map((q) => q.type));
    expect([...types].sort()).toEqual(['multiple', 'scenario', 'single', 'true-false']);
  });

  test('has a quiz for every audience, each with enough questions for a contest', () => {
    for (const audience of audienceIds) {
      const quizzes = quiz.quizzes.filter((q) => q.audience === audience);
      expect(quizzes.length, audience).toBeGreaterThanOrEqual(1);
      for (const q of quizzes) {
        expect(quizPool(q, quiz.questions).length).toBeGreaterThanOrEqual(q.contest.questionCount);
      }
    }
  });

  test('has at least 12 materials, at least two for every audience, each in Vietnamese and English', () => {
    expect(materials.length).toBeGreaterThanOrEqual(12);
    for (const audience of audienceIds) {
      expect(materials.filter((m) => m.audiences.includes(audience)).length, audience).toBeGreaterThanOrEqual(
        2,
      );
    }
    expect(materials.filter((m) => !m.texts.en).map((m) => m.id)).toEqual([]);
  });

  test('has images in materials, all of them bundled files', () => {
    const images = materials.flatMap((m) => Object.values(m.images));
    expect(images.length).toBeGreaterThan(0);
    for (const path of images) expect(path).toMatch(/^content\/materials\/[a-z0-9-]+\/images\//);
  });

  test('has at least 30 slogans, among them the official themes of 2018 and 2021 to 2025', () => {
    expect(slogans.length).toBeGreaterThanOrEqual(30);
    const years = slogans.flatMap((s) => (s.themeYear ? [s.themeYear] : [])).sort();
    expect(years).toEqual([2018, 2021, 2022, 2023, 2024, 2025]);
  });

  test('has at least six session plans, every audience served, each with a before/after check', () => {
    expect(plans.length).toBeGreaterThanOrEqual(6);
    expect(new Set(plans.map((p) => p.audience))).toEqual(new Set(audienceIds));
    expect(plans.filter((p) => !p.check).map((p) => p.id)).toEqual([]);
    expect(plans.find((p) => p.id === 'cong-nhan-45-phut')).toMatchObject({
      audience: 'workers',
      minutes: 45,
    });
  });

  test('never states an amount of money (no fine amounts)', () => {
    const texts = [
      ...localizedTexts({ questions: quiz.questions, slogans, plans }).flatMap(({ path, text }) =>
        Object.values(text).map((t) => ({ path, t })),
      ),
      ...materials.flatMap((m) =>
        Object.entries(m.texts).flatMap(([language, text]) =>
          [text.title, text.lead, ...text.sections.flatMap((s) => [s.heading, s.body, s.notes ?? ''])].map(
            (t) => ({
              path: `${m.id}/${language}.md`,
              t,
            }),
          ),
        ),
      ),
    ];
    expect(texts.filter(({ t }) => moneyAmount.test(t)).map(({ path, t }) => `${path}: ${t}`)).toEqual([]);
  });
});
