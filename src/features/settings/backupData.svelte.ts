/**
 * Backing the whole device up to one file and restoring such a file (`lib/storage/backup.ts`).
 * A restore is checked whole first: its size before it is read, then its shape, every record
 * and whether the records agree with each other (`checkBackup`), then whether it fits in the
 * room the browser has left. Only then is it `pending`, offered for restore with how many
 * records of each kind it holds; restoring writes exactly that, in one transaction.
 */
import { localDate } from '../../lib/domain/dates';
import {
  checkBackup,
  checkBackupSize,
  makeBackup,
  restoreBackup,
  storeNames,
  type BackupProblem,
  type CheckedBackup,
} from '../../lib/storage/backup';
import type { Database } from '../../lib/storage/connection';
import type { DataStoreName } from '../../lib/storage/schema';
import { checkFreeSpace, neededFor } from '../../lib/storage/space';
import { tryWrite, type WriteFailure } from '../../lib/storage/storageErrors';

/** A store of the device, as a backup holds it. */
export type BackupStore = DataStoreName;

/** Why a chosen file is not offered for restore: one of the file's problems, none chosen, or no room. */
export type BackupPanelProblem =
  BackupProblem | { kind: 'no-file' } | { kind: 'space'; needed: number; available: number };

export class BackupData {
  problems = $state<BackupPanelProblem[]>([]);
  checking = $state(false);
  // Raw: a deep $state proxy of the records could not be stored (IndexedDB clones plain data only).
  pending = $state.raw<Extract<CheckedBackup, { ok: true }> | null>(null);
  failure = $state<WriteFailure | null>(null);

  constructor(private readonly db: Database) {}

  /** The stores the pending file fills, in the order of the backup, with how many records each. */
  get filled(): Array<{ store: BackupStore; count: number }> {
    const pending = this.pending;
    if (!pending) return [];
    return storeNames
      .map((store) => ({ store, count: pending.counts[store] ?? 0 }))
      .filter(({ count }) => count > 0);
  }

  /** Everything on the device as one JSON file, named for the day it was made. */
  async makeFile(now: Date): Promise<{ blob: Blob; fileName: string }> {
    const backup = await makeBackup(this.db, now);
    const blob = new Blob([JSON.stringify(backup, null, 1)], { type: 'application/json' });
    return { blob, fileName: `chung-tay-sao-luu-${localDate(now)}.json` };
  }

  /** Checks a chosen file whole; if it may be restored it becomes `pending`, otherwise `problems` say why. */
  async check(file: File | undefined): Promise<void> {
    this.failure = null;
    if (!file) {
      this.problems = [{ kind: 'no-file' }];
      return;
    }
    // Refused before it is read: a file larger than any backup would only stall the tab.
    const tooLarge = checkBackupSize(file.size);
    if (tooLarge) {
      this.problems = [tooLarge];
      return;
    }
    this.checking = true;
    try {
      const checked = checkBackup(await file.text());
      if (!checked.ok) {
        this.problems = checked.problems;
        return;
      }
      // A browser whose disk fills in the middle of a write may do worse than refuse it.
      const space = await checkFreeSpace(neededFor(file.size));
      if (!space.ok) {
        this.problems = [{ kind: 'space', needed: space.needed, available: space.available }];
        return;
      }
      this.problems = [];
      this.pending = checked;
    } finally {
      this.checking = false;
    }
  }

  /** Drops the pending file without restoring it. */
  cancel(): void {
    this.pending = null;
  }

  /** Replaces everything on the device with the pending file; resolves to whether it was stored. */
  async restore(): Promise<boolean> {
    const chosen = this.pending;
    this.pending = null;
    if (!chosen) return false;
    this.failure = await tryWrite(() => restoreBackup(this.db, chosen.backup));
    return !this.failure;
  }
}
