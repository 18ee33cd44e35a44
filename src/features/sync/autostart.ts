/**
 * Start-up of sync on a device where it has been set up: `main.ts` loads this only when the
 * setting exists, and the sync code itself loads from here, so a device that never syncs
 * never downloads it and the first screen does not carry it.
 */
import type { Database } from '../../lib/storage/connection';

export async function autostart(db: Database): Promise<void> {
  const { syncState } = await import('./syncState.svelte');
  await syncState.load(db);
}
