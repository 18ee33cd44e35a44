import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  countAttempts,
  getAttempt,
  getProgress,
  listAttempts,
  listRecentAttempts,
  saveFinishedAttempt,
} from '../../../src/lib/storage/attemptStore';
import { openDatabase, type Database } from '../../../src/lib/storage/connection';
import { deleteProfile, listProfiles, saveProfile } from '../../../src/lib/storage/profileStore';
import { onRecordsSetAside } from '../../../src/lib/storage/readParsed';
import { getSession, saveSession } from '../../../src/lib/storage/sessionStore';
import { StorageFullError } from '../../../src/lib/storage/storageErrors';
import { makeAnswer, makeAttempt, makeProfile, makeSession } from '../../builders';

let db: Database;
beforeEach(async () => {
  db = await openDatabase({ factory: new IDBFactory() });
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

describe('profiles', () => {
  test('Profiles are listed in Vietnamese alphabetical order', async () => {
    for (const nickname of ['Tuấn', 'Ánh', 'Bình']) await saveProfile(db, makeProfile({ nickname }));
    expect((await listProfiles(db)).map((p) => p.nickname)).toEqual(['Ánh', 'Bình', 'Tuấn']);
  });

  test('Deleting a profile deletes its attempts and quiz in progress, and nobody else’s', async () => {
    const lan = await saveProfile(db, makeProfile({ nickname: 'Lan' }));
    const minh = await saveProfile(db, makeProfile({ nickname: 'Minh' }));
    await saveFinishedAttempt(db, makeAttempt({ profileId: lan.id }));
    await saveFinishedAttempt(db, makeAttempt({ profileId: minh.id }));
    await saveSession(db, makeSession({ profileId: lan.id }));

    await deleteProfile(db, lan.id);

    expect((await listProfiles(db)).map((p) => p.nickname)).toEqual(['Minh']);
    expect(await listAttempts(db, lan.id)).toEqual([]);
    expect(await getSession(db, lan.id)).toBeUndefined();
    expect(await listAttempts(db, minh.id)).toHaveLength(1);
  });

  test('A profile with fields beyond nickname and group is refused before it is written', async () => {
    const withEmail = { ...makeProfile(), email: 'lan@example.com' };
    await expect(saveProfile(db, withEmail)).rejects.toThrow();
    expect(await listProfiles(db)).toEqual([]);
  });
});

describe('attempts', () => {
  test('Saving a finished attempt clears the quiz in progress in the same step', async () => {
    const attempt = makeAttempt();
    await saveSession(db, makeSession({ profileId: attempt.profileId }));
    await saveFinishedAttempt(db, attempt);
    expect(await getAttempt(db, attempt.id)).toEqual(attempt);
    expect(await getSession(db, attempt.profileId)).toBeUndefined();
  });

  test('When the disk is full, no partial result is written and the quiz in progress is kept', async () => {
    const attempt = makeAttempt();
    const session = makeSession({ profileId: attempt.profileId });
    await saveSession(db, session);
    // The attempt's put is queued first; the disk fills up on the next operation of the same
    // transaction. Only an abort of the whole transaction keeps the queued put out.
    const storePrototype = Object.getPrototypeOf(db.transaction('sessions').store) as {
      delete: () => unknown;
    };
    vi.spyOn(storePrototype, 'delete').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    await expect(saveFinishedAttempt(db, attempt)).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();

    expect(await getAttempt(db, attempt.id)).toBeUndefined();
    expect(await getSession(db, attempt.profileId)).toEqual(session);
  });

  test('A stored attempt that no longer parses is set aside and reported, and the others still load', async () => {
    const good = makeAttempt();
    await saveFinishedAttempt(db, good);
    await db.put('attempts', { ...makeAttempt(), durationMs: -5 } as never);
    const reports: number[] = [];
    const stop = onRecordsSetAside((count) => reports.push(count));

    expect(await listAttempts(db, good.profileId)).toEqual([good]);
    expect(reports).toEqual([1]);
    const [setAside] = await db.getAll('quarantine');
    expect(setAside).toMatchObject({ store: 'attempts', reason: expect.stringContaining('durationMs') });
    expect(await db.count('attempts')).toBe(1);
    stop();
  });
});

describe('progress summaries', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 9, 1, 8, minute)).toISOString();

  test('Each saved attempt is folded into the learner’s summary, and saving the same one again changes nothing', async () => {
    const first = makeAttempt({ finishedAt: at(1), answers: [makeAnswer({ correct: true })] });
    const second = makeAttempt({ finishedAt: at(2), answers: [makeAnswer({ correct: false })] });
    await saveFinishedAttempt(db, first);
    await saveFinishedAttempt(db, second);
    await saveFinishedAttempt(db, second);
    const progress = await getProgress(db, first.profileId);
    expect(progress.attemptCount).toBe(2);
    expect(progress.quizzes.thcs).toMatchObject({
      attempts: 2,
      best: { practice: { id: first.id }, contest: null },
      last: { id: second.id },
    });
    expect(progress.questions['law-01']).toMatchObject({ correct: false });
  });

  test('A lost or damaged summary is rebuilt from the attempts', async () => {
    const attempt = makeAttempt();
    await saveFinishedAttempt(db, attempt);
    await db.put('progress', { profileId: attempt.profileId, attemptCount: 'many' } as never);
    expect((await getProgress(db, attempt.profileId)).quizzes.thcs?.best.practice?.id).toBe(attempt.id);
    await db.delete('progress', attempt.profileId);
    expect((await getProgress(db, attempt.profileId)).attemptCount).toBe(1);
  });

  test('A summary that no longer counts the stored attempts is rebuilt', async () => {
    const attempt = makeAttempt();
    await saveFinishedAttempt(db, attempt);
    const extra = makeAttempt({ finishedAt: at(30) }); // e.g. restored from a backup
    await db.put('attempts', extra);
    expect((await getProgress(db, attempt.profileId)).attemptCount).toBe(2);
  });

  test('Attempts page newest first without reading the rest, and are counted per learner', async () => {
    const mine = Array.from({ length: 25 }, (_, i) => makeAttempt({ finishedAt: at(i) }));
    for (const attempt of mine) await saveFinishedAttempt(db, attempt);
    await saveFinishedAttempt(db, makeAttempt({ profileId: '00000000-0000-4000-8000-00000000bbbb' }));
    const firstPage = await listRecentAttempts(db, mine[0]?.profileId ?? '', { limit: 20 });
    const secondPage = await listRecentAttempts(db, mine[0]?.profileId ?? '', { offset: 20, limit: 20 });
    expect(firstPage.map((a) => a.finishedAt)).toEqual(
      mine
        .map((a) => a.finishedAt)
        .reverse()
        .slice(0, 20),
    );
    expect(secondPage).toHaveLength(5);
    expect(await countAttempts(db, mine[0]?.profileId ?? '')).toBe(25);
  });
});
