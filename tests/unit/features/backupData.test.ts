import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BackupData } from '../../../src/features/settings/backupData.svelte';
import { openDatabase, type Database } from '../../../src/lib/storage/connection';
import { listEntries, saveEntry } from '../../../src/lib/storage/ledgerStore';
import { listUnits } from '../../../src/lib/storage/unitStore';
import { makeSessionEntry, makeUnit } from '../../builders';
import { failStoreRequests } from './tabs';

const company = makeUnit({ name: 'Công ty TNHH May Minh Anh' });
const entry = makeSessionEntry({ unitId: company.id, participants: 40 });

let source: Database;
let target: Database;

beforeEach(async () => {
  source = await openDatabase({ factory: new IDBFactory() });
  target = await openDatabase({ factory: new IDBFactory() });
  await saveEntry(source, entry, [company]);
});
afterEach(() => {
  vi.restoreAllMocks();
  source.close();
  target.close();
});

async function backupFile(): Promise<File> {
  const { blob, fileName } = await new BackupData(source).makeFile(new Date('2027-07-03T02:00:00.000Z'));
  expect(fileName).toBe('chung-tay-sao-luu-2027-07-03.json');
  return new File([blob], fileName);
}

describe('BackupData', () => {
  test('A device’s backup is checked, offered with its counts, and restored on another device', async () => {
    const backup = new BackupData(target);
    await backup.check(await backupFile());

    expect(backup.problems).toEqual([]);
    expect(backup.filled).toEqual([
      { store: 'units', count: 1 },
      { store: 'ledger', count: 1 },
    ]);
    expect(await backup.restore()).toBe(true);
    expect(backup.pending).toBeNull();
    expect(await listEntries(target)).toEqual([entry]);
    expect(await listUnits(target)).toEqual([company]);
  });

  test('No file, or a file that is not a backup, is refused with its reason and nothing is offered', async () => {
    const backup = new BackupData(target);
    await backup.check(undefined);
    expect(backup.problems).toEqual([{ kind: 'no-file' }]);
    await backup.check(new File(['{"format":'], 'hong.json'));
    expect(backup.problems).toEqual([{ kind: 'not-json' }]);
    expect(backup.pending).toBeNull();
    expect(await backup.restore()).toBe(false);
  });

  test('A full disk during the restore changes nothing and says so', async () => {
    const backup = new BackupData(target);
    await backup.check(await backupFile());
    failStoreRequests(target, 'put');

    expect(await backup.restore()).toBe(false);
    expect(backup.failure).toBe('full');
    vi.restoreAllMocks();
    expect(await listEntries(target)).toEqual([]);
  });
});
