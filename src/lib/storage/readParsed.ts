/**
 * Validated reads. Every record read from a store is parsed with its zod schema; a record
 * that no longer parses (hand-edited, written by a buggy build, damaged) is moved to the
 * `quarantine` store with the reason, reported once, and left out, so one bad record never
 * stops the app from opening.
 */
import type * as z from 'zod/mini';
import type { Database } from './connection';
import type { DataStoreName } from './schema';
import { writeTransaction } from './storageErrors';

type SetAsideListener = (count: number, store: DataStoreName) => void;
const setAsideListeners = new Set<SetAsideListener>();

/** Be told when records are set aside; returns the unsubscribe function. */
export function onRecordsSetAside(listener: SetAsideListener): () => void {
  setAsideListeners.add(listener);
  return () => setAsideListeners.delete(listener);
}

function describe(error: {
  issues: ReadonlyArray<{ path: PropertyKey[]; code: string; message: string }>;
}): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(record)'}: ${issue.code} (${issue.message})`)
    .join('; ');
}

async function setAside(
  db: Database,
  store: DataStoreName,
  bad: Array<{ key: IDBValidKey; value: unknown; reason: string }>,
): Promise<void> {
  const setAsideAt = new Date().toISOString();
  await writeTransaction(db, [store, 'quarantine'], async (tx) => {
    for (const { key, value, reason } of bad) {
      await tx.objectStore('quarantine').add({ store, key, value, reason, setAsideAt });
      await tx.objectStore(store).delete(key as never);
    }
  });
  for (const listener of setAsideListeners) listener(bad.length, store);
}

/** Splits raw records into the valid ones and the ones to set aside, then sets those aside. */
async function keepValid<S extends z.ZodMiniType>(
  db: Database,
  store: DataStoreName,
  schema: S,
  keys: IDBValidKey[],
  values: unknown[],
): Promise<Array<z.infer<S>>> {
  const valid: Array<z.infer<S>> = [];
  const bad: Array<{ key: IDBValidKey; value: unknown; reason: string }> = [];
  values.forEach((value, index) => {
    const result = schema.safeParse(value);
    if (result.success) valid.push(result.data);
    else bad.push({ key: keys[index] as IDBValidKey, value, reason: describe(result.error) });
  });
  if (bad.length > 0) {
    try {
      await setAside(db, store, bad);
    } catch (error) {
      // Even if moving them fails (a full disk), the valid records are still returned.
      console.error('Could not set aside unreadable records', error);
    }
  }
  return valid;
}

/** All valid records of a store, or of one value of an index. */
export async function getAllParsed<S extends z.ZodMiniType>(
  db: Database,
  store: DataStoreName,
  schema: S,
  index?: { name: string; value: IDBValidKey },
): Promise<Array<z.infer<S>>> {
  const tx = db.transaction(store, 'readonly');
  // getAll and getAllKeys over the same range in one transaction return matching orders.
  const source = index ? tx.store.index(index.name as never) : tx.store;
  const query = index ? IDBKeyRange.only(index.value) : undefined;
  const [values, keys] = await Promise.all([
    source.getAll(query as never) as Promise<unknown[]>,
    (index
      ? (source as ReturnType<typeof tx.store.index>).getAllKeys(query as never)
      : tx.store.getAllKeys()) as Promise<IDBValidKey[]>,
  ]);
  return keepValid(db, store, schema, keys, values);
}

/** One valid record by key, or undefined when missing or set aside. */
export async function getParsed<S extends z.ZodMiniType>(
  db: Database,
  store: DataStoreName,
  schema: S,
  key: IDBValidKey,
): Promise<z.infer<S> | undefined> {
  const value: unknown = await db.get(store, key as never);
  if (value === undefined) return undefined;
  const [record] = await keepValid(db, store, schema, [key], [value]);
  return record;
}
