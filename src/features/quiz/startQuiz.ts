/**
 * Starting a quiz: draw the questions, save the new session (replacing any quiz in
 * progress of the learner), and open it.
 */
import { quizPool } from '../../lib/content/quizPool';
import type { QuizMode } from '../../lib/domain/attempt.schema';
import { startSession } from '../../lib/domain/quizSession';
import type { Database } from '../../lib/storage/connection';
import { saveSession } from '../../lib/storage/sessionStore';
import { tryWrite, type WriteFailure } from '../../lib/storage/storageErrors';
import { navigate } from '../../lib/routes';
import { loadBankWithOwn, type Bank } from './bank';
import { findQuiz, isOwnQuiz } from './catalog';
import type { Question } from '../../lib/content/content.schema';
import type { PlayableQuiz } from '../../lib/domain/ownContent';

/** The quiz, bundled or own, and the questions it draws from. */
async function quizAndPool(
  db: Database,
  quizId: string,
  bank: Bank,
): Promise<{ quiz: PlayableQuiz | NonNullable<ReturnType<typeof findQuiz>>; pool: Question[] }> {
  if (isOwnQuiz({ id: quizId })) {
    const { ownQuizWithPool } = await import('./ownQuestions');
    const own = await ownQuizWithPool(db, quizId);
    if (!own) throw new Error(`Unknown quiz "${quizId}"`);
    return own;
  }
  const quiz = findQuiz(quizId);
  if (!quiz || !('topics' in quiz)) throw new Error(`Unknown quiz "${quizId}"`);
  return { quiz, pool: quizPool(quiz, bank.all) };
}

export interface StartRequest {
  profileId: string;
  quizId: string;
  mode: QuizMode;
  /** Retry exactly these questions (the mistakes of an attempt). */
  questionIds?: readonly string[];
}

/**
 * Starts the quiz and opens it; resolves to null then, or to why it could not start (`full`:
 * the new session could not be saved; nothing is replaced then).
 */
export async function startQuiz(db: Database, request: StartRequest): Promise<WriteFailure | null> {
  const failure = await tryWrite(async () => {
    const bank = await loadBankWithOwn(db);
    const { quiz, pool } = await quizAndPool(db, request.quizId, bank);
    const session = startSession({
      profileId: request.profileId,
      quiz,
      pool,
      mode: request.mode,
      random: Math.random,
      now: new Date(),
      // Questions that left the bank since the attempt cannot be asked again.
      ...(request.questionIds
        ? { questionIds: request.questionIds.filter((id) => bank.questions.has(id)) }
        : {}),
    });
    await saveSession(db, session);
  });
  if (!failure) navigate({ name: 'play' });
  return failure;
}
