import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { getProgress, listAttempts } from '../../../src/lib/storage/attemptStore';
import { openDatabase } from '../../../src/lib/storage/connection';
import { latestVersion, migrations } from '../../../src/lib/storage/migrations';
import { listProfiles } from '../../../src/lib/storage/profileStore';
import { getSession } from '../../../src/lib/storage/sessionStore';
import { getSetting } from '../../../src/lib/storage/settingsStore';
import * as z from 'zod/mini';
import { databaseFromFixture, readFixture } from './fixtureDatabase';

describe('storage migrations', () => {
  test('Steps are numbered 1, 2, 3… with no gap, and the latest is the database version', () => {
    expect(migrations.map((step) => step.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(latestVersion).toBe(migrations.length);
  });

  test('A new device gets every store of the latest version', async () => {
    const db = await openDatabase({ factory: new IDBFactory() });
    expect([...db.objectStoreNames].sort()).toEqual([
      'attempts',
      'profiles',
      'progress',
      'quarantine',
      'sessions',
      'settings',
    ]);
    db.close();
  });

  test('A device with a version 1 database opens it with every record readable', async () => {
    const fixture = readFixture(1);
    const db = await openDatabase({ factory: await databaseFromFixture(1) });

    const profiles = await listProfiles(db);
    expect(profiles.map((p) => p.nickname).sort()).toEqual(['Mai Anh', 'Tuấn']);
    const mai = profiles.find((p) => p.nickname === 'Mai Anh');
    expect(mai?.group).toBe('8A2');

    const attempts = await listAttempts(db, mai?.id ?? '');
    expect(attempts).toEqual(
      fixture.stores.attempts?.filter((a) => (a as { profileId: string }).profileId === mai?.id),
    );

    const session = await getSession(db, mai?.id ?? '');
    expect(session).toMatchObject({ currentIndex: 1, elapsedMs: 81000, answers: { 'law-02': ['b'] } });
    expect(await getSetting(db, 'activeProfileId', z.string())).toBe(mai?.id);

    const maiProgress = await getProgress(db, mai?.id ?? '');
    expect(maiProgress).toEqual(fixture.stores.progress?.[0]);
    const tuan = profiles.find((p) => p.nickname === 'Tuấn');
    const tuanProgress = await getProgress(db, tuan?.id ?? '');
    expect(tuanProgress.quizzes.workers?.best).toMatchObject({ correct: 1, total: 1, durationMs: 600000 });

    expect(await db.count('quarantine')).toBe(0);
    db.close();
  });
});
