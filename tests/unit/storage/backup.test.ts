import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import {
  backupProblemKinds,
  checkBackup,
  checkBackupSize,
  makeBackup,
  restoreBackup,
  storeNames,
  storeSchemas,
} from '../../../src/lib/storage/backup';
import { backupLimits } from '../../../src/lib/storage/backupCheck';
import { getProgress } from '../../../src/lib/storage/attemptStore';
import { openDatabase } from '../../../src/lib/storage/connection';
import { latestVersion } from '../../../src/lib/storage/migrations';
import { databaseFromFixture, readFixture } from './fixtureDatabase';

const now = new Date('2027-07-02T03:00:00Z');

type Row = Record<string, unknown>;
type Stores = Record<string, Row[]>;

/** The newest fixture's stores, a fresh copy to change. */
function fixtureStores(version = latestVersion): Stores {
  return structuredClone(readFixture(version).stores) as Stores;
}

/** A backup file's text holding `stores`. */
function backupText(stores: Stores, version = latestVersion): string {
  return JSON.stringify({ format: 'chung-tay/backup', version, exportedAt: now.toISOString(), stores });
}

/** JSON of a value nested `depth` arrays deep (JSON.stringify itself would overflow the stack). */
const nestedJson = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;

const at = (stores: Stores, store: string, i: number): Row => stores[store]?.[i] as Row;

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

  test('The counts the confirmation shows are exactly the records the restore stores, store by store', async () => {
    const checked = checkBackup(backupText(fixtureStores()));
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const fixture = readFixture(latestVersion).stores;
    expect(checked.counts).toEqual(Object.fromEntries(storeNames.map((s) => [s, fixture[s]?.length ?? 0])));
    expect(checked.counts).toMatchObject({
      profiles: 2,
      attempts: 4,
      units: 6,
      ledger: 3,
      rollups: 1,
      banks: 1,
      ownQuizzes: 1,
    });
    expect(checked.records).toBe(Object.values(fixture).reduce((sum, records) => sum + records.length, 0));

    const target = await openDatabase({ factory: await databaseFromFixture(latestVersion) });
    const written = await restoreBackup(target, checked.backup);
    expect(written).toEqual(checked.counts);
    for (const store of storeNames) expect(await target.count(store), store).toBe(checked.counts[store]);
    target.close();
  });

  test('A restore replaces what was there: nothing of the old data is left', async () => {
    const target = await openDatabase({ factory: await databaseFromFixture(latestVersion) });
    const [contact] = fixtureStores().contacts ?? [];
    const checked = checkBackup(backupText({ contacts: [contact as Row] }));
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    await restoreBackup(target, checked.backup);
    for (const store of Object.keys(storeSchemas))
      expect(await target.count(store as never), store).toBe(store === 'contacts' ? 1 : 0);
    target.close();
  });

  test('A backup written by an older version restores: its records still parse', () => {
    const v1 = readFixture(1);
    const checked = checkBackup(backupText(v1.stores as Stores, 1));
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.counts.profiles).toBe(v1.stores.profiles?.length);
  });

  test('A backup older than version 7 restores without its progress summaries, which mixed the modes, and they are rebuilt from its attempts', async () => {
    const v6 = readFixture(6);
    expect(v6.stores.progress).toHaveLength(1);
    const checked = checkBackup(backupText(v6.stores as Stores, 6));
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    expect(checked.counts).toMatchObject({ progress: 0, attempts: v6.stores.attempts?.length });
    const target = await openDatabase({ factory: new IDBFactory() });
    await restoreBackup(target, checked.backup);
    const profileId = (v6.stores.progress?.[0] as { profileId: string }).profileId;
    expect((await getProgress(target, profileId)).quizzes.thcs?.best).toMatchObject({
      practice: { correct: 2, total: 4 },
      contest: null,
    });
    target.close();
  });

  test('The data of every released storage version, backed up, passes every consistency check', () => {
    for (let version = 1; version <= latestVersion; version++) {
      const checked = checkBackup(backupText(fixtureStores(version), version));
      expect(checked.ok ? [] : checked.problems, `version ${version}`).toEqual([]);
    }
  });

  test('A file that is not a backup, one from a newer version, or one with damaged records is refused whole', () => {
    expect(checkBackup('{ not json')).toEqual({ ok: false, problems: [{ kind: 'not-json' }] });
    expect(checkBackup(JSON.stringify({ format: 'chung-tay/indexeddb', stores: {} }))).toEqual({
      ok: false,
      problems: [{ kind: 'not-backup' }],
    });
    expect(checkBackup(backupText({}, latestVersion + 1))).toEqual({
      ok: false,
      problems: [{ kind: 'newer', version: latestVersion + 1 }],
    });
    const profiles = fixtureStores().profiles ?? [];
    const damaged = [...profiles, { id: 'x', nickname: '' }, { nickname: 5 }];
    expect(checkBackup(backupText({ profiles: damaged }))).toEqual({
      ok: false,
      problems: [{ kind: 'bad-records', store: 'profiles', count: 2, first: profiles.length + 1 }],
    });
  });

  test('A backup holding a damaged reporting round is refused, the round named', () => {
    const stores = fixtureStores();
    const round = at(stores, 'rollups', 0);
    stores.rollups = [round, { ...round, id: crypto.randomUUID(), from: '2026-07-01', to: '2026-06-30' }];
    expect(checkBackup(backupText(stores))).toEqual({
      ok: false,
      problems: [{ kind: 'bad-records', store: 'rollups', count: 1, first: 2 }],
    });
  });
});

// Issue 21, point 7: each case of the report, in its order.
describe('A restore is checked for consistency before anything is offered', () => {
  test('Records with a repeated id are refused, the store and the first repeat named, instead of storing fewer than counted', () => {
    const stores = fixtureStores();
    const attempts = stores.attempts ?? [];
    stores.attempts = [...attempts, { ...(attempts[0] as Row), finishedAt: '2026-09-05T02:00:00.000Z' }];
    expect(checkBackup(backupText(stores))).toEqual({
      ok: false,
      problems: [{ kind: 'duplicate-id', store: 'attempts', count: 1, first: attempts.length + 1 }],
    });
    // Keyed by something else than `id`: progress by profile, settings by key.
    const again = fixtureStores();
    again.progress = [...(again.progress ?? []), at(again, 'progress', 0)];
    again.settings = [...(again.settings ?? []), at(again, 'settings', 0)];
    expect(checkBackup(backupText(again))).toEqual({
      ok: false,
      problems: [
        { kind: 'duplicate-id', store: 'progress', count: 1, first: 2 },
        { kind: 'duplicate-id', store: 'settings', count: 1, first: 2 },
      ],
    });
  });

  test('Attempts, progress and a quiz in progress whose profile is not in the file are refused, each store named', () => {
    const stores = fixtureStores();
    const owner = at(stores, 'attempts', 0).profileId;
    stores.profiles = (stores.profiles ?? []).filter((p) => p.id !== owner);
    const orphans = (stores.attempts ?? []).filter((a) => a.profileId === owner).length;
    expect(orphans).toBeGreaterThan(0);
    expect(checkBackup(backupText(stores))).toEqual({
      ok: false,
      problems: [
        { kind: 'missing-profile', store: 'attempts', count: orphans, first: 1 },
        { kind: 'missing-profile', store: 'progress', count: 1, first: 1 },
        { kind: 'missing-profile', store: 'sessions', count: 1, first: 1 },
      ],
    });
  });

  test('Ledger records, reached classes, campaigns, rounds and units that name a unit not in the file are refused', () => {
    const missing = crypto.randomUUID();
    const cases: Array<[string, (stores: Stores) => void, object]> = [
      ['a record’s unit', (s) => (at(s, 'ledger', 2).unitId = missing), { store: 'ledger', first: 3 }],
      [
        'a class a school activity reached',
        (s) => ((at(s, 'ledger', 1).classes as Row[])[1]!.unitId = missing),
        { store: 'ledger', first: 2 },
      ],
      [
        'a campaign’s unit',
        (s) => (at(s, 'campaigns', 0).unitId = missing),
        { store: 'campaigns', first: 1 },
      ],
      [
        'a round’s receiving unit',
        (s) => (at(s, 'rollups', 0).receiverId = missing),
        { store: 'rollups', first: 1 },
      ],
      ['a unit’s parent', (s) => (at(s, 'units', 3).parentId = missing), { store: 'units', first: 4 }],
    ];
    for (const [what, change, problem] of cases) {
      const stores = fixtureStores();
      change(stores);
      expect(checkBackup(backupText(stores)), what).toEqual({
        ok: false,
        problems: [{ kind: 'missing-unit', count: 1, ...problem }],
      });
    }
  });

  test('An own quiz that draws on a bank not in the file is refused, the store named', () => {
    const stores = fixtureStores();
    at(stores, 'ownQuizzes', 0).bankIds = [crypto.randomUUID()];
    expect(checkBackup(backupText(stores))).toEqual({
      ok: false,
      problems: [{ kind: 'missing-bank', store: 'ownQuizzes', count: 1, first: 1 }],
    });
  });

  test('Units whose parents loop, a unit its own parent included, are refused', () => {
    const loop = fixtureStores();
    // KCN Quang Châu (1) under its own enterprise (2), which is under it.
    at(loop, 'units', 0).parentId = at(loop, 'units', 1).id;
    expect(checkBackup(backupText(loop))).toEqual({
      ok: false,
      problems: [{ kind: 'unit-cycle', store: 'units', count: 2, first: 1 }],
    });
    const self = fixtureStores();
    at(self, 'units', 2).parentId = at(self, 'units', 2).id;
    // The commune (3) is its own parent; its school and the classes under it never reach a top either.
    expect(checkBackup(backupText(self))).toEqual({
      ok: false,
      problems: [{ kind: 'unit-cycle', store: 'units', count: 4, first: 3 }],
    });
  });

  test('A 5 MB settings value is refused as too large, naming the store and the record', () => {
    const stores = fixtureStores();
    stores.settings = [{ key: 'activeProfileId', value: 'x'.repeat(5 * 1024 * 1024) }];
    expect(checkBackup(backupText(stores))).toEqual({
      ok: false,
      problems: [
        { kind: 'record-too-large', store: 'settings', count: 1, first: 1, limit: backupLimits.settingChars },
      ],
    });
  });

  test('A setting the app never writes, such as a language, and a setting of the wrong shape are refused', () => {
    const stores = fixtureStores();
    // The interface language lives in the browser, not the database: no backup of the app holds one.
    stores.settings = [...(stores.settings ?? []), { key: 'language', value: 'xx' }];
    expect(checkBackup(backupText(stores))).toEqual({
      ok: false,
      problems: [{ kind: 'unknown-setting', store: 'settings', count: 1, first: 2 }],
    });
    stores.settings = [{ key: 'activeProfileId', value: { nested: true } }];
    expect(checkBackup(backupText(stores))).toEqual({
      ok: false,
      problems: [{ kind: 'bad-records', store: 'settings', count: 1, first: 1 }],
    });
  });

  test('A store the app does not have is refused by name, `__proto__` included, instead of being dropped', () => {
    const profiles = JSON.stringify(fixtureStores().profiles);
    const text = (stores: string) =>
      `{"format":"chung-tay/backup","version":${latestVersion},"exportedAt":"${now.toISOString()}","stores":${stores}}`;
    expect(checkBackup(text(`{"profiles":${profiles},"__proto__":[{"key":"x"}]}`))).toEqual({
      ok: false,
      problems: [{ kind: 'unknown-store', store: '__proto__' }],
    });
    expect(checkBackup(text(`{"profiles":${profiles},"secrets":[],"toString":[]}`))).toEqual({
      ok: false,
      problems: [
        { kind: 'unknown-store', store: 'secrets' },
        { kind: 'unknown-store', store: 'toString' },
      ],
    });
    // Nor may a record carry a `__proto__` key, which a copy would turn into its prototype.
    const profile = JSON.stringify(at(fixtureStores(), 'profiles', 0)).replace(
      /^\{/,
      '{"__proto__":{"x":1},',
    );
    expect(checkBackup(text(`{"profiles":[${profile}]}`))).toEqual({
      ok: false,
      problems: [{ kind: 'bad-records', store: 'profiles', count: 1, first: 1 }],
    });
  });

  test('A backup with no records at all is refused instead of emptying the device', () => {
    expect(checkBackup(backupText({}))).toEqual({ ok: false, problems: [{ kind: 'empty' }] });
    const empty = Object.fromEntries(storeNames.map((name) => [name, []]));
    expect(checkBackup(backupText(empty))).toEqual({ ok: false, problems: [{ kind: 'empty' }] });
  });

  test('A value nested 5,000 deep is refused as a problem before the write, which could only overflow the stack', async () => {
    const deep = nestedJson(5000);
    // What the write would have done: IndexedDB's structured clone recurses.
    expect(() => structuredClone(JSON.parse(deep))).toThrow(RangeError);
    const stores = fixtureStores();
    stores.settings = [{ key: 'activeProfileId', value: 'DEEP' }];
    at(stores, 'contacts', 1).note = 'DEEP';
    const checked = checkBackup(backupText(stores).replaceAll('"DEEP"', deep));
    expect(checked).toEqual({
      ok: false,
      problems: [
        { kind: 'too-deep', store: 'settings', count: 1, first: 1 },
        { kind: 'too-deep', store: 'contacts', count: 1, first: 2 },
      ],
    });
    // Nothing reaches the database, so nothing there changes.
    const db = await openDatabase({ factory: await databaseFromFixture(latestVersion) });
    expect(await db.count('contacts')).toBe(2);
    db.close();
  });

  test('A file larger than any backup is refused before it is read, with both sizes', () => {
    expect(checkBackupSize(300 * 1024 * 1024)).toEqual({
      kind: 'too-large',
      size: 300 * 1024 * 1024,
      limit: backupLimits.fileBytes,
    });
    expect(checkBackupSize(12 * 1024 * 1024)).toBeNull();
  });

  test('References the app itself leaves dangling still restore', () => {
    const stores = fixtureStores();
    // The active profile was deleted in another tab; a campaign activity came from another
    // unit's file by a roll-up; a round's file line outlived its sender; a draft edits a deleted record.
    at(stores, 'settings', 0).value = crypto.randomUUID();
    at(stores, 'ledger', 2).campaignId = crypto.randomUUID();
    (at(stores, 'rollups', 0).files as Row[])[0]!.unitId = crypto.randomUUID();
    at(stores, 'drafts', 0).editingId = crypto.randomUUID();
    const checked = checkBackup(backupText(stores));
    expect(checked.ok ? [] : checked.problems).toEqual([]);
  });

  test('Every problem has its message in Vietnamese and English, and every store its line in the confirmation', () => {
    const dir = join(import.meta.dirname, '../../../src/lib/i18n/locales');
    for (const language of ['vi', 'en']) {
      const backup = JSON.parse(readFileSync(join(dir, language, 'help.json'), 'utf8')).backup as {
        problem: Record<string, string>;
        count: Record<string, string>;
        store: Record<string, string>;
      };
      const keys = new Set(Object.keys(backup.problem).map((k) => k.replace(/_(one|other)$/, '')));
      for (const kind of [...backupProblemKinds, 'no-file', 'space'])
        expect(keys, `${language}: ${kind}`).toContain(kind);
      for (const store of storeNames) {
        expect(backup.count[store], `${language}: ${store}`).toContain('{{number}}');
        expect(backup.store[store], `${language}: ${store}`).toBeTruthy();
      }
    }
  });
});
