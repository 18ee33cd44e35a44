/**
 * Room on the device before a large write, as far as a web page can know it. Chromium, when
 * its IndexedDB runs out of disk in the middle of a write, does worse than refuse it: LevelDB
 * reports the failed write as corruption and Chromium deletes the site's whole database
 * (issue 21; electron/electron#41877). A page cannot learn the disk's free space: Chromium's
 * `navigator.storage.estimate()` quota follows the size of the disk, never below 1 GiB, not
 * what is free on it (measured on a 40 MB disk: quota − usage = 1 GiB). Probing by writing the
 * bytes to a scratch file is no answer either: on a disk too small for them the probe itself
 * fills the disk, and Chromium then deleted the database in 6 of 8 runs (tests/e2e/storageFull).
 *
 * So the estimate refuses what the browser itself would refuse, and a large write that may
 * still not fit is done only after the user has been told the risk and offered a backup first
 * (`isLargeWrite`; the roll-up import asks).
 */

/**
 * What a write of `bytes` of JSON is taken to need on disk while it is written: IndexedDB's
 * copy, its index entries, its journal and the compaction that follows. Measured in Chromium
 * 156 on Linux (ext4), importing one roll-up file of 50,000 records (15,858,055 bytes of JSON)
 * into a round: the IndexedDB folder grew to 64 MB (4.0 bytes per byte of JSON) and
 * `estimate().usageDetails.indexedDB` by 66.4 MB (4.2 per byte): the ledger's three indexes
 * and the undo data of the write add to the records themselves.
 */
export function neededFor(bytes: number): number {
  return Math.ceil(bytes * spaceFactor + spaceMargin);
}
/** The measured 4.2, with room for LevelDB's compaction, which writes new files before it deletes old ones. */
const spaceFactor = 5;
/** Kept free whatever the write: the rest of the app and the browser's own files. */
const spaceMargin = 8 * 1024 * 1024;

export type SpaceCheck = { ok: true } | { ok: false; needed: number; available: number };

/**
 * Whether `needed` bytes fit in what the browser reports (quota − usage). When the browser
 * cannot say (no `navigator.storage.estimate`), the write goes ahead: its failure is still
 * all or nothing.
 */
export async function checkFreeSpace(
  needed: number,
  storage: Pick<StorageManager, 'estimate'> | undefined = globalThis.navigator?.storage,
): Promise<SpaceCheck> {
  if (!storage?.estimate) return { ok: true };
  let estimate: StorageEstimate;
  try {
    estimate = await storage.estimate();
  } catch {
    return { ok: true };
  }
  if (estimate.quota === undefined) return { ok: true };
  const available = Math.max(0, estimate.quota - (estimate.usage ?? 0));
  return needed <= available ? { ok: true } : { ok: false, needed, available };
}

/**
 * A write big enough that a phone or an old PC may not have the room for it (files of 2 MB of
 * JSON or more need about 18 MB once stored): the user is told the risk and offered a backup
 * before it starts.
 */
export function isLargeWrite(bytes: number): boolean {
  return bytes >= largeWriteBytes;
}
const largeWriteBytes = 2 * 1024 * 1024;
