/**
 * Learner profiles on this device. Deleting a profile deletes its results, its progress and
 * its quiz in progress in the same transaction: all of it goes, or none.
 */
import { profileSchema, type Profile } from '../domain/profile.schema';
import { announceChange } from './changes';
import type { Database } from './connection';
import { getAllParsed } from './readParsed';
import { profileRange } from './schema';
import { writeTransaction } from './storageErrors';

export async function listProfiles(db: Database): Promise<Profile[]> {
  const profiles = await getAllParsed(db, 'profiles', profileSchema);
  return profiles.sort(
    (a, b) => a.nickname.localeCompare(b.nickname, 'vi') || a.createdAt.localeCompare(b.createdAt),
  );
}

export async function saveProfile(db: Database, profile: Profile): Promise<Profile> {
  const record = profileSchema.parse(profile);
  await writeTransaction(db, ['profiles'], (tx) => tx.objectStore('profiles').put(record));
  announceChange('profiles');
  return record;
}

export async function deleteProfile(db: Database, profileId: string): Promise<void> {
  await writeTransaction(db, ['profiles', 'attempts', 'progress', 'sessions'], async (tx) => {
    const attempts = tx.objectStore('attempts');
    const attemptKeys = await attempts.index('byProfile').getAllKeys(profileRange(profileId));
    for (const key of attemptKeys) await attempts.delete(key);
    await tx.objectStore('progress').delete(profileId);
    await tx.objectStore('sessions').delete(profileId);
    await tx.objectStore('profiles').delete(profileId);
  });
  announceChange('profiles');
  announceChange('attempts');
}
