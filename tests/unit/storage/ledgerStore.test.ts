import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SessionEntry } from '../../../src/lib/domain/ledger.schema';
import type { SessionDraft } from '../../../src/lib/domain/sessionDraft.schema';
import type { Unit } from '../../../src/lib/domain/unit.schema';
import { openDatabase, type Database } from '../../../src/lib/storage/connection';
import { getSessionDraft, saveSessionDraft } from '../../../src/lib/storage/draftStore';
import { deleteEntry, getEntry, listEntries, saveEntry } from '../../../src/lib/storage/ledgerStore';
import { StorageFullError } from '../../../src/lib/storage/storageErrors';
import { listUnits } from '../../../src/lib/storage/unitStore';

const at = '2027-06-20T08:00:00.000Z';
const unit: Unit = {
  id: '33333333-3333-4333-8333-333333333333',
  name: 'Công ty TNHH May Minh Anh',
  kind: 'enterprise',
  createdAt: at,
  updatedAt: at,
};
const session = (overrides: Partial<SessionEntry> = {}): SessionEntry => ({
  id: crypto.randomUUID(),
  kind: 'session',
  unitId: unit.id,
  date: '2027-06-10',
  audience: 'workers',
  participants: 37,
  women: 21,
  durationMinutes: 45,
  topics: [],
  materials: [],
  createdAt: at,
  updatedAt: at,
  ...overrides,
});
const draft: SessionDraft = {
  key: 'session',
  stage: 'record',
  startedAt: at,
  segment: 0,
  segmentMs: [],
  check: { before: [], after: [] },
  roomQuiz: [],
  revealed: [],
  updatedAt: at,
};

let db: Database;
beforeEach(async () => {
  db = await openDatabase({ factory: new IDBFactory() });
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

describe('The participation ledger', () => {
  test('Saving a session stores it with its new unit and clears the draft, in one go', async () => {
    await saveSessionDraft(db, draft);
    const entry = session();
    await saveEntry(db, entry, [unit]);
    expect(await getEntry(db, entry.id)).toEqual(entry);
    expect(await listUnits(db)).toEqual([unit]);
    expect(await getSessionDraft(db)).toBeUndefined();
  });

  test('Sessions are listed newest first, and one can be deleted', async () => {
    const older = session({ date: '2027-05-01' });
    const newer = session({ date: '2027-06-15' });
    await saveEntry(db, older, [unit]);
    await saveEntry(db, newer);
    expect((await listEntries(db, 'session')).map((e) => e.date)).toEqual(['2027-06-15', '2027-05-01']);
    await deleteEntry(db, older.id);
    expect((await listEntries(db)).map((e) => e.id)).toEqual([newer.id]);
  });

  test('A record that breaks the rules is refused before anything is written', async () => {
    await expect(saveEntry(db, session({ women: 40 }), [unit])).rejects.toThrow();
    expect(await listEntries(db)).toEqual([]);
    expect(await listUnits(db)).toEqual([]);
  });

  test('When the disk is full, neither the session nor its unit is kept, and the draft stays', async () => {
    await saveSessionDraft(db, draft);
    const storePrototype = Object.getPrototypeOf(db.transaction('drafts').store) as { delete: () => unknown };
    vi.spyOn(storePrototype, 'delete').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(saveEntry(db, session(), [unit])).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await listEntries(db)).toEqual([]);
    expect(await listUnits(db)).toEqual([]);
    expect(await getSessionDraft(db)).toEqual(draft);
  });
});
