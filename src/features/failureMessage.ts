/**
 * The message key (group `notices`) for a write that failed where a screen shows one short
 * line: the device is full (the caller's own key says what was not done), the browser closed
 * the database after failing on disk, or any other refusal.
 */
import type { WriteFailure } from '../lib/storage/storageErrors';

export type { WriteFailure };

export function failureMessage(failure: WriteFailure | null, fullKey: string): string {
  if (failure === 'full') return fullKey;
  return failure === 'lost' ? 'storage.writeLost' : 'storage.writeFailed';
}
