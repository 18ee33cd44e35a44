/**
 * Room on the device before a large write. Chromium, when its IndexedDB runs out of disk in
 * the middle of a write, does worse than refuse it: LevelDB reports the failed write as
 * corruption and Chromium deletes the site's whole database (issue 21; electron/electron#41877).
 * So an import or a restore first makes sure the write fits, with room to spare, and refuses
 * with both sizes when it would not.
 *
 * The browser's own figure is not enough: Chromium's `navigator.storage.estimate()` quota
 * follows the size of the disk, never below 1 GiB, not what is free on it (measured on a 40 MB
 * disk: quota − usage = 1 GiB; on a 4 GB disk with 1.5 GB taken: 4 GiB). So after the estimate
 * the check writes the bytes a write needs to a scratch file in the origin private file system,
 * a store of its own that a full disk cannot damage, and deletes it again: if the disk has no
 * room for them, that trial write is refused, never IndexedDB's.
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
/** Kept free whatever the write: the rest of the app, the browser's own files, the trial's slack. */
const spaceMargin = 8 * 1024 * 1024;

export type SpaceCheck = { ok: true } | { ok: false; needed: number; available: number };

type Storage = Pick<StorageManager, 'estimate'> & Partial<Pick<StorageManager, 'getDirectory'>>;

/** The scratch file of the trial write, in the origin private file system. */
const trialFileName = 'chung-tay-space-check.tmp';
const chunkBytes = 1024 * 1024;

/**
 * Writes `needed` bytes to a scratch file and deletes it. Resolves to how many bytes were
 * written: `needed` when they fit, fewer when the disk (or the quota) refused the rest, and
 * `null` when the browser has no private file system to try with.
 */
async function trialWrite(storage: Storage, needed: number): Promise<number | null> {
  if (!storage.getDirectory) return null;
  let root: FileSystemDirectoryHandle;
  let writable: FileSystemWritableFileStream;
  try {
    root = await storage.getDirectory();
    const handle = await root.getFileHandle(trialFileName, { create: true });
    if (!('createWritable' in handle)) return null;
    writable = await handle.createWritable();
  } catch {
    return null;
  }
  // Random bytes, so a compressing file system cannot store them in less than they are.
  const chunk = new Uint8Array(chunkBytes);
  for (let at = 0; at < chunk.length; at += 65536) crypto.getRandomValues(chunk.subarray(at, at + 65536));
  let written = 0;
  try {
    while (written < needed) {
      const size = Math.min(chunkBytes, needed - written);
      await writable.write(size === chunkBytes ? chunk : chunk.subarray(0, size));
      written += size;
    }
    // Closing moves the bytes from Chromium's swap file into the file: a full disk may refuse
    // only then.
    await writable.close();
  } catch {
    // The disk or the quota refused: what was written is about what is free.
    await writable.abort().catch(() => undefined);
    if (written >= needed) written = needed - 1;
  } finally {
    await root.removeEntry(trialFileName).catch(() => undefined);
  }
  return written;
}

/**
 * Whether `needed` bytes fit: first in what the browser reports (quota − usage), then on the
 * disk itself (a trial write of that many bytes). When the browser can say neither (no
 * `navigator.storage`), the write goes ahead: its failure is still all or nothing.
 */
export async function checkFreeSpace(
  needed: number,
  storage: Storage | undefined = globalThis.navigator?.storage,
): Promise<SpaceCheck> {
  if (!storage?.estimate) return { ok: true };
  let estimate: StorageEstimate | undefined;
  try {
    estimate = await storage.estimate();
  } catch {
    estimate = undefined;
  }
  if (estimate?.quota !== undefined) {
    const available = Math.max(0, estimate.quota - (estimate.usage ?? 0));
    if (needed > available) return { ok: false, needed, available };
  }
  const written = await trialWrite(storage, needed);
  if (written === null || written >= needed) return { ok: true };
  return { ok: false, needed, available: written };
}
