/**
 * The quiz in progress of each profile (one at most), saved as the learner goes so that a
 * closed tab or a crash resumes where it was.
 */
import { quizSessionSchema, type QuizSession } from '../domain/quizSession.schema';
import { announceChange } from './changes';
import type { Database } from './connection';
import { getParsed } from './readParsed';
import { writeTransaction } from './storageErrors';

export async function getSession(db: Database, profileId: string): Promise<QuizSession | undefined> {
  return getParsed(db, 'sessions', quizSessionSchema, profileId);
}

export async function saveSession(db: Database, session: QuizSession): Promise<void> {
  const record = quizSessionSchema.parse(session);
  await writeTransaction(db, ['sessions'], (tx) => tx.objectStore('sessions').put(record));
  announceChange('sessions');
}

export async function deleteSession(db: Database, profileId: string): Promise<void> {
  await writeTransaction(db, ['sessions'], (tx) => tx.objectStore('sessions').delete(profileId));
  announceChange('sessions');
}
