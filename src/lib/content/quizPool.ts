/**
 * Which questions of the bank a quiz may draw from. Shared by the build-time checks
 * and by the quiz screens, so the two can never disagree about a quiz's size.
 */
import type { Question, Quiz } from './content.schema.ts';

/** Every question of the quiz's topics that is meant for its audience, in bank order. */
export function quizPool(
  quiz: Pick<Quiz, 'audience' | 'topics'>,
  questions: readonly Question[],
): Question[] {
  const topics = new Set(quiz.topics);
  return questions.filter((q) => topics.has(q.topic) && q.audiences.includes(quiz.audience));
}
