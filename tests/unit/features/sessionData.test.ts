import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  SessionData,
  sessionTotals,
  type SessionClock,
} from '../../../src/features/sessions/sessionData.svelte';
import type { SessionDraft } from '../../../src/lib/domain/sessionDraft.schema';
import { emptySessionInput, type SessionInput } from '../../../src/lib/domain/sessionRecord';
import { filterEntries, noFilter } from '../../../src/lib/domain/statistics';
import { openDatabase, type Database } from '../../../src/lib/storage/connection';
import { getSessionDraft, saveSessionDraft } from '../../../src/lib/storage/draftStore';
import { getEntry, listEntries, saveEntry } from '../../../src/lib/storage/ledgerStore';
import { listUnits } from '../../../src/lib/storage/unitStore';
import { makeSchoolActivity, makeSessionEntry, makeUnit } from '../../builders';

const now = new Date('2027-06-20T08:00:00.000Z');
const clock: SessionClock = { now: () => now, newId: () => crypto.randomUUID() };

const zone = makeUnit({ name: 'KCN Quang Châu', kind: 'industrial-zone' });
const minhAnh = makeUnit({ name: 'Công ty TNHH May Minh Anh', parentId: zone.id });
const hoaBinh = makeUnit({ name: 'Công ty CP Giày Hòa Bình' });

function makeForm(overrides: Partial<SessionInput> = {}): SessionInput {
  return {
    ...emptySessionInput('2027-06-18'),
    unitName: 'Công ty TNHH May Minh Anh',
    audience: 'workers',
    participants: '37',
    women: '21',
    durationMinutes: '45',
    ...overrides,
  };
}

function makeDraft(overrides: Partial<SessionDraft> = {}): SessionDraft {
  return {
    key: 'session',
    stage: 'record',
    startedAt: '2027-06-18T07:00:00.000Z',
    segment: 0,
    segmentMs: [],
    check: { before: [], after: [] },
    roomQuiz: [],
    revealed: [],
    form: makeForm(),
    updatedAt: '2027-06-18T07:00:00.000Z',
    ...overrides,
  };
}

/** Makes the next write to the ledger find the disk full. */
function fillDisk(db: Database): void {
  const storePrototype = Object.getPrototypeOf(db.transaction('ledger').store) as {
    put: (...args: unknown[]) => unknown;
  };
  const put = storePrototype.put;
  vi.spyOn(storePrototype, 'put').mockImplementation(function (this: { name: string }, ...args) {
    if (this.name === 'ledger') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  });
}

let db: Database;
beforeEach(async () => {
  db = await openDatabase({ factory: new IDBFactory() });
  for (const unit of [zone, minhAnh, hoaBinh])
    await saveEntry(db, makeSessionEntry({ unitId: unit.id, date: '2027-01-05' }), [unit]);
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

describe('Reading the sessions', () => {
  test('A refresh loads the units and only the sessions of the ledger, newest first', async () => {
    await saveEntry(db, makeSchoolActivity({ date: '2027-06-01' }));
    await saveEntry(db, makeSessionEntry({ unitId: minhAnh.id, date: '2027-06-15' }));
    const data = new SessionData(db, clock);
    expect(data.loaded).toBe(false);
    await data.refresh();
    expect(data.loaded).toBe(true);
    expect(data.units.map((u) => u.name).sort()).toEqual([hoaBinh.name, zone.name, minhAnh.name].sort());
    expect(data.sessions).toHaveLength(4);
    expect(data.sessions.every((s) => s.kind === 'session')).toBe(true);
    expect(data.sessions[0]!.date).toBe('2027-06-15');
  });

  test('A session is found by its id, and an unknown id finds nothing', async () => {
    const held = makeSessionEntry({ unitId: hoaBinh.id });
    await saveEntry(db, held);
    const data = new SessionData(db, clock);
    await data.refresh();
    expect(data.session(held.id)).toEqual(held);
    expect(data.session(crypto.randomUUID())).toBeUndefined();
  });

  test('A unit is named with the unit it belongs to, when there is one', async () => {
    const data = new SessionData(db, clock);
    await data.refresh();
    expect(data.unitWithParent(minhAnh.id)).toEqual({ unit: minhAnh, parent: zone });
    expect(data.unitWithParent(hoaBinh.id)).toEqual({ unit: hoaBinh, parent: undefined });
    expect(data.unitWithParent('')).toEqual({ unit: undefined, parent: undefined });
  });

  test('The list is filtered by the statistics’ own rules: a period with both days included, an audience, a unit and all under it', async () => {
    const march = makeSessionEntry({ unitId: minhAnh.id, date: '2027-03-01', audience: 'community' });
    const april = makeSessionEntry({ unitId: minhAnh.id, date: '2027-04-30', participants: 30, women: 10 });
    const may = makeSessionEntry({
      unitId: hoaBinh.id,
      date: '2027-05-02',
      participants: 12,
    });
    delete may.women;
    for (const entry of [march, april, may]) await saveEntry(db, entry);
    const data = new SessionData(db, clock);
    await data.refresh();
    const ids = (list: { id: string }[]) => list.map((s) => s.id).sort();

    expect(ids(data.filtered({ from: '2027-03-01', to: '2027-04-30', unitId: '', audience: '' }))).toEqual(
      ids([march, april]),
    );
    expect(ids(data.filtered({ from: '', to: '', unitId: zone.id, audience: 'community' }))).toEqual(
      ids([march]),
    );
    expect(ids(data.filtered({ from: '2027-04-01', to: '', unitId: '', audience: '' }))).toEqual(
      ids([april, may]),
    );
    const all = { from: '', to: '', unitId: zone.id, audience: '' } as const;
    expect(ids(data.filtered(all))).toEqual(
      ids(filterEntries(await listEntries(db), { ...noFilter, ...all, kind: 'session' }, data.units)),
    );
    expect(sessionTotals([april, may])).toEqual({ participants: 42, women: 10 });
  });
});

describe('Recording a session', () => {
  test('A new session is stored with its new unit and parent, its draft is cleared, and the list shows it', async () => {
    await saveSessionDraft(db, makeDraft());
    const data = new SessionData(db, clock);
    await data.refresh();
    const form = makeForm({
      unitName: 'Công ty CP Nhựa Việt Hưng',
      unitKind: 'enterprise',
      parentName: 'KCN Đình Trám',
    });
    const entry = await data.recordSession(makeDraft({ form, roomQuiz: [] }));

    expect(entry).toMatchObject({ kind: 'session', date: '2027-06-18', participants: 37, women: 21 });
    expect(entry!.createdAt).toBe(now.toISOString());
    expect(entry).not.toHaveProperty('check');
    expect(await getEntry(db, entry!.id)).toEqual(entry);
    expect(await getSessionDraft(db)).toBeUndefined();
    const units = await listUnits(db);
    const made = units.find((u) => u.name === 'Công ty CP Nhựa Việt Hưng');
    const parent = units.find((u) => u.name === 'KCN Đình Trám');
    expect(made).toMatchObject({ kind: 'enterprise', parentId: parent!.id });
    expect(entry!.unitId).toBe(made!.id);
    expect(data.session(entry!.id)).toEqual(entry);
    expect(data.failure).toBeNull();
  });

  test('A session at a known unit adds no unit, and keeps the check and room quiz that were counted', async () => {
    const data = new SessionData(db, clock);
    await data.refresh();
    const tallies = [{ questionId: 'law-01', correct: ['a'], tallies: { a: 20, b: 17 } }];
    const entry = await data.recordSession(
      makeDraft({ check: { before: tallies, after: [] }, roomQuiz: tallies }),
    );
    expect(entry!.unitId).toBe(minhAnh.id);
    expect(entry!.check).toEqual({ before: tallies, after: [] });
    expect(entry!.roomQuiz).toEqual(tallies);
    expect(await listUnits(db)).toHaveLength(3);
  });

  test('An edited session keeps its id and creation time and replaces the stored one', async () => {
    const held = makeSessionEntry({ unitId: minhAnh.id, createdAt: '2027-06-01T08:00:00.000Z' });
    await saveEntry(db, held);
    const data = new SessionData(db, clock);
    await data.refresh();
    const before = data.sessions.length;
    const entry = await data.recordSession(
      makeDraft({ editingId: held.id, form: makeForm({ women: '22' }) }),
    );
    expect(entry).toMatchObject({
      id: held.id,
      createdAt: held.createdAt,
      updatedAt: now.toISOString(),
      women: 22,
    });
    expect(data.sessions).toHaveLength(before);
    expect(data.session(held.id)?.women).toBe(22);
  });

  test('A draft without a form records nothing', async () => {
    const data = new SessionData(db, clock);
    await data.refresh();
    const { form: _, ...running } = makeDraft({ stage: 'run' });
    expect(await data.recordSession(running)).toBeUndefined();
    expect(await listEntries(db, 'session')).toHaveLength(3);
  });

  test('A full disk stores nothing, keeps the draft and the list, and reports the failure as full', async () => {
    await saveSessionDraft(db, makeDraft());
    const data = new SessionData(db, clock);
    await data.refresh();
    const shown = data.sessions;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fillDisk(db);
    const form = makeForm({ unitName: 'Công ty CP Nhựa Việt Hưng' });
    expect(await data.recordSession(makeDraft({ form }))).toBeUndefined();
    vi.mocked(console.error).mockRestore();

    expect(data.failure).toBe('full');
    expect(data.sessions).toEqual(shown);
    expect(await listEntries(db, 'session')).toHaveLength(3);
    expect(await listUnits(db)).toHaveLength(3);
    expect(await getSessionDraft(db)).toEqual(makeDraft());
  });

  test('A session is deleted, and a later good write clears an earlier failure', async () => {
    const held = makeSessionEntry({ unitId: hoaBinh.id });
    await saveEntry(db, held);
    const data = new SessionData(db, clock);
    await data.refresh();
    data.failure = 'failed';
    expect(await data.deleteSession(held.id)).toBe(true);
    expect(data.failure).toBeNull();
    expect(data.session(held.id)).toBeUndefined();
    expect(await getEntry(db, held.id)).toBeUndefined();
  });
});

describe('Two tabs', () => {
  test('A session recorded in one tab shows in the other once that tab announces it', async () => {
    const factory = new IDBFactory();
    const dbA = await openDatabase({ factory });
    const dbB = await openDatabase({ factory });
    const tabA = new SessionData(dbA, clock);
    const tabB = new SessionData(dbB, clock);
    const stop = tabB.watch();
    await vi.waitFor(() => expect(tabB.loaded).toBe(true));
    expect(tabB.sessions).toEqual([]);

    await tabA.refresh();
    const entry = await tabA.recordSession(makeDraft());
    expect(entry).toBeDefined();
    // The other tab's announcement, as `announceChange` in tab A would reach tab B's channel.
    const otherTab = new BroadcastChannel('chung-tay-data');
    otherTab.postMessage({ store: 'ledger' });
    await vi.waitFor(() => expect(tabB.session(entry!.id)).toEqual(entry));
    expect(tabB.units.map((u) => u.name)).toEqual(['Công ty TNHH May Minh Anh']);

    otherTab.close();
    stop();
    dbA.close();
    dbB.close();
  });
});
