import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { SchoolData, type SchoolClock } from '../../../src/features/schools/schoolData.svelte';
import { emptyActivityInput, type School, type SchoolInput } from '../../../src/lib/domain/school';
import { openDatabase, type Database } from '../../../src/lib/storage/connection';
import { listEntries, saveEntry } from '../../../src/lib/storage/ledgerStore';
import { listUnits } from '../../../src/lib/storage/unitStore';
import { makeSessionEntry } from '../../builders';
import { announceFromOtherTab, failStoreRequests, openTwoTabs } from './tabs';

/** Fixed times (mid-morning in Viet Nam, the same day in UTC) and predictable ids. */
function fixedClock(at = '2026-11-20T03:00:00.000Z'): SchoolClock & { set: (iso: string) => void } {
  let now = new Date(at);
  let counter = 0;
  return {
    now: () => now,
    newId: () => `00000000-0000-4000-9000-${(++counter).toString(16).padStart(12, '0')}`,
    set: (iso) => (now = new Date(iso)),
  };
}

function schoolInput(overrides: Partial<SchoolInput> = {}): SchoolInput {
  return {
    name: 'Trường THCS Võ Cường',
    level: 'lower-secondary',
    commune: 'Phường Võ Cường',
    start: '2026-09-05',
    end: '2027-05-31',
    ...overrides,
  };
}

const rows = (...names: string[]) => names.map((name) => ({ name, grade: name.slice(0, 1), enrollment: 35 }));

let db: Database;
let clock: ReturnType<typeof fixedClock>;
let data: SchoolData;

beforeEach(async () => {
  db = await openDatabase({ factory: new IDBFactory() });
  clock = fixedClock();
  data = new SchoolData(db, clock);
  await data.refresh();
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

/** A school added through the data class, with its one year. */
async function addSchool(overrides: Partial<SchoolInput> = {}): Promise<School> {
  const school = await data.addSchool(schoolInput(overrides));
  if (!school) throw new Error('The school was not stored.');
  return school;
}
const firstYear = (school: School) => school.school.years[0]!;

describe('SchoolData: schools and years', () => {
  test('A new school is stored with the commune it introduces, and shows among the schools', async () => {
    const school = await addSchool();
    expect(data.schools.map((s) => s.name)).toEqual(['Trường THCS Võ Cường']);
    expect(data.school(school.id)?.school).toEqual({
      level: 'lower-secondary',
      years: [{ id: firstYear(school).id, start: '2026-09-05', end: '2027-05-31' }],
    });
    expect(data.parentOf(school)?.name).toBe('Phường Võ Cường');
    expect(data.communeNames).toEqual(['Phường Võ Cường']);
    expect((await listUnits(db)).map((u) => u.kind).sort()).toEqual(['commune', 'school']);
    expect(data.failure).toBeNull();
  });

  test('A second school in the same commune is put under it, not under a new one', async () => {
    const first = await addSchool();
    const second = await addSchool({ name: 'Trường THPT Hàn Thuyên', level: 'upper-secondary' });
    expect(second.parentId).toBe(first.parentId);
    expect(data.communeNames).toHaveLength(1);
  });

  test("Saving a school's details changes its name and the dates of the year edited, and keeps its other years", async () => {
    const school = await addSchool();
    const next = await data.addYear(school);
    clock.set('2026-11-21T03:00:00.000Z');
    const stored = await data.saveSchool(
      data.school(school.id)!,
      firstYear(school).id,
      schoolInput({ name: 'Trường THCS Võ Cường (cơ sở 2)', start: '2026-09-01' }),
    );
    expect(stored).toBe(true);
    const saved = data.school(school.id)!;
    expect(saved.name).toBe('Trường THCS Võ Cường (cơ sở 2)');
    expect(saved.school.years).toEqual([
      { id: firstYear(school).id, start: '2026-09-01', end: '2027-05-31' },
      next,
    ]);
    expect(saved.updatedAt).toBe('2026-11-21T03:00:00.000Z');
    expect(saved.createdAt).toBe(school.createdAt);
  });

  test("Adding a year puts the latest year's dates a year on, for the user to adjust", async () => {
    const school = await addSchool();
    const next = await data.addYear(school);
    expect(next).toMatchObject({ start: '2027-09-05', end: '2028-05-31' });
    const after = await data.addYear(data.school(school.id)!);
    expect(after).toMatchObject({ start: '2028-09-05', end: '2029-05-31' });
    expect(data.school(school.id)?.school.years.map((y) => y.start)).toEqual([
      '2026-09-05',
      '2027-09-05',
      '2028-09-05',
    ]);
  });
});

describe('SchoolData: classes', () => {
  test("Classes are added to one year of a school, in school order, and are that year's classes only", async () => {
    const school = await addSchool();
    const year = firstYear(school);
    expect(await data.addClasses(school, year.id, rows('6A2', '6A1', '7A1'))).toBe(true);
    const next = await data.addYear(data.school(school.id)!);
    expect(data.classesOf(school, year.id).map((c) => c.name)).toEqual(['6A1', '6A2', '7A1']);
    expect(data.classesOf(school, next!.id)).toEqual([]);
    expect((await listUnits(db, 'class')).map((c) => c.parentId)).toEqual([school.id, school.id, school.id]);
  });

  test("A new year is started with last year's classes that are still there, with their enrollments", async () => {
    const school = await addSchool();
    const year = firstYear(school);
    await data.addClasses(school, year.id, [
      { name: '6A1', grade: '6', enrollment: 35 },
      { name: '6A2', grade: '6', enrollment: 38 },
      { name: '6A3', grade: '6', enrollment: 33 },
    ]);
    const gone = data.classesOf(school, year.id).find((c) => c.name === '6A3')!;
    await data.removeClass(gone.id);
    const next = (await data.addYear(data.school(school.id)!))!;
    expect(await data.copyClasses(school, year.id, next.id)).toBe(true);
    expect(data.classesOf(school, next.id).map((c) => [c.name, c.class.enrollment])).toEqual([
      ['6A1', 35],
      ['6A2', 38],
    ]);
  });

  test('A class nothing reached is deleted; a class an activity reached is kept, marked removed today', async () => {
    const school = await addSchool();
    const year = firstYear(school);
    await data.addClasses(school, year.id, rows('6A1', '6A2'));
    const [a1, a2] = data.classesOf(school, year.id);
    await data.saveActivity(school, [a1!], {
      ...emptyActivityInput('2026-11-10'),
      activity: 'talk',
      classIds: [a1!.id],
    });

    expect(await data.removeClass(a2!.id)).toBe('deleted');
    expect(await data.removeClass(a1!.id)).toBe('kept');
    expect(data.classesOf(school, year.id).map((c) => [c.name, c.class.removedOn])).toEqual([
      ['6A1', '2026-11-20'],
    ]);
  });
});

describe('SchoolData: activities', () => {
  test('An activity is stored in the ledger with the students split over the classes it reached', async () => {
    const school = await addSchool();
    await data.addClasses(school, firstYear(school).id, rows('6A1', '6A2'));
    const classes = data.classesOf(school, firstYear(school).id);
    const input = {
      ...emptyActivityInput('2026-10-12'),
      activity: 'flag-salute' as const,
      classIds: classes.map((c) => c.id),
      students: '60',
      deliveredBy: '  Cô Lan ',
    };
    const entry = await data.saveActivity(school, classes, input);
    expect(entry).toMatchObject({
      kind: 'school-activity',
      unitId: school.id,
      date: '2026-10-12',
      audience: 'thcs',
      participants: 60,
      deliveredBy: 'Cô Lan',
      classes: classes.map((c) => ({ unitId: c.id, students: 30 })),
      createdAt: '2026-11-20T03:00:00.000Z',
    });
    expect(await listEntries(db)).toEqual([entry]);
    expect(data.activity(entry!.id)).toEqual(entry);
  });

  test('Correcting an activity keeps its id and creation time, and stamps the change', async () => {
    const school = await addSchool();
    await data.addClasses(school, firstYear(school).id, rows('6A1'));
    const classes = data.classesOf(school, firstYear(school).id);
    const input = {
      ...emptyActivityInput('2026-10-12'),
      activity: 'talk' as const,
      classIds: [classes[0]!.id],
    };
    const first = (await data.saveActivity(school, classes, input))!;
    clock.set('2026-11-22T03:00:00.000Z');
    const second = await data.saveActivity(school, classes, { ...input, date: '2026-10-13' }, first);
    expect(second).toMatchObject({ id: first.id, date: '2026-10-13', createdAt: first.createdAt });
    expect(second?.updatedAt).toBe('2026-11-22T03:00:00.000Z');
    expect(await listEntries(db)).toHaveLength(1);
  });

  test("A school's activities are its own and the sessions held for its classes; deleting one removes it", async () => {
    const school = await addSchool();
    const other = await addSchool({ name: 'Trường THCS Hòa Long' });
    await data.addClasses(school, firstYear(school).id, rows('8A1'));
    const classes = data.classesOf(school, firstYear(school).id);
    const activity = (await data.saveActivity(school, classes, {
      ...emptyActivityInput('2026-10-12'),
      activity: 'talk',
      classIds: [classes[0]!.id],
    }))!;
    const session = makeSessionEntry({ unitId: classes[0]!.id, date: '2026-11-18', audience: 'thcs' });
    const elsewhere = makeSessionEntry({ unitId: other.id });
    await saveEntry(db, session, [], { clearDraft: false });
    await saveEntry(db, elsewhere, [], { clearDraft: false });
    await data.refresh();

    expect(
      data
        .activitiesOf(school)
        .map((e) => e.id)
        .sort(),
    ).toEqual([activity.id, session.id].sort());
    expect(data.activity(session.id)).toBeUndefined();
    expect(await data.deleteActivity(activity.id)).toBe(true);
    expect(data.activitiesOf(school).map((e) => e.id)).toEqual([session.id]);
  });
});

describe('SchoolData: a refused write', () => {
  test('A full disk stores nothing, keeps what was shown, and reports "full"', async () => {
    const school = await addSchool();
    const before = await listUnits(db);
    const shown = data.units;
    failStoreRequests(db, 'put');
    expect(await data.addClasses(school, firstYear(school).id, rows('6A1', '6A2'))).toBe(false);
    expect(data.failure).toBe('full');
    expect(data.units).toBe(shown);
    expect(await listUnits(db)).toEqual(before);
    expect(await data.addYear(school)).toBeUndefined();
  });

  test('Any other refusal is reported as "failed", and the next write that goes through clears it', async () => {
    const school = await addSchool();
    failStoreRequests(db, 'put', 'DataError');
    expect(await data.addSchool(schoolInput({ name: 'Trường THCS Hòa Long' }))).toBeUndefined();
    expect(data.failure).toBe('failed');
    vi.restoreAllMocks();
    expect(await data.addClasses(school, firstYear(school).id, rows('6A1'))).toBe(true);
    expect(data.failure).toBeNull();
    expect(data.schools).toHaveLength(1);
  });
});

describe('SchoolData: two tabs', () => {
  test('A tab watching the units shows the classes another tab added once that tab announces it', async () => {
    const tabs = await openTwoTabs();
    try {
      const tabA = new SchoolData(tabs.tabA, fixedClock());
      await tabA.refresh();
      const school = (await tabA.addSchool(schoolInput()))!;
      const tabB = new SchoolData(tabs.tabB, fixedClock());
      const stop = tabB.watch();
      await vi.waitFor(() => expect(tabB.school(school.id)).toBeDefined());

      await tabA.addClasses(school, firstYear(school).id, rows('6A1', '6A2'));
      // In one process, tab A's own announcement is not heard: B still shows what it read.
      expect(tabB.classesOf(school, firstYear(school).id)).toEqual([]);
      announceFromOtherTab('units');
      await vi.waitFor(() =>
        expect(tabB.classesOf(school, firstYear(school).id).map((c) => c.name)).toEqual(['6A1', '6A2']),
      );
      stop();
    } finally {
      tabs.close();
    }
  });

  test('A tab reloads for the ledger too, and stops listening once unwatched', async () => {
    const tabs = await openTwoTabs();
    try {
      const tabA = new SchoolData(tabs.tabA, fixedClock());
      await tabA.refresh();
      const school = (await tabA.addSchool(schoolInput()))!;
      await tabA.addClasses(school, firstYear(school).id, rows('6A1'));
      const classes = tabA.classesOf(school, firstYear(school).id);
      const tabB = new SchoolData(tabs.tabB, fixedClock());
      const stop = tabB.watch();
      await vi.waitFor(() => expect(tabB.classesOf(school, firstYear(school).id)).toHaveLength(1));

      const input = {
        ...emptyActivityInput('2026-10-12'),
        activity: 'talk' as const,
        classIds: [classes[0]!.id],
      };
      const entry = (await tabA.saveActivity(school, classes, input))!;
      announceFromOtherTab('ledger');
      await vi.waitFor(() => expect(tabB.activitiesOf(tabB.school(school.id)!)).toHaveLength(1));

      stop();
      await tabA.deleteActivity(entry.id);
      announceFromOtherTab('ledger');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(tabB.activity(entry.id)).toBeDefined();
    } finally {
      tabs.close();
    }
  });
});
