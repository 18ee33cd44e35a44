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
import { loadBank } from './bank';
import { findQuiz } from './catalog';

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
    const quiz = findQuiz(request.quizId);
    if (!quiz) throw new Error(`Unknown quiz "${request.quizId}"`);
    const bank = await loadBank();
    const session = startSession({
      profileId: request.profileId,
      quiz,
      pool: quizPool(quiz, bank.all),
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
