import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { checkBackup, makeBackup, restoreBackup, storeSchemas } from '../../../src/lib/storage/backup';
import { openDatabase } from '../../../src/lib/storage/connection';
import { latestVersion } from '../../../src/lib/storage/migrations';
import { databaseFromFixture, readFixture } from './fixtureDatabase';

const now = new Date('2027-07-02T03:00:00Z');

describe('Backing up and restoring the whole device', () => {
  test('A backup restored on another device gives back every record of every store, unchanged', async () => {
    const source = await openDatabase({ factory: await databaseFromFixture(latestVersion) });
    const backup = await makeBackup(source, now);
    expect(backup).toMatchObject({ format: 'chung-tay/backup', version: latestVersion });
    const fixture = readFixture(latestVersion);
    for (const [store, records] of Object.entries(fixture.stores)) {
      expect(backup.stores[store as keyof typeof backup.stores], store).toHaveLength(records.length);
    }

    // Through the file's text, as a user would carry it.
    const checked = checkBackup(JSON.stringify(backup));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const target = await openDatabase({ factory: new IDBFactory() });
    await restoreBackup(target, checked.backup);
    const again = await makeBackup(target, now);
    expect(again).toEqual(backup);
    source.close();
    target.close();
  });

  test('A restore replaces what was there: nothing of the old data is left', async () => {
    const target = await openDatabase({ factory: await databaseFromFixture(latestVersion) });
    const empty = {
      format: 'chung-tay/backup',
      version: latestVersion,
      exportedAt: now.toISOString(),
      stores: {},
    };
    const checked = checkBackup(JSON.stringify(empty));
    if (!checked.ok) throw new Error('refused');
    await restoreBackup(target, checked.backup);
    for (const store of Object.keys(storeSchemas)) expect(await target.count(store as never), store).toBe(0);
    target.close();
  });

  test('A backup written by an older version restores: its records still parse', () => {
    const v1 = readFixture(1);
    const checked = checkBackup(
      JSON.stringify({
        format: 'chung-tay/backup',
        version: 1,
        exportedAt: now.toISOString(),
        stores: v1.stores,
      }),
    );
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.counts.profiles).toBe(v1.stores.profiles?.length);
  });

  test('A file that is not a backup, one from a newer version, or one with damaged records is refused whole', () => {
    expect(checkBackup('{ not json')).toEqual({ ok: false, problems: [{ kind: 'not-json' }] });
    expect(checkBackup(JSON.stringify({ format: 'chung-tay/indexeddb', stores: {} }))).toEqual({
      ok: false,
      problems: [{ kind: 'not-backup' }],
    });
    const base = { format: 'chung-tay/backup', exportedAt: now.toISOString() };
    expect(checkBackup(JSON.stringify({ ...base, version: latestVersion + 1, stores: {} }))).toEqual({
      ok: false,
      problems: [{ kind: 'newer', version: latestVersion + 1 }],
    });
    const profiles = readFixture(latestVersion).stores.profiles ?? [];
    const damaged = [...profiles, { id: 'x', nickname: '' }, { nickname: 5 }];
    expect(
      checkBackup(JSON.stringify({ ...base, version: latestVersion, stores: { profiles: damaged } })),
    ).toEqual({
      ok: false,
      problems: [{ kind: 'bad-records', store: 'profiles', count: 2, first: profiles.length + 1 }],
    });
    // An unknown store is not silently dropped.
    expect(checkBackup(JSON.stringify({ ...base, version: latestVersion, stores: { secrets: [] } })).ok).toBe(
      false,
    );
  });

  test('A backup holding a damaged reporting round is refused, the round named', () => {
    const [round] = readFixture(6).stores.rollups ?? [];
    const damaged = { ...(round as object), from: '2026-07-01', to: '2026-06-30' };
    const backup = {
      format: 'chung-tay/backup',
      version: latestVersion,
      exportedAt: now.toISOString(),
      stores: { rollups: [round, damaged] },
    };
    expect(checkBackup(JSON.stringify(backup))).toEqual({
      ok: false,
      problems: [{ kind: 'bad-records', store: 'rollups', count: 1, first: 2 }],
    });
  });
});
