import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { campaignTotals } from '../../../src/lib/domain/campaign';
import { campaignSchema } from '../../../src/lib/domain/campaign.schema';
import { ownQuizPool, toPlayable, toPlayableQuiz } from '../../../src/lib/domain/ownContent';
import { progressFrom } from '../../../src/lib/domain/progress';
import { listBanks, listOwnQuizzes } from '../../../src/lib/storage/bankStore';
import { reportingStatus, rollupTotals } from '../../../src/lib/domain/rollup';
import { currentYear, isSchool, schoolCoverage } from '../../../src/lib/domain/school';
import { getProgress, listAttempts } from '../../../src/lib/storage/attemptStore';
import { openDatabase } from '../../../src/lib/storage/connection';
import { listContacts } from '../../../src/lib/storage/contactStore';
import { getSessionDraft } from '../../../src/lib/storage/draftStore';
import { listEntries } from '../../../src/lib/storage/ledgerStore';
import { getRollup, listRollups } from '../../../src/lib/storage/rollupStore';
import { listUnits } from '../../../src/lib/storage/unitStore';
import { latestVersion, migrations } from '../../../src/lib/storage/migrations';
import { listProfiles } from '../../../src/lib/storage/profileStore';
import { getSession } from '../../../src/lib/storage/sessionStore';
import { getSetting } from '../../../src/lib/storage/settingsStore';
import { storeSchemas as schemas } from '../../../src/lib/storage/backup';
import { databaseFromFixture, readFixture } from './fixtureDatabase';

// The schema every record of each store must parse with today (the backup checks the same).

const storeSchemas: Record<string, { safeParse(value: unknown): { success: boolean } }> = schemas;

const fixtureVersions = readdirSync(join(import.meta.dirname, '../../fixtures'))
  .flatMap((file) => /^storage-v(\d+)\.json$/.exec(file)?.[1] ?? [])
  .map(Number)
  .sort((a, b) => a - b);

describe('storage migrations', () => {
  test('Steps are numbered 1, 2, 3… with no gap, and the latest is the database version', () => {
    expect(migrations.map((step) => step.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(latestVersion).toBe(migrations.length);
  });

  test('There is a fixture of every stored format, the current one included', () => {
    expect(fixtureVersions).toEqual(migrations.map((step) => step.version));
  });

  test('A new device gets every store of the latest version', async () => {
    const db = await openDatabase({ factory: new IDBFactory() });
    expect([...db.objectStoreNames].sort()).toEqual([...Object.keys(storeSchemas), 'quarantine'].sort());
    db.close();
  });

  for (const version of fixtureVersions) {
    test(`A device with a version ${version} database opens it with every record unchanged and readable`, async () => {
      const fixture = readFixture(version);
      const db = await openDatabase({ factory: await databaseFromFixture(version) });
      for (const [store, records] of Object.entries(fixture.stores)) {
        const stored = await db.getAll(store as never);
        // Progress summaries are derived; version 7 drops the older ones, which mixed the modes.
        if (store === 'progress' && version < 7) {
          expect(stored, store).toEqual([]);
          continue;
        }
        expect(stored, store).toEqual(
          expect.arrayContaining(records.map((record) => expect.objectContaining(record as object))),
        );
        for (const record of stored) expect(storeSchemas[store]?.safeParse(record).success, store).toBe(true);
      }
      expect(await db.count('quarantine')).toBe(0);
      db.close();
    });
  }

  test('Version 1 data reads through the app: profiles, attempts, progress rebuilt from them, the quiz in progress', async () => {
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
    expect(await getProgress(db, mai?.id ?? '')).toEqual(progressFrom(mai?.id ?? '', attempts));
    const tuan = profiles.find((p) => p.nickname === 'Tuấn');
    expect((await getProgress(db, tuan?.id ?? '')).quizzes.workers?.best).toMatchObject({
      practice: null,
      contest: { mode: 'contest', correct: 1, total: 1 },
    });
    expect(await getSession(db, mai?.id ?? '')).toMatchObject({ currentIndex: 1, elapsedMs: 81000 });
    expect(await getSetting(db, 'activeProfileId', z.string())).toBe(mai?.id);
    // Added by version 2: present and empty.
    expect(await listContacts(db)).toEqual([]);
    db.close();
  });

  test('Version 2 contacts read through the app, police first', async () => {
    const db = await openDatabase({ factory: await databaseFromFixture(2) });
    expect((await listContacts(db)).map((c) => c.kind)).toEqual(['commune-police', 'counselling']);
    // Added by version 3: present and empty.
    expect(await listUnits(db)).toEqual([]);
    expect(await listEntries(db)).toEqual([]);
    expect(await getSessionDraft(db)).toBeUndefined();
    db.close();
  });

  test('Version 3 units, sessions and the draft read through the app', async () => {
    const db = await openDatabase({ factory: await databaseFromFixture(3) });
    const units = await listUnits(db);
    expect(units.map((u) => u.name)).toEqual(['Công ty TNHH May Minh Anh', 'KCN Quang Châu']);
    expect(units[0]?.parentId).toBe(units[1]?.id);
    const [session] = await listEntries(db, 'session');
    expect(session).toMatchObject({ participants: 37, women: 21, unitId: units[0]?.id });
    expect(await getSessionDraft(db)).toMatchObject({ stage: 'run', present: 25, segment: 1 });
    db.close();
  });

  test('Version 4 data reads through the app: the school, its classes and its coverage', async () => {
    const db = await openDatabase({ factory: await databaseFromFixture(4) });
    const [school] = (await listUnits(db, 'school')).filter(isSchool);
    expect(school).toMatchObject({ name: 'Trường THCS Võ Cường', school: { level: 'lower-secondary' } });
    const [commune] = await listUnits(db, 'commune');
    expect(commune?.name).toBe('Phường Võ Cường');
    expect(school?.parentId).toBe(commune?.id);
    const classes = await listUnits(db, 'class');
    expect(classes.map((c) => c.name)).toEqual(['6A1', '9A3']);
    expect(classes[1]?.class?.removedOn).toBe('2026-11-20');
    const [activity] = await listEntries(db, 'school-activity');
    expect(activity).toMatchObject({ date: '2026-10-12', participants: 76 });
    if (!school) throw new Error('no school');
    const year = currentYear(school, '2026-12-01');
    const coverage = schoolCoverage(school, year, await listUnits(db), await listEntries(db));
    // 9A3 was removed, but the activity of 2026-10-12 had reached it: it still counts.
    expect(coverage.perClass.find((row) => row.class.name === '9A3')).toMatchObject({ counted: true });
    // 6A1 36 of 38, 9A3 40 of 41.
    expect(coverage.school).toMatchObject({
      classes: 2,
      classesReached: 2,
      enrolled: 79,
      studentsReached: 76,
    });
    db.close();
  });

  test('Version 5 data reads through the app: the campaign and its activity', async () => {
    const db = await openDatabase({ factory: await databaseFromFixture(5) });
    const [campaign, ...more] = (await db.getAll('campaigns')).map((record) => campaignSchema.parse(record));
    expect(more).toEqual([]);
    if (!campaign) throw new Error('no campaign');
    expect(campaign).toMatchObject({ year: 2027, start: '2027-06-01', end: '2027-06-30', day: '2027-06-26' });
    expect(campaign.planned.map((p) => p.status)).toEqual(['done', 'planned']);
    const entries = await listEntries(db);
    expect(entries.map((e) => e.kind).sort()).toEqual(['campaign-activity', 'school-activity', 'session']);
    // The session of 2026-06-10 and the school activity of 2026-10-12 are outside the 2027
    // campaign: only the launch of 2027-06-02 counts.
    expect(campaignTotals(campaign, entries)).toMatchObject({
      sessions: 0,
      schoolActivities: 0,
      campaignActivities: 1,
      participants: 320,
      sessionParticipants: 0,
      students: 0,
      banners: 12,
      leaflets: 500,
      articles: 0,
      sessionsHeld: 0,
      byTemplate: { launch: { activities: 1, participants: 320 } },
      empty: false,
    });
    db.close();
  });

  test('Upgrading version 5 to 6 keeps every record and adds an empty store of reporting rounds', async () => {
    const fixture = readFixture(5);
    const db = await openDatabase({ factory: await databaseFromFixture(5), version: 6 });
    expect(db.version).toBe(6);
    expect([...db.objectStoreNames]).toContain('rollups');
    for (const [store, records] of Object.entries(fixture.stores)) {
      const stored = await db.getAll(store as never);
      expect(stored, store).toHaveLength(records.length);
      expect(stored, store).toEqual(expect.arrayContaining(records));
    }
    expect(await db.count('rollups')).toBe(0);
    expect(await listRollups(db)).toEqual([]);
    db.close();
  });

  test('Version 6 data reads through the app: the reporting round, its file, its status and totals', async () => {
    const fixture = readFixture(6);
    expect(fixture.stores.rollups).toHaveLength(1);
    // Every record parses today but the progress summary, which version 7 drops and rebuilds.
    for (const [store, records] of Object.entries(fixture.stores))
      if (store !== 'progress')
        for (const record of records)
          expect(storeSchemas[store]?.safeParse(record).success, store).toBe(true);

    const db = await openDatabase({ factory: await databaseFromFixture(6) });
    const [round, ...more] = await listRollups(db);
    expect(more).toEqual([]);
    if (!round) throw new Error('no round');
    expect(await getRollup(db, round.id)).toEqual(round);
    expect(round).toMatchObject({
      name: 'Báo cáo 6 tháng đầu năm 2026 – KCN Quang Châu',
      from: '2026-01-01',
      to: '2026-06-30',
      deadline: '2026-07-05',
    });
    // Its receiving unit is the zone the company already lies under.
    const units = await listUnits(db);
    expect(units.find((u) => u.id === round.receiverId)?.name).toBe('KCN Quang Châu');
    expect(round.files).toEqual([
      expect.objectContaining({ unitName: 'Công ty TNHH May Minh Anh', records: 1, added: 1, replaced: 0 }),
    ]);
    const status = reportingStatus(round);
    expect(status.rows.map((row) => [row.name, row.state])).toEqual([
      ['Công ty TNHH May Minh Anh', 'on-time'],
      ['Công ty CP Giày Hòa Bình', 'missing'],
    ]);
    // Only the session of 2026-06-10 lies inside the period and under the sender.
    const { senders, total } = rollupTotals(round, await listEntries(db), units);
    expect(senders.map((s) => s.name)).toEqual(['Công ty TNHH May Minh Anh']);
    expect(total).toMatchObject({ records: 1, sessions: 1, participants: 37, women: 21 });
    db.close();
  });

  test('Upgrading version 6 to 7 drops the progress summaries, and each is rebuilt with its practice best apart from contests', async () => {
    const fixture = readFixture(6);
    const db = await openDatabase({ factory: await databaseFromFixture(6), version: 7 });
    expect(await db.count('progress')).toBe(0);
    for (const [store, records] of Object.entries(fixture.stores)) {
      if (store === 'progress') continue;
      expect(await db.getAll(store as never), store).toHaveLength(records.length);
    }
    // The fixture's only attempt of this learner is a practice run: it is no contest result.
    const profileId = '6f1c2a0e-1d2b-4c3d-8e4f-5a6b7c8d9e01';
    const progress = await getProgress(db, profileId);
    expect(progress.quizzes.thcs?.best).toEqual({
      practice: expect.objectContaining({ mode: 'practice', correct: 2, total: 4 }),
      contest: null,
    });
    expect(progress.questions).toEqual((fixture.stores.progress?.[0] as { questions: unknown }).questions);
    db.close();
  });

  test('Version 7 data reads through the app: a practice run at 50% and a contest at 25% are each the best of their mode', async () => {
    const fixture = readFixture(7);
    const db = await openDatabase({ factory: await databaseFromFixture(7) });
    const profileId = '6f1c2a0e-1d2b-4c3d-8e4f-5a6b7c8d9e01';
    const stored = await getProgress(db, profileId);
    expect(stored).toEqual(fixture.stores.progress?.[0]);
    expect(stored).toEqual(progressFrom(profileId, await listAttempts(db, profileId)));
    const best = stored.quizzes.thcs?.best;
    expect([best?.practice?.correct, best?.contest?.correct]).toEqual([2, 1]);
    db.close();
  });

  test('Upgrading version 7 to 8 keeps every record and adds empty stores of own banks and quizzes', async () => {
    const fixture = readFixture(7);
    const db = await openDatabase({ factory: await databaseFromFixture(7), version: 8 });
    for (const [store, records] of Object.entries(fixture.stores))
      expect(await db.getAll(store as never), store).toEqual(expect.arrayContaining(records));
    expect(await listBanks(db)).toEqual([]);
    expect(await listOwnQuizzes(db)).toEqual([]);
    db.close();
  });

  test('Version 8 data reads through the app: the imported bank and where it came from, its quiz, its pool and the attempt on it', async () => {
    const db = await openDatabase({ factory: await databaseFromFixture(8) });
    const [bank, ...moreBanks] = await listBanks(db);
    const [quiz, ...moreQuizzes] = await listOwnQuizzes(db);
    expect([moreBanks, moreQuizzes]).toEqual([[], []]);
    if (!bank || !quiz) throw new Error('no bank or quiz');
    expect(bank.origin?.unitName).toBe('Phòng GD&ĐT huyện Đông Anh');
    expect(bank.questions.map((q) => q.type)).toEqual(['single', 'true-false', 'multiple']);
    const playable = toPlayableQuiz(quiz, [bank]);
    expect(playable).toMatchObject({ poolSize: 3, contest: { questionCount: 3, timeLimitSeconds: 180 } });
    expect(
      ownQuizPool(quiz, [bank])
        .map(toPlayable)
        .map((q) => q.prompt.vi),
    ).toEqual(bank.questions.map((q) => q.prompt));
    const profileId = '6f1c2a0e-1d2b-4c3d-8e4f-5a6b7c8d9e01';
    expect((await getProgress(db, profileId)).quizzes[quiz.id]?.best.contest).toMatchObject({
      correct: 2,
      total: 3,
    });
    db.close();
  });
});
