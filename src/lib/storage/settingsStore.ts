/**
 * Small device settings (the active profile, what the device is used for…), one record per
 * key, each value parsed with the schema its caller gives, so a damaged setting falls back to
 * its default. Every write is announced, so another tab of the app can follow it.
 */
import * as z from 'zod/mini';
import { announceChange } from './changes';
import type { Database } from './connection';
import { writeTransaction } from './storageErrors';

/** The profile in use on this device (`features/profiles/profiles.svelte.ts`). */
export const activeProfileKey = 'activeProfileId';

/**
 * What the person using this device came to do (`features/settings/role.svelte.ts`), which
 * decides the header's few links: take quizzes, run sessions and the action month, record a
 * school's coverage, or everything (the full navigation, nothing asked).
 */
export const activeRoleKey = 'activeRole';
export const roles = ['learner', 'facilitator', 'school', 'all'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/**
 * Sync with a province's server (`syncStore.ts`): the connection, the last sync, and the
 * deletions not yet sent. Device-only: a backup never carries them.
 */
export const syncConnectionKey = 'syncConnection';
export const syncStatusKey = 'syncStatus';
export const syncDeletionsKey = 'syncDeletions';

/** Whether sync has been set up on this device (read at start-up before any sync code loads). */
export async function hasSyncConnection(db: Database): Promise<boolean> {
  return (await db.get('settings', syncConnectionKey)) !== undefined;
}

export async function getSetting<S extends z.ZodMiniType>(
  db: Database,
  key: string,
  schema: S,
): Promise<z.infer<S> | undefined> {
  const record = await db.get('settings', key);
  if (record === undefined) return undefined;
  const result = schema.safeParse(record.value);
  return result.success ? result.data : undefined;
}

export async function setSetting(db: Database, key: string, value: unknown): Promise<void> {
  await writeTransaction(db, ['settings'], (tx) => tx.objectStore('settings').put({ key, value }));
  announceChange('settings');
}

export async function deleteSetting(db: Database, key: string): Promise<void> {
  await writeTransaction(db, ['settings'], (tx) => tx.objectStore('settings').delete(key));
  announceChange('settings');
}
