/**
 * Writes, and the storage failures the user must hear about. Every multi-record write goes
 * through `writeTransaction`, which aborts the whole transaction on any error, so a failed
 * write (a full disk, a record that cannot be stored) never leaves half of its changes behind.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { Database } from './connection';
import type { ChungTayDB } from './schema';

/** The device (or the browser's share of it) is full: the write was rolled back. */
export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super('Storage is full', { cause });
    this.name = 'StorageFullError';
  }
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  // Old Firefox reported a full disk as NS_ERROR_DOM_QUOTA_REACHED.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** Quota errors become `StorageFullError`; anything else is returned unchanged. */
export function asStorageError(error: unknown): unknown {
  return isQuotaError(error) ? new StorageFullError(error) : error;
}

export type WriteTransaction<S extends StoreNames<ChungTayDB>[]> = IDBPTransaction<
  ChungTayDB,
  S,
  'readwrite'
>;

/**
 * Runs `body` in one read-write transaction over `stores` and resolves when it has
 * committed. `body` should await each request in turn (idb keeps the transaction open
 * across those awaits), so a request that throws leaves no other request's promise unwatched. If `body` throws or any request fails, the transaction is aborted: nothing
 * of it is kept. A full disk is reported as `StorageFullError`.
 */
export async function writeTransaction<S extends StoreNames<ChungTayDB>[], T>(
  db: Database,
  stores: S,
  body: (tx: WriteTransaction<S>) => Promise<T>,
  options?: IDBTransactionOptions,
): Promise<T> {
  const tx = db.transaction(stores, 'readwrite', options);
  try {
    const result = await body(tx);
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted by the failing request.
    }
    // tx.done rejects once aborted; that rejection is this same failure.
    tx.done.catch(() => undefined);
    throw asStorageError(error);
  }
}

/** What a failed write tells the user: the device is full, or it refused for another reason. */
export type WriteFailure = 'full' | 'failed';

/** Runs a write and resolves to `null` once stored, or to the failure to show (it is logged). */
export async function tryWrite(write: () => Promise<unknown>): Promise<WriteFailure | null> {
  try {
    await write();
    return null;
  } catch (error) {
    console.error('Could not save', error);
    return error instanceof StorageFullError ? 'full' : 'failed';
  }
}
