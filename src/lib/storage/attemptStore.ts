/**
 * Finished quiz attempts and each learner's progress summary. Saving an attempt updates
 * the summary and clears the quiz in progress it came from, all in one transaction: a full
 * disk leaves the quiz in progress as it was, never a half-written result.
 */
import { attemptSchema, type Attempt } from '../domain/attempt.schema';
import { addAttempt, progressFrom } from '../domain/progress';
import { progressSchema, type Progress } from '../domain/progress.schema';
import { announceChange } from './changes';
import type { Database } from './connection';
import { getAllParsed, getParsed, parseRecords } from './readParsed';
import { profileRange } from './schema';
import { writeTransaction } from './storageErrors';

/** All of a profile's attempts, newest first. */
export async function listAttempts(db: Database, profileId: string): Promise<Attempt[]> {
  const attempts = await getAllParsed(db, 'attempts', attemptSchema, {
    name: 'byProfile',
    range: profileRange(profileId),
  });
  return attempts.reverse();
}

/** A page of a profile's attempts, newest first, without reading the others. */
export async function listRecentAttempts(
  db: Database,
  profileId: string,
  { offset = 0, limit }: { offset?: number; limit: number },
): Promise<Attempt[]> {
  const tx = db.transaction('attempts');
  let cursor = await tx.store.index('byProfile').openCursor(profileRange(profileId), 'prev');
  if (cursor && offset > 0) cursor = await cursor.advance(offset);
  const records: Array<{ key: IDBValidKey; value: unknown }> = [];
  while (cursor && records.length < limit) {
    records.push({ key: cursor.primaryKey, value: cursor.value });
    cursor = await cursor.continue();
  }
  return parseRecords(db, 'attempts', attemptSchema, records);
}

export async function countAttempts(db: Database, profileId: string): Promise<number> {
  return db.countFromIndex('attempts', 'byProfile', profileRange(profileId));
}

export async function getAttempt(db: Database, id: string): Promise<Attempt | undefined> {
  return getParsed(db, 'attempts', attemptSchema, id);
}

/**
 * The learner's progress summary. It is rebuilt from the attempts when it is missing, does
 * not parse, or does not count the attempts there are (some were set aside or restored).
 */
export async function getProgress(db: Database, profileId: string): Promise<Progress> {
  const [stored, count] = await Promise.all([db.get('progress', profileId), countAttempts(db, profileId)]);
  const parsed = progressSchema.safeParse(stored);
  if (parsed.success && parsed.data.attemptCount === count) return parsed.data;
  const progress = progressFrom(profileId, await listAttempts(db, profileId));
  try {
    await writeTransaction(db, ['progress'], (tx) => tx.objectStore('progress').put(progress));
  } catch (error) {
    // The summary is only a cache: showing it matters more than storing it.
    console.error('Could not store the rebuilt progress summary', error);
  }
  return progress;
}

/** Stores the finished attempt, folds it into the progress summary and removes the quiz in progress, atomically. */
export async function saveFinishedAttempt(db: Database, attempt: Attempt): Promise<void> {
  const record = attemptSchema.parse(attempt);
  await writeTransaction(db, ['attempts', 'progress', 'sessions'], async (tx) => {
    const attempts = tx.objectStore('attempts');
    const alreadyStored = (await attempts.getKey(record.id)) !== undefined;
    const stored = progressSchema.safeParse(await tx.objectStore('progress').get(record.profileId));
    let progress: Progress;
    if (stored.success) {
      progress = stored.data;
    } else {
      // Rebuild in this transaction from what parses; unreadable attempts are set aside on the next read.
      const previous = await attempts.index('byProfile').getAll(profileRange(record.profileId));
      progress = progressFrom(
        record.profileId,
        previous.flatMap((value) => {
          const parsed = attemptSchema.safeParse(value);
          return parsed.success && parsed.data.id !== record.id ? [parsed.data] : [];
        }),
      );
    }
    if (!alreadyStored || !stored.success) progress = addAttempt(progress, record);
    await attempts.put(record);
    await tx.objectStore('progress').put(progress);
    await tx.objectStore('sessions').delete(record.profileId);
  });
  announceChange('attempts');
  announceChange('sessions');
}

/** Every learner's attempts on this device (the statistics count them all). */
export async function listAllAttempts(db: Database): Promise<Attempt[]> {
  return getAllParsed(db, 'attempts', attemptSchema);
}
