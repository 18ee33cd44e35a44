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
