/**
 * Finished quiz attempts. Saving an attempt also clears the quiz in progress it came
 * from, in one transaction: a full disk leaves the quiz in progress as it was, never a
 * half-written result.
 */
import { attemptSchema, type Attempt } from '../domain/attempt.schema';
import { announceChange } from './changes';
import type { Database } from './connection';
import { getAllParsed, getParsed } from './readParsed';
import { writeTransaction } from './storageErrors';

/** A profile's attempts, newest first. */
export async function listAttempts(db: Database, profileId: string): Promise<Attempt[]> {
  const attempts = await getAllParsed(db, 'attempts', attemptSchema, { name: 'byProfile', value: profileId });
  return attempts.sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));
}

export async function getAttempt(db: Database, id: string): Promise<Attempt | undefined> {
  return getParsed(db, 'attempts', attemptSchema, id);
}

/** Stores the finished attempt and removes the profile's quiz in progress, atomically. */
export async function saveFinishedAttempt(db: Database, attempt: Attempt): Promise<void> {
  const record = attemptSchema.parse(attempt);
  await writeTransaction(db, ['attempts', 'sessions'], async (tx) => {
    await tx.objectStore('attempts').put(record);
    await tx.objectStore('sessions').delete(record.profileId);
  });
  announceChange('attempts');
  announceChange('sessions');
}
