/**
 * Room on the device before a large write. A browser that runs out of disk in the middle of
 * a write may do worse than refuse it (Chromium has been seen to drop a whole database when
 * its disk filled up), so an import or a restore first asks how much the browser will still
 * let this site store and refuses, with both sizes, when the write would not fit with room
 * to spare.
 */

/** What a write of `bytes` of JSON is taken to need: IndexedDB's copy, its indexes and its journal. */
export function neededFor(bytes: number): number {
  return Math.ceil(bytes * spaceFactor + spaceMargin);
}
/** Stored records take about twice their JSON size once indexed and journaled. */
const spaceFactor = 3;
/** Kept free whatever the write, for the rest of the app. */
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
