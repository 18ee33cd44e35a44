/**
 * Opening the database. This is where the app learns whether progress can be kept:
 * when IndexedDB is missing or refused (a blocked or private profile, a full or broken disk)
 * the app falls back to an in-memory database with the same stores, keeps working, and says
 * plainly why and that nothing will be kept after the tab closes. Nothing here ever deletes
 * or empties a database.
 *
 * Two storage faults come from the browser, not from the app, and are reported, never
 * papered over: Chromium closes every connection when a write fails on disk (the `close`
 * event; on a full disk it then deletes the whole database, see `space.ts`), and a database
 * this device had before may be gone when the app starts. A closed connection is never
 * reopened behind the user's back; writes on it fail with `StorageLostError`.
 */
import { wrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { latestVersion, migrations, runMigrations } from './migrations';
import { databaseName, type ChungTayDB } from './schema';

export type Database = IDBPDatabase<ChungTayDB>;

export interface Connection {
  db: Database;
  /** `memory`: nothing survives closing the tab. */
  kind: 'indexeddb' | 'memory';
  /** Why the device's IndexedDB could not be used (`memory` only): its disk is full, or it is refused. */
  failure?: 'full' | 'refused';
  /**
   * This device had the database before (it was opened here), and it is gone: the browser
   * removed it (Chromium does after a write fails on a full disk) or the site's data was cleared.
   */
  vanished?: boolean;
}

/** Connections the browser closed (the `close` event): every write on them fails. */
const closedByBrowser = new WeakSet<object>();

/** Whether the browser closed `db` because of a storage failure (not the app, not an upgrade). */
export function isClosedByBrowser(db: object): boolean {
  return closedByBrowser.has(db);
}

/**
 * Marks, outside IndexedDB (Chromium deletes IndexedDB files but not local storage), that this
 * device has kept the database, so a later start can tell a first visit from a database that
 * disappeared.
 */
const keptMarker = 'chung-tay:database-kept';

function readMarker(): boolean {
  try {
    return (globalThis.localStorage?.getItem(keptMarker) ?? null) !== null;
  } catch {
    return false;
  }
}

function writeMarker(): void {
  try {
    globalThis.localStorage?.setItem(keptMarker, '1');
  } catch {
    // No local storage: a vanished database then looks like a first visit.
  }
}

export interface OpenOptions {
  factory?: IDBFactory;
  name?: string;
  version?: number;
  /** Another tab keeps an older version open; it is asked to close (see `onVersionChange`). */
  onBlocked?: () => void;
  /** A newer version of the app opened the database in another tab: this connection must close. */
  onVersionChange?: () => void;
  /**
   * The browser closed the connection on its own (a write failed on disk, the site's data was
   * cleared): nothing more can be read or written until the page reloads.
   */
  onClosedByBrowser?: () => void;
  /** Told when the database is created from nothing (no earlier version on this device). */
  onCreated?: () => void;
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
    if (event.oldVersion === 0) options.onCreated?.();
    // Only the steps up to the version asked for: a test opening an older version gets that one.
    const steps = migrations.filter((step) => step.version <= (event.newVersion ?? latestVersion));
    runMigrations(wrap(request.result), tx, event.oldVersion, steps);
  });
  request.addEventListener('blocked', () => options.onBlocked?.());
  const db = (await wrap(request)) as unknown as Database;
  db.addEventListener('versionchange', () => {
    db.close();
    options.onVersionChange?.();
  });
  // Fired only when the browser closes the connection, never for `db.close()`.
  db.addEventListener('close', () => {
    closedByBrowser.add(db);
    console.error('The browser closed the database: a storage failure');
    options.onClosedByBrowser?.();
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
  const keptBefore = readMarker();
  let created = false;
  const onCreated = () => {
    created = true;
    options.onCreated?.();
  };
  try {
    const db = await withTimeout(
      openDatabase({ ...options, onBlocked, onCreated }),
      openTimeoutMs,
      () => blocked,
    );
    writeMarker();
    // Created from nothing, so nothing is lost by creating it; but the user must hear that
    // what this device kept is gone.
    return { db, kind: 'indexeddb', ...(created && keptBefore ? { vanished: true } : {}) };
  } catch (error) {
    console.warn('Storage unavailable, keeping data in memory only:', error);
    const full = (error as { name?: unknown } | null)?.name === 'QuotaExceededError';
    // idb checks requests with `instanceof IDBRequest`, so the in-memory implementation must
    // replace the browser's IndexedDB globals, not just be passed in. The device's database,
    // if any, is left exactly as it is.
    await import('fake-indexeddb/auto');
    return {
      db: await openDatabase({ ...options, factory: globalThis.indexedDB }),
      kind: 'memory',
      failure: full ? 'full' : 'refused',
    };
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
