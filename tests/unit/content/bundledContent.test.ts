import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listContentFiles, readQuizContent } from '../../../src/lib/content/contentFiles';
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

describe('The bundled content', () => {
  const content = readQuizContent(listContentFiles(root));

  test('passes validation and its cross-references resolve', () => {
    expect(content.questions.length).toBeGreaterThan(0);
  });

  test('has an English counterpart for every Vietnamese text', () => {
    const missing = localizedTexts(content)
      .filter(({ text }) => !text.en?.trim())
      .map(({ path, text }) => `${path}: "${text.vi.slice(0, 60)}"`);
    expect(missing).toEqual([]);
  });

  test('has at least 80 questions, covering every topic and every question type', () => {
    expect(content.questions.length).toBeGreaterThanOrEqual(80);
    const topics = new Set(content.questions.map((q) => q.topic));
    expect([...topics].sort()).toEqual(content.topics.map((t) => t.id).sort());
    const types = new Set(content.questions.map((q) => q.type));
    expect([...types].sort()).toEqual(['multiple', 'scenario', 'single', 'true-false']);
  });

  test('has a quiz for every audience, each with enough questions for a contest', () => {
    for (const audience of audienceIds) {
      const quizzes = content.quizzes.filter((quiz) => quiz.audience === audience);
      expect(quizzes.length, audience).toBeGreaterThanOrEqual(1);
      for (const quiz of quizzes) {
        expect(quizPool(quiz, content.questions).length).toBeGreaterThanOrEqual(quiz.contest.questionCount);
      }
    }
  });

  test('never states a fine amount', () => {
    // An amount of money: "1.000.000 đồng", "2 triệu đồng", "5 million dong".
    const moneyWords = /\d[\d.,]*\s*(nghìn|ngàn|triệu|tỷ|million|thousand)?\s*(đồng|vnđ|vnd|dong)\b/i;
    const offending = localizedTexts(content.questions)
      .flatMap(({ path, text }) => Object.values(text).map((t) => ({ path, t })))
      .filter(({ t }) => moneyWords.test(t))
      .map(({ path, t }) => `${path}: ${t}`);
    expect(offending).toEqual([]);
  });
});
