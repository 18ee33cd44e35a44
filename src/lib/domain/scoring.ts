/**
 * Whether an answer is right. One rule for every question type, so practice feedback,
 * contest results and progress always agree.
 */
import type { Question } from '../content/content.schema';

/** A learner's answer: the chosen option ids; for true/false, `['true']` or `['false']`. */
export type Choice = readonly string[];

/** The option ids that make up the right answer, in the question's own order. */
export function correctChoice(question: Question): string[] {
  if (question.type === 'true-false') return [String(question.answer)];
  return question.options.filter((option) => option.correct).map((option) => option.id);
}

/**
 * Multiple-choice questions are scored all-or-nothing: the answer counts only when it holds
 * every correct option and no other, as the quiz screen states. An empty answer is wrong.
 */
export function isCorrect(question: Question, choice: Choice): boolean {
  const expected = correctChoice(question);
  const chosen = new Set(choice);
  return chosen.size === expected.length && expected.every((id) => chosen.has(id));
}
