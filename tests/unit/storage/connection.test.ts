import 'fake-indexeddb/auto';
import { IDBFactory, forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { connect, isClosedByBrowser, openDatabase } from '../../../src/lib/storage/connection';
import { StorageLostError, tryWrite, writeTransaction } from '../../../src/lib/storage/storageErrors';

const store = new Map<string, string>();
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  store.clear();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => store.set(key, value),
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

test('A first visit creates the database and says nothing is missing', async () => {
  const connection = await connect({ name: 'first' });
  expect(connection).toMatchObject({ kind: 'indexeddb' });
  expect(connection.vanished).toBeUndefined();
  connection.db.close();
});

test('A database this device kept, gone when the app starts, is reported as vanished', async () => {
  (await connect({ name: 'kept' })).db.close();
  // The browser deletes it (as Chromium does after a write fails on a full disk).
  globalThis.indexedDB = new IDBFactory();
  const connection = await connect({ name: 'kept' });
  expect(connection.vanished).toBe(true);
  connection.db.close();
});

test('A database the browser closed refuses every later write as lost, and says so', async () => {
  const onClosedByBrowser = vi.fn();
  const db = await openDatabase({ name: 'closed', onClosedByBrowser });
  // What Chromium does when a write fails on disk: it closes the connection (a `close` event).
  forceCloseDatabase(unwrap(db) as never);
  await vi.waitFor(() => expect(onClosedByBrowser).toHaveBeenCalledOnce());
  expect(isClosedByBrowser(db)).toBe(true);
  await expect(
    writeTransaction(db, ['settings'], (tx) => tx.objectStore('settings').put({ key: 'a', value: 1 })),
  ).rejects.toBeInstanceOf(StorageLostError);
  db.close();
});

test('A failed write followed by the browser closing the connection is a lost write, not an unchanged one', async () => {
  const db = await openDatabase({ name: 'failing' });
  const write = writeTransaction(db, ['settings'], async () => {
    setTimeout(() => forceCloseDatabase(unwrap(db) as never), 50);
    throw new DOMException('The transaction was aborted', 'AbortError');
  });
  await expect(write).rejects.toBeInstanceOf(StorageLostError);
  db.close();
});

test('A screen hears a lost write as lost, not as one that changed nothing', async () => {
  const db = await openDatabase({ name: 'told' });
  forceCloseDatabase(unwrap(db) as never);
  await vi.waitFor(() => expect(isClosedByBrowser(db)).toBe(true));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  expect(
    await tryWrite(() =>
      writeTransaction(db, ['settings'], (tx) => tx.objectStore('settings').put({ key: 'a', value: 1 })),
    ),
  ).toBe('lost');
  db.close();
});
