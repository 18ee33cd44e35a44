/**
 * Small device settings (the active profile…), one record per key, each value parsed with
 * the schema its caller gives, so a damaged setting falls back to its default.
 */
import type * as z from 'zod/mini';
import type { Database } from './connection';
import { writeTransaction } from './storageErrors';

/** The profile in use on this device (`features/profiles/profiles.svelte.ts`). */
export const activeProfileKey = 'activeProfileId';

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
}

export async function deleteSetting(db: Database, key: string): Promise<void> {
  await writeTransaction(db, ['settings'], (tx) => tx.objectStore('settings').delete(key));
}
