/**
 * The quiz catalogue: the small part of the content the first screens need (quiz titles,
 * topics and pool sizes), kept apart from the question bank so the bank loads only when a
 * quiz starts.
 */
import * as z from 'zod/mini';
import { quizSchema, topicSchema, type QuizContent } from './content.schema.ts';
import { quizPool } from './quizPool.ts';

export const catalogSchema = z.strictObject({
  quizzes: z.array(z.extend(quizSchema, { poolSize: z.int().check(z.minimum(0)) })),
  topics: z.array(topicSchema),
});
export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogQuiz = Catalog['quizzes'][number];

export function toCatalog(content: QuizContent): Catalog {
  return {
    quizzes: content.quizzes.map((quiz) => ({ ...quiz, poolSize: quizPool(quiz, content.questions).length })),
    topics: content.topics,
  };
}
