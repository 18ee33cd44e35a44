import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SchoolActivityEntry, SessionEntry } from '../../../src/lib/domain/ledger.schema';
import type { Unit } from '../../../src/lib/domain/unit.schema';
import { openDatabase, type Database } from '../../../src/lib/storage/connection';
import { saveEntry } from '../../../src/lib/storage/ledgerStore';
import { removeClass, saveUnits } from '../../../src/lib/storage/schoolStore';
import { StorageFullError } from '../../../src/lib/storage/storageErrors';
import { listUnits } from '../../../src/lib/storage/unitStore';

const at = '2026-09-01T01:00:00.000Z';
const yearId = crypto.randomUUID();
const commune: Unit = {
  id: crypto.randomUUID(),
  name: 'Phường Võ Cường',
  kind: 'commune',
  createdAt: at,
  updatedAt: at,
};
const school: Unit = {
  id: crypto.randomUUID(),
  name: 'Trường THCS Võ Cường',
  kind: 'school',
  parentId: commune.id,
  school: { level: 'lower-secondary', years: [{ id: yearId, start: '2026-09-05', end: '2027-05-31' }] },
  createdAt: at,
  updatedAt: at,
};
const makeClass = (name: string, enrollment = 35): Unit => ({
  id: crypto.randomUUID(),
  name,
  kind: 'class',
  parentId: school.id,
  class: { yearId, grade: name.slice(0, 1), enrollment },
  createdAt: at,
  updatedAt: at,
});
const activity = (classes: Unit[]): SchoolActivityEntry => ({
  id: crypto.randomUUID(),
  kind: 'school-activity',
  unitId: school.id,
  date: '2026-10-12',
  activity: 'flag-salute',
  audience: 'thcs',
  classes: classes.map((c) => ({ unitId: c.id, students: 30 })),
  participants: 30 * classes.length,
  topics: [],
  materials: [],
  createdAt: at,
  updatedAt: at,
});
const session = (unitId: string): SessionEntry => ({
  id: crypto.randomUUID(),
  kind: 'session',
  unitId,
  date: '2026-10-20',
  audience: 'thcs',
  participants: 32,
  durationMinutes: 45,
  topics: [],
  materials: [],
  createdAt: at,
  updatedAt: at,
});

let db: Database;
beforeEach(async () => {
  db = await openDatabase({ factory: new IDBFactory() });
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

describe('Schools and classes in storage', () => {
  test('A school, its commune and its classes are stored together', async () => {
    const classes = [makeClass('6A1'), makeClass('6A2'), makeClass('7A1')];
    await saveUnits(db, [school, commune]);
    await saveUnits(db, classes);
    const stored = await listUnits(db);
    expect(stored).toHaveLength(5);
    expect(stored).toEqual(expect.arrayContaining([school, commune, ...classes]));
  });

  test('A batch with one invalid unit is refused whole: nothing of it is stored', async () => {
    const broken = { ...makeClass('6A2'), class: { yearId, grade: '6', enrollment: 500 } };
    await expect(saveUnits(db, [makeClass('6A1'), broken, makeClass('6A3')])).rejects.toThrow();
    expect(await listUnits(db)).toEqual([]);
  });

  test('When the disk fills up halfway through a batch, none of it is kept', async () => {
    const storePrototype = Object.getPrototypeOf(db.transaction('units').store) as { put: () => unknown };
    const put = storePrototype.put;
    let calls = 0;
    vi.spyOn(storePrototype, 'put').mockImplementation(function (this: unknown, ...args: unknown[]) {
      calls += 1;
      if (calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return (put as (...a: unknown[]) => unknown).apply(this, args);
    });
    await expect(
      saveUnits(db, [makeClass('6A1'), makeClass('6A2'), makeClass('6A3')]),
    ).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(calls).toBe(2);
    expect(await listUnits(db)).toEqual([]);
  });

  test('Units can be listed by kind: the classes alone', async () => {
    const classes = [makeClass('6A2'), makeClass('6A1')];
    await saveUnits(db, [school, commune, ...classes]);
    expect((await listUnits(db, 'class')).map((u) => u.name)).toEqual(['6A1', '6A2']);
    expect(await listUnits(db, 'school')).toEqual([school]);
    expect(await listUnits(db, 'enterprise')).toEqual([]);
  });

  test('A class no record reached is deleted', async () => {
    const [c6a1, c6a2] = [makeClass('6A1'), makeClass('6A2')];
    await saveUnits(db, [school, c6a1, c6a2]);
    // An activity that reached 6A2 only, and a session at the school itself.
    await saveEntry(db, activity([c6a2]), [], { clearDraft: false });
    await saveEntry(db, session(school.id), [], { clearDraft: false });
    expect(await removeClass(db, c6a1.id, '2026-11-20')).toBe('deleted');
    expect((await listUnits(db, 'class')).map((u) => u.id)).toEqual([c6a2.id]);
  });

  test('A class a school activity reached is kept, marked removed on the given day', async () => {
    const [c6a1, c6a2] = [makeClass('6A1'), makeClass('6A2')];
    await saveUnits(db, [school, c6a1, c6a2]);
    await saveEntry(db, activity([c6a1, c6a2]), [], { clearDraft: false });
    expect(await removeClass(db, c6a1.id, '2026-11-20')).toBe('kept');
    const [kept] = (await listUnits(db, 'class')).filter((u) => u.id === c6a1.id);
    expect(kept?.class).toEqual({ yearId, grade: '6', enrollment: 35, removedOn: '2026-11-20' });
    expect(kept?.name).toBe('6A1');
    expect(kept?.createdAt).toBe(at);
  });

  test('A class named by a ledger record that no longer reads is kept, to be safe', async () => {
    const c6a1 = makeClass('6A1');
    await saveUnits(db, [school, c6a1]);
    await db.put('ledger', {
      id: crypto.randomUUID(),
      kind: 'school-activity',
      unitId: school.id,
      date: '2026-10-12',
      classes: [{ unitId: c6a1.id, students: 'many' }],
    } as never);
    expect(await removeClass(db, c6a1.id, '2026-11-20')).toBe('kept');
  });

  test('A class a session was held for is kept, marked removed', async () => {
    const c9a3 = makeClass('9A3', 41);
    await saveUnits(db, [school, c9a3]);
    await saveEntry(db, session(c9a3.id), [], { clearDraft: false });
    expect(await removeClass(db, c9a3.id, '2026-12-01')).toBe('kept');
    expect((await listUnits(db, 'class'))[0]?.class?.removedOn).toBe('2026-12-01');
  });
});
