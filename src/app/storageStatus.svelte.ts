/**
 * What the user must know about storage on this device: whether progress is kept at all (and
 * why not), records set aside as unreadable, an upgrade made in another tab, and the browser's
 * own storage failures: a connection it closed, a database it removed.
 */
import type { Connection } from '../lib/storage/connection';
import { onRecordsSetAside } from '../lib/storage/readParsed';

class StorageStatus {
  kind = $state<Connection['kind']>('indexeddb');
  /** Why the device's storage could not be opened (in-memory only). */
  failure = $state<Connection['failure']>(undefined);
  /** The database this device kept is gone (removed by the browser or with the site's data). */
  vanished = $state(false);
  /** The browser closed the database after a storage failure: nothing is saved until a reload. */
  closedByBrowser = $state(false);
  setAside = $state(0);
  /** A newer version of the app opened the database in another tab; this tab must reload. */
  replacedByNewerTab = $state(false);
  /** This tab's upgrade waits for other tabs that keep the old version open. */
  blockedByOtherTab = $state(false);

  /** Something about kept data the user must be told (each in the `notices` message group). */
  get problem(): boolean {
    return (
      this.kind === 'memory' ||
      this.setAside > 0 ||
      this.replacedByNewerTab ||
      this.closedByBrowser ||
      this.vanished
    );
  }

  constructor() {
    onRecordsSetAside((count) => {
      this.setAside += count;
    });
  }
}

export const storageStatus = new StorageStatus();
