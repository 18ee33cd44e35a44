/**
 * Own banks and quizzes as the player takes them: loaded only on a device that has some.
 */
import {
  ownQuizPool,
  ownSources,
  toPlayable,
  toPlayableQuiz,
  type PlayableQuiz,
} from '../../lib/domain/ownContent';
import type { Question } from '../../lib/content/content.schema';
import { getOwnQuiz, listBanks, listOwnQuizzes } from '../../lib/storage/bankStore';
import type { Database } from '../../lib/storage/connection';
import type { Bank } from './bank';

export async function readOwnCatalog(db: Database): Promise<PlayableQuiz[]> {
  const [quizzes, banks] = await Promise.all([listOwnQuizzes(db), listBanks(db)]);
  return quizzes.map((quiz) => toPlayableQuiz(quiz, banks));
}

/** The bundled bank with every own question and own source added. */
export async function withOwnQuestions(db: Database, bundled: Bank): Promise<Bank> {
  const banks = await listBanks(db);
  const own = banks.flatMap((bank) => bank.questions.map(toPlayable));
  const all = [...bundled.all, ...own];
  return {
    questions: new Map(all.map((question) => [question.id, question])),
    sources: new Map([...bundled.sources, ...ownSources(banks)]),
    all,
  };
}

/** An own quiz and the questions it draws from; undefined when it was deleted. */
export async function ownQuizWithPool(
  db: Database,
  quizId: string,
): Promise<{ quiz: PlayableQuiz; pool: Question[] } | undefined> {
  const [quiz, banks] = await Promise.all([getOwnQuiz(db, quizId), listBanks(db)]);
  if (!quiz) return undefined;
  return { quiz: toPlayableQuiz(quiz, banks), pool: ownQuizPool(quiz, banks).map(toPlayable) };
}
