/**
 * Emergency wording in the bundled content (issue 18, point 5; facts.md §5): someone who
 * cannot breathe, is unconscious or has a seizure after using a substance needs 115, the
 * medical-emergency number, first, not the police. So every text that speaks of such a
 * situation names 115, names it before 113, and what it belongs to cites the source of 115.
 *
 * "A text" is what a reader takes in at once, in one language: a question (its scenario,
 * prompt, options and explanation, in that order), a material's title and lead, one section
 * of a material (a slide: heading, body and speaker notes), a step of a plan's agenda (title
 * and notes), or any other text of a plan.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listContentFiles, readContent } from '../../../src/lib/content/contentFiles';
import type { Citation, LocalizedText, Question } from '../../../src/lib/content/content.schema';
import type { Material } from '../../../src/lib/content/material.schema';
import type { Plan } from '../../../src/lib/content/plan.schema';
import { nationalLines } from '../../../src/features/help/nationalLines';

const root = join(import.meta.dirname, '../../..');

/** A situation that calls for 115: not breathing or struggling to, unconscious, an overdose, a seizure. */
const emergency: Record<string, RegExp> = {
  vi: /khó thở|thở (?:rất |quá )?khó|ngạt thở|ngừng thở|ngưng thở|không thở|không còn thở|bất tỉnh|ngất xỉu|co giật|quá liều|sốc thuốc/i,
  en: /suffocat|(?:trouble|difficulty|struggl\w*|unable|cannot|can't|can’t|stop(?:s|ped)?|not)\s+(?:to\s+)?breath|unconscious|pass(?:es|ed)? out|overdos|seizure|convuls/i,
};
/** The number standing alone, not part of a longer one (0769.04.04.04, 0204.3866.113). */
const number = (digits: string) => new RegExp(`(?<!\\d\\.?)${digits}(?!\\.?\\d)`);
const medical = number('115');
const police = number('113');

interface Text {
  /** Where the text is, for the failure message. */
  where: string;
  language: string;
  text: string;
  /** The sources cited by what the text belongs to. */
  sources: readonly Citation[];
}

/** What is wrong with one text's emergency wording, or null. */
function emergencyProblem(text: string, language: string): string | null {
  const situation = (emergency[language] ?? emergency.en!).exec(text);
  if (!situation) return null;
  const medicalAt = text.search(medical);
  if (medicalAt < 0) return `speaks of “${situation[0]}” without naming 115`;
  const policeAt = text.search(police);
  if (policeAt >= 0 && policeAt < medicalAt) return `speaks of “${situation[0]}” and names 113 before 115`;
  return null;
}

function languagesOf(text: LocalizedText): Array<[string, string]> {
  return Object.entries(text).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

/** Joins several texts language by language, in order. */
function joined(texts: Array<LocalizedText | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const text of texts) {
    if (!text) continue;
    for (const [language, value] of languagesOf(text)) out[language] = `${out[language] ?? ''}\n${value}`;
  }
  return out;
}

function questionTexts(question: Question): Text[] {
  const parts = joined([
    question.type === 'scenario' ? question.scenario : undefined,
    question.prompt,
    ...(question.type === 'true-false' ? [] : question.options.map((option) => option.text)),
    question.explanation,
  ]);
  return Object.entries(parts).map(([language, text]) => ({
    where: `question ${question.id}`,
    language,
    text,
    sources: question.sources,
  }));
}

function materialTexts(material: Material): Text[] {
  return Object.entries(material.texts).flatMap(([language, text]) => [
    {
      where: `${material.id}/${language}.md, title and lead`,
      language,
      text: `${text.title}\n${text.lead}`,
      sources: material.sources,
    },
    ...text.sections.map((section) => ({
      where: `${material.id}/${language}.md, section “${section.heading}”`,
      language,
      text: `${section.heading}\n${section.body}\n${section.notes ?? ''}`,
      sources: material.sources,
    })),
  ]);
}

function planTexts(plan: Plan): Text[] {
  const pieces: Array<{ where: string; parts: Record<string, string> }> = [
    { where: 'title', parts: joined([plan.title]) },
    { where: 'summary', parts: joined([plan.summary]) },
    ...plan.objectives.map((text, i) => ({ where: `objective ${i + 1}`, parts: joined([text]) })),
    ...plan.prepare.map((text, i) => ({ where: `preparation ${i + 1}`, parts: joined([text]) })),
    ...plan.agenda.map((step, i) => ({
      where: `agenda step ${i + 1}`,
      parts: joined([step.title, step.notes]),
    })),
  ];
  return pieces.flatMap(({ where, parts }) =>
    Object.entries(parts).map(([language, text]) => ({
      where: `plan ${plan.id}, ${where}`,
      language,
      text,
      sources: plan.sources,
    })),
  );
}

describe('Emergency wording', () => {
  test('a text about trouble breathing that names only 113 is caught', () => {
    expect(emergencyProblem('Nếu ai đó khó thở sau khi hít bóng cười, gọi 113.', 'vi')).toMatch(
      /without naming 115/,
    );
    expect(emergencyProblem('If a friend is unconscious, call 113 and then 115.', 'en')).toMatch(
      /113 before 115/,
    );
  });

  test('a text that names 115 first, and texts about other things, pass', () => {
    expect(
      emergencyProblem('Ai co giật sau khi dùng một chất cần gọi ngay 115; gọi 113 khi có nguy hiểm.', 'vi'),
    ).toBeNull();
    expect(emergencyProblem('If someone has a seizure, call 115 first.', 'en')).toBeNull();
    expect(
      emergencyProblem('Breathe deeply and take a breath before you answer; call 113.', 'en'),
    ).toBeNull();
    expect(emergencyProblem('Số 0769.04.04.04 nhận tin báo 24/7.', 'vi')).toBeNull();
  });

  const { quiz, materials, plans } = readContent(listContentFiles(root));
  const texts = [
    ...quiz.questions.flatMap(questionTexts),
    ...materials.flatMap(materialTexts),
    ...plans.flatMap(planTexts),
  ];

  test('every bundled text about not breathing, unconsciousness, an overdose or a seizure names 115 before 113', () => {
    expect(texts.length).toBeGreaterThan(100);
    const problems = texts.flatMap(({ where, language, text }) => {
      const problem = emergencyProblem(text, language);
      return problem ? [`${where} (${language}): ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  test('every question, material and plan that names 115 cites the source of 115', () => {
    const uncited = new Set(
      texts
        .filter(({ text, sources }) => medical.test(text) && !sources.some((s) => s.source === 'so-115'))
        .map(({ where, language }) => `${where} (${language})`),
    );
    expect([...uncited]).toEqual([]);
    expect(quiz.sources.map((s) => s.id)).toContain('so-115');
  });

  test('the national help lines shown on every screen name 115 first', () => {
    expect(nationalLines.map((line) => line.number).slice(0, 2)).toEqual(['115', '113']);
    expect(nationalLines[0]).toMatchObject({ dial: '115', key: 'help.medical' });
  });
});
