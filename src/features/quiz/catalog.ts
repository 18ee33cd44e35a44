/**
 * The bundled quiz catalogue (validated at build time) and look-ups into it.
 */
import catalog from 'virtual:content/catalog';
import type { CatalogQuiz } from '../../lib/content/catalog';
import type { Topic } from '../../lib/content/content.schema';

export const quizzes: readonly CatalogQuiz[] = catalog.quizzes;
export const topics: readonly Topic[] = catalog.topics;

export function findQuiz(id: string): CatalogQuiz | undefined {
  return quizzes.find((quiz) => quiz.id === id);
}

export function findTopic(id: string): Topic | undefined {
  return topics.find((topic) => topic.id === id);
}
