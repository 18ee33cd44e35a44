/**
 * Two tabs of the app in one test: two connections to one in-memory IndexedDB, and the
 * announcement another tab makes after a write. In one process a BroadcastChannel does not
 * hear itself, so the test posts on a channel of its own, as the other tab would
 * (`src/lib/storage/changes.ts`).
 */
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import { openDatabase, type Database } from '../../../src/lib/storage/connection';
import type { DataStoreName } from '../../../src/lib/storage/schema';

export async function openTwoTabs(): Promise<{ tabA: Database; tabB: Database; close: () => void }> {
  const factory = new IDBFactory();
  const tabA = await openDatabase({ factory });
  const tabB = await openDatabase({ factory });
  return {
    tabA,
    tabB,
    close: () => {
      tabA.close();
      tabB.close();
    },
  };
}

/** Says, as another tab would after writing, that `store` changed. */
export function announceFromOtherTab(store: DataStoreName): void {
  const channel = new BroadcastChannel('chung-tay-data');
  channel.postMessage({ store });
  // Closed once the message has gone out, so the test process can end.
  setTimeout(() => channel.close(), 50);
}

/** Makes every `method` request on any object store fail as a full disk (or another refusal) would. */
export function failStoreRequests(
  db: Database,
  method: 'put' | 'delete',
  errorName: 'QuotaExceededError' | 'DataError' = 'QuotaExceededError',
): void {
  const storePrototype = Object.getPrototypeOf(db.transaction('profiles').store) as Record<
    typeof method,
    () => unknown
  >;
  vi.spyOn(storePrototype, method).mockImplementation(() => {
    throw new DOMException('The write was refused.', errorName);
  });
  // tryWrite logs each failure; the test asserts what the user is told instead.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
}
