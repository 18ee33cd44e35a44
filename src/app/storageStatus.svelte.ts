/**
 * What the user must know about storage on this device: whether progress is kept at all,
 * records set aside as unreadable, and an upgrade made in another tab.
 */
import type { Connection } from '../lib/storage/connection';
import { onRecordsSetAside } from '../lib/storage/readParsed';

class StorageStatus {
  kind = $state<Connection['kind']>('indexeddb');
  setAside = $state(0);
  /** A newer version of the app opened the database in another tab; this tab must reload. */
  replacedByNewerTab = $state(false);
  /** This tab's upgrade waits for other tabs that keep the old version open. */
  blockedByOtherTab = $state(false);

  constructor() {
    onRecordsSetAside((count) => {
      this.setAside += count;
    });
  }
}

export const storageStatus = new StorageStatus();
