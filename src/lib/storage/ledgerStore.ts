/**
 * The participation ledger. A session is saved together with any units it creates and the
 * removal of its draft, in one transaction: either all of it is stored or none.
 */
import { ledgerEntrySchema, type LedgerEntry } from '../domain/ledger.schema';
import { sessionDraftKey } from '../domain/sessionDraft.schema';
import { unitSchema, type Unit } from '../domain/unit.schema';
import { announceChange } from './changes';
import type { Database } from './connection';
import { getAllParsed, getParsed } from './readParsed';
import { writeTransaction } from './storageErrors';
import { syncConnectionKey, syncDeletionsKey } from './settingsStore';

/** Ledger records of one kind (all kinds when omitted), newest first. */
export async function listEntries(db: Database, kind?: LedgerEntry['kind']): Promise<LedgerEntry[]> {
  const entries = kind
    ? await getAllParsed(db, 'ledger', ledgerEntrySchema, {
        name: 'byKind',
        range: IDBKeyRange.bound([kind], [kind, []]),
      })
    : await getAllParsed(db, 'ledger', ledgerEntrySchema);
  return entries.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
}

export async function getEntry(db: Database, id: string): Promise<LedgerEntry | undefined> {
  return getParsed(db, 'ledger', ledgerEntrySchema, id);
}

/** Stores a record with the units it introduces, and clears the draft it came from. */
export async function saveEntry(
  db: Database,
  entry: LedgerEntry,
  newUnits: readonly Unit[] = [],
  { clearDraft = true } = {},
): Promise<void> {
  const record = ledgerEntrySchema.parse(entry);
  const units = newUnits.map((unit) => unitSchema.parse(unit));
  await writeTransaction(db, ['ledger', 'units', 'drafts'], async (tx) => {
    for (const unit of units) await tx.objectStore('units').put(unit);
    await tx.objectStore('ledger').put(record);
    if (clearDraft) await tx.objectStore('drafts').delete(sessionDraftKey);
  });
  if (units.length > 0) announceChange('units');
  announceChange('ledger');
  if (clearDraft) announceChange('drafts');
}

/**
 * Deletes a record. On a device that syncs, the deletion is noted in the same transaction, so
 * the next sync tells the server (`syncStore.ts`) even if the tab closes first.
 */
export async function deleteEntry(db: Database, id: string): Promise<void> {
  await writeTransaction(db, ['ledger', 'settings'], async (tx) => {
    await tx.objectStore('ledger').delete(id);
    const settings = tx.objectStore('settings');
    if (!(await settings.get(syncConnectionKey))) return;
    const noted = await settings.get(syncDeletionsKey);
    const ids = Array.isArray(noted?.value)
      ? (noted.value as unknown[]).filter((v) => typeof v === 'string')
      : [];
    if (!ids.includes(id)) await settings.put({ key: syncDeletionsKey, value: [...ids, id] });
  });
  announceChange('ledger');
}
