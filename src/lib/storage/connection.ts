/**
 * Opening the database. This is where the app learns whether progress can be kept:
 * when IndexedDB is missing or refused (a blocked or private profile, a broken disk) the
 * app falls back to an in-memory database with the same stores, keeps working, and says
 * plainly that nothing will be kept after the tab closes.
 */
import { wrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { latestVersion, runMigrations } from './migrations';
import { databaseName, type ChungTayDB } from './schema';

export type Database = IDBPDatabase<ChungTayDB>;

export interface Connection {
  db: Database;
  /** `memory`: nothing survives closing the tab. */
  kind: 'indexeddb' | 'memory';
}

export interface OpenOptions {
  factory?: IDBFactory;
  name?: string;
  version?: number;
  /** Another tab keeps an older version open; it is asked to close (see `onVersionChange`). */
  onBlocked?: () => void;
  /** A newer version of the app opened the database in another tab: this connection must close. */
  onVersionChange?: () => void;
}

/** Opens (creating or upgrading) the database through `factory`. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const factory = options.factory ?? globalThis.indexedDB;
  if (!factory) throw new Error('IndexedDB is not available');
  const request = factory.open(options.name ?? databaseName, options.version ?? latestVersion);
  request.addEventListener('upgradeneeded', (event) => {
    const tx = wrap(request.transaction as IDBTransaction) as unknown as IDBPTransaction<
      unknown,
      string[],
      'versionchange'
    >;
    runMigrations(wrap(request.result), tx, event.oldVersion);
  });
  request.addEventListener('blocked', () => options.onBlocked?.());
  const db = (await wrap(request)) as unknown as Database;
  db.addEventListener('versionchange', () => {
    db.close();
    options.onVersionChange?.();
  });
  return db;
}

/** How long to wait for IndexedDB before treating it as unavailable (some browsers hang). */
const openTimeoutMs = 8000;

/** Rejects after `ms`, unless `keepWaiting()` says the delay is expected (then waits on). */
function withTimeout<T>(promise: Promise<T>, ms: number, keepWaiting: () => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      timer = setTimeout(() => {
        if (keepWaiting()) arm();
        else reject(new Error(`Opening storage took longer than ${ms} ms`));
      }, ms);
    };
    arm();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * The app's connection: the device's IndexedDB when it works, otherwise an in-memory one.
 * The in-memory implementation is loaded only in that case. An upgrade blocked by another
 * tab is waited for, never replaced by memory: the data is there, just busy.
 */
export async function connect(options: Omit<OpenOptions, 'factory'> = {}): Promise<Connection> {
  let blocked = false;
  const onBlocked = () => {
    blocked = true;
    options.onBlocked?.();
  };
  try {
    const db = await withTimeout(openDatabase({ ...options, onBlocked }), openTimeoutMs, () => blocked);
    return { db, kind: 'indexeddb' };
  } catch (error) {
    console.warn('Storage unavailable, keeping data in memory only:', error);
    // idb checks requests with `instanceof IDBRequest`, so the in-memory implementation must
    // replace the browser's IndexedDB globals, not just be passed in.
    await import('fake-indexeddb/auto');
    return { db: await openDatabase({ ...options, factory: globalThis.indexedDB }), kind: 'memory' };
  }
}

/**
 * Asks the browser not to evict our data under storage pressure. Returns whether storage is
 * persistent; false when the browser declines or cannot say.
 */
export async function requestPersistence(): Promise<boolean> {
  try {
    if (!navigator.storage?.persist) return false;
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}
