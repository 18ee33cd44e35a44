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

/**
 * The records that parse; the others are set aside (in their own transaction, after this
 * read) and reported.
 */
export async function parseRecords<S extends z.ZodMiniType>(
  db: Database,
  store: DataStoreName,
  schema: S,
  records: ReadonlyArray<{ key: IDBValidKey; value: unknown }>,
): Promise<Array<z.infer<S>>> {
  const valid: Array<z.infer<S>> = [];
  const bad: Array<{ key: IDBValidKey; value: unknown; reason: string }> = [];
  for (const { key, value } of records) {
    const result = schema.safeParse(value);
    if (result.success) valid.push(result.data);
    else bad.push({ key, value, reason: describe(result.error) });
  }
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

/** All valid records of a store, or of a range of one of its indexes. */
export async function getAllParsed<S extends z.ZodMiniType>(
  db: Database,
  store: DataStoreName,
  schema: S,
  index?: { name: string; range: IDBKeyRange },
): Promise<Array<z.infer<S>>> {
  const tx = db.transaction(store, 'readonly');
  const source = index ? tx.store.index(index.name as never) : tx.store;
  // getAll and getAllKeys over the same range in one transaction return matching orders.
  const [values, keys] = (await Promise.all([
    source.getAll(index?.range as never),
    index
      ? (source as ReturnType<typeof tx.store.index>).getAllKeys(index.range as never)
      : tx.store.getAllKeys(),
  ])) as [unknown[], IDBValidKey[]];
  return parseRecords(
    db,
    store,
    schema,
    values.map((value, i) => ({ key: keys[i] as IDBValidKey, value })),
  );
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
  const [record] = await parseRecords(db, store, schema, [{ key, value }]);
  return record;
}
