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
  const { quiz, materials, slogans, plans, series } = readContent(listContentFiles(root));

  test('passes validation and its cross-references resolve', () => {
    expect(quiz.questions.length).toBeGreaterThan(0);
  });

  test('has an English counterpart for every Vietnamese text of the quiz bank, the slogans and the plans', () => {
    const missing = localizedTexts({ quiz, slogans, plans, series })
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

  test('has a series for every audience: 3–4 sessions, a booster, a facilitator guide', () => {
    expect(new Set(series.map((s) => s.audience))).toEqual(new Set(audienceIds));
    for (const one of series) {
      expect(one.sessions.length, one.id).toBeGreaterThanOrEqual(3);
      expect(one.booster.monthsAfter, one.id).toBeGreaterThanOrEqual(2);
      expect(materials.find((m) => m.id === one.guide)?.kind, one.id).toBe('guide');
    }
  });

  test('the series build on each other: later sessions and the booster re-ask earlier questions or go further', () => {
    for (const one of series) {
      const steps = [...one.sessions.map((s) => s.plan), one.booster.plan].map((id) =>
        plans.find((p) => p.id === id)!,
      );
      // The booster re-asks at least one question an earlier session's check asked, so what stuck shows.
      const asked = new Set(steps.slice(0, -1).flatMap((p) => p.check ?? []));
      expect(
        steps.at(-1)!.check!.some((id) => asked.has(id)),
        one.id,
      ).toBe(true);
      // A closing commitment and a role-play somewhere in the series.
      const kinds = new Set(steps.flatMap((p) => p.agenda.map((a) => a.kind)));
      expect(kinds.has('closing'), `${one.id}: a closing commitment`).toBe(true);
      expect(kinds.has('roleplay'), `${one.id}: role-play`).toBe(true);
    }
  });

  test('the law is a segment of the school, worker and family series', () => {
    for (const one of series) {
      const materialIds = one.sessions.flatMap((s) =>
        plans.find((p) => p.id === s.plan)!.agenda.flatMap((a) => (a.material ? [a.material] : [])),
      );
      expect(materialIds, one.id).toContain('phap-luat-de-hieu');
    }
  });

  test('every material is presented by some plan, except facilitator guides', () => {
    const used = new Set(plans.flatMap((p) => p.agenda.flatMap((a) => (a.material ? [a.material] : []))));
    expect(materials.filter((m) => m.kind !== 'guide' && !used.has(m.id)).map((m) => m.id)).toEqual([]);
  });

  test('never states an amount of money (no fine amounts)', () => {
    const texts = [
      ...localizedTexts({ questions: quiz.questions, slogans, plans, series }).flatMap(({ path, text }) =>
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
