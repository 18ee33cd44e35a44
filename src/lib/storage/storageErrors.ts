/**
 * Writes, and the storage failures the user must hear about. Every multi-record write goes
 * through `writeTransaction`, which aborts the whole transaction on any error, so a failed
 * write (a full quota, a record that cannot be stored) never leaves half of its changes behind.
 * A write the browser could not put on disk is another matter: Chromium then closes the
 * connection (and on a full disk deletes the database), so that failure is reported as
 * `StorageLostError`, never as "nothing changed".
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { isClosedByBrowser, type Database } from './connection';
import type { ChungTayDB } from './schema';

/** The device (or the browser's share of it) is full: the write was rolled back. */
export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super('Storage is full', { cause });
    this.name = 'StorageFullError';
  }
}

/**
 * The browser closed the database because of a storage failure (a write failed on disk): this
 * write is not stored, and what was stored before may be gone too. Only a reload can tell.
 */
export class StorageLostError extends Error {
  constructor(cause?: unknown) {
    super('The browser closed the database after a storage failure', { cause });
    this.name = 'StorageLostError';
  }
}

/** How long a failed write waits for the browser's `close` event that may follow it. */
const closeGraceMs = 1000;

/** Resolves once the browser has closed `db` (true), or after `ms` without that (false). */
function closedWithin(db: Database, ms: number): Promise<boolean> {
  if (isClosedByBrowser(db)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (closed: boolean) => {
      clearTimeout(timer);
      db.removeEventListener('close', onClose);
      resolve(closed);
    };
    const onClose = () => done(true);
    const timer = setTimeout(() => done(isClosedByBrowser(db)), ms);
    db.addEventListener('close', onClose);
  });
}

/**
 * Errors that may mean the browser failed on disk rather than refused this one write:
 * an abort the app did not ask for, an internal error, a connection closing under it.
 */
function mayBeStorageFailure(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'UnknownError' || name === 'InvalidStateError';
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
  if (isClosedByBrowser(db)) throw new StorageLostError();
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
    // Chromium fires `close` a moment after the failed write's abort: wait for it briefly, so
    // a failure on disk is never reported as a write that merely did not happen.
    if (!isQuotaError(error) && mayBeStorageFailure(error) && (await closedWithin(db, closeGraceMs)))
      throw new StorageLostError(error);
    throw asStorageError(error);
  }
}

/**
 * What a failed write tells the user: the device is full, it refused for another reason (both:
 * nothing changed), or the browser closed the database after failing on disk (`lost`: what was
 * stored before may be gone too).
 */
export type WriteFailure = 'full' | 'failed' | 'lost';

/**
 * Runs a write and resolves to `null` once stored, or to the failure to show (it is logged).
 * A `StorageLostError` is `lost`: the screen must not say that nothing changed, and the storage
 * notice (`StorageNotices.svelte`) asks for a reload.
 */
export async function tryWrite(write: () => Promise<unknown>): Promise<WriteFailure | null> {
  try {
    await write();
    return null;
  } catch (error) {
    console.error('Could not save', error);
    if (error instanceof StorageLostError) return 'lost';
    return error instanceof StorageFullError ? 'full' : 'failed';
  }
}
