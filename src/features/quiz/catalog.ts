/**
 * The bundled quiz catalogue (validated at build time), the unit's own quizzes
 * (`ownCatalog.svelte.ts`), and look-ups into both.
 */
import catalog from 'virtual:content/catalog';
import type { CatalogQuiz } from '../../lib/content/catalog';
import type { Topic } from '../../lib/content/content.schema';
import type { PlayableQuiz } from '../../lib/domain/ownContent';
import { ownCatalog } from './ownCatalog.svelte';

/** A quiz of either kind, as lists and screens show it. */
export type AnyQuiz = CatalogQuiz | PlayableQuiz;

export const quizzes: readonly CatalogQuiz[] = catalog.quizzes;
export const topics: readonly Topic[] = catalog.topics;

export function findQuiz(id: string): AnyQuiz | undefined {
  return quizzes.find((quiz) => quiz.id === id) ?? ownCatalog.find(id);
}

/** Whether the quiz is one of the unit's own (its id is `own-…`, never a bundled one's). */
export const isOwnQuiz = (quiz: Pick<AnyQuiz, 'id'>): boolean => quiz.id.startsWith('own-');

export function findTopic(id: string): Topic | undefined {
  return topics.find((topic) => topic.id === id);
}
