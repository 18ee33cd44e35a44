/**
 * The sync bridge (`features/sync/syncEngine.ts`) between the kit's database and a real
 * pouchdb-server on loopback, set up by the kit's own script: each "device" is its own
 * in-memory IndexedDB (the kit's store and PouchDB's local copy both live in it).
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { SyncError, SyncSession, signIn } from '../../../src/features/sync/syncEngine';
import type { Campaign } from '../../../src/lib/domain/campaign.schema';
import type { LedgerEntry } from '../../../src/lib/domain/ledger.schema';
import type { SyncSettings } from '../../../src/lib/domain/sync';
import type { Unit } from '../../../src/lib/domain/unit.schema';
import { listCampaigns, saveCampaign } from '../../../src/lib/storage/campaignStore';
import { openDatabase, type Database } from '../../../src/lib/storage/connection';
import { deleteEntry, getEntry, listEntries, saveEntry } from '../../../src/lib/storage/ledgerStore';
import { saveSyncConnection } from '../../../src/lib/storage/syncStore';
import { listRollups, saveRollup } from '../../../src/lib/storage/rollupStore';
import { listUnits } from '../../../src/lib/storage/unitStore';
import { setupProvince } from '../../../server/couchdb/setup.mjs';
import { startPouchdbServer } from '../../server/pouchdbServer.mjs';

// pouchdb-browser looks for the browser's `self` when it loads, and reads `navigator.userAgent`
// (Node 20 has neither).
vi.hoisted(() => {
  const global = globalThis as { self?: unknown; navigator?: unknown };
  global.self ??= globalThis;
  global.navigator ??= { userAgent: 'Node.js', onLine: true };
});
vi.setConfig({ testTimeout: 30_000 });

const province = '10000000-0000-4000-8000-000000000001';
const district = '10000000-0000-4000-8000-000000000002';
const communeA = '10000000-0000-4000-8000-00000000000a';
const communeB = '10000000-0000-4000-8000-00000000000b';

let server: Awaited<ReturnType<typeof startPouchdbServer>>;
let passwords: Map<string, string>;
let database = '';
let dbCounter = 0;

beforeAll(async () => {
  server = await startPouchdbServer();
}, 30_000);
afterAll(() => server.stop());

// A fresh province database per test, so tests do not see each other's records.
beforeEach(async () => {
  database = `chung-tay-test-${++dbCounter}`;
  const accounts = await setupProvince({
    url: server.url,
    db: database,
    admin: server.admin,
    units: [
      { id: province, name: 'Tỉnh Hưng Yên', kind: 'agency', login: `tinh-${dbCounter}`, access: 'read' },
      { id: district, name: 'Huyện Văn Lâm', kind: 'agency', parentId: province },
      {
        id: communeA,
        name: 'Xã Lạc Hồng',
        kind: 'commune',
        parentId: district,
        login: `xa-a-${dbCounter}`,
        access: 'write',
      },
      {
        id: communeB,
        name: 'Xã Trưng Trắc',
        kind: 'commune',
        parentId: district,
        login: `xa-b-${dbCounter}`,
        access: 'write',
      },
    ],
  });
  passwords = new Map(accounts.map((a) => [a.login, a.password]));
}, 30_000);

function settingsFor(login: string): SyncSettings {
  return {
    url: server.url,
    database,
    login: `${login}-${dbCounter}`,
    password: passwords.get(`${login}-${dbCounter}`)!,
  };
}

interface Device {
  db: Database;
  session: SyncSession;
  settings: SyncSettings;
  copy: string;
}

async function device(login: 'tinh' | 'xa-a' | 'xa-b'): Promise<Device> {
  // fake-indexeddb/auto gives PouchDB the global factory; the kit's store gets its own.
  const db = await openDatabase({ factory: new IDBFactory() });
  const settings = settingsFor(login);
  const account = await signIn(settings);
  await saveSyncConnection(db, { settings, state: 'on', account }, true);
  // Each device's PouchDB copy is named apart (one global fake IndexedDB holds them all).
  const copy = `${login}-${Math.random()}`;
  const session = new SyncSession(db, settings, account, copy);
  return { db, session, settings, copy };
}

const at = (minute: number) => `2027-06-10T08:${String(minute).padStart(2, '0')}:00.000Z`;
const clock = () => new Date('2027-06-10T09:00:00.000Z');
let idCounter = 0;
const newId = () => `20000000-0000-4000-8000-${(++idCounter).toString(16).padStart(12, '0')}`;

function enterprise(name: string, parentId: string): Unit {
  return { id: newId(), name, kind: 'enterprise', parentId, createdAt: at(1), updatedAt: at(1) };
}

function session(unitId: string, participants: number, updatedAt = at(2)): LedgerEntry {
  return {
    id: newId(),
    kind: 'session',
    unitId,
    date: '2027-06-10',
    audience: 'workers',
    participants,
    durationMinutes: 45,
    topics: [],
    materials: [],
    createdAt: at(2),
    updatedAt,
  };
}

describe('signing in', () => {
  test("the account's unit and access come from the roles the server gives", async () => {
    expect(await signIn(settingsFor('xa-a'))).toEqual({ unitId: communeA, access: 'write' });
    expect(await signIn(settingsFor('tinh'))).toEqual({ unitId: province, access: 'read' });
  });

  test('a wrong password and an unreachable server are told apart', async () => {
    await expect(signIn({ ...settingsFor('xa-a'), password: 'wrong' })).rejects.toMatchObject({
      problem: 'password',
    });
    await expect(signIn({ ...settingsFor('xa-a'), url: 'http://127.0.0.1:9' })).rejects.toBeInstanceOf(
      SyncError,
    );
    await expect(signIn({ ...settingsFor('xa-a'), url: 'http://127.0.0.1:9' })).rejects.toMatchObject({
      problem: 'unreachable',
    });
  });
});

describe('two communes and the province', () => {
  test("each commune's sessions reach the province, and a commune gets its own tree only", async () => {
    const a = await device('xa-a');
    const b = await device('xa-b');
    const p = await device('tinh');

    // The first sync brings each commune its own unit and the units above it.
    await a.session.cycle(clock);
    await b.session.cycle(clock);
    expect((await listUnits(a.db)).map((u) => u.name).sort()).toEqual([
      'Huyện Văn Lâm',
      'Tỉnh Hưng Yên',
      'Xã Lạc Hồng',
    ]);

    const factoryA = enterprise('Công ty May Minh Anh', communeA);
    const recordA = session(factoryA.id, 40);
    await saveEntry(a.db, recordA, [factoryA], { clearDraft: false });
    const recordB = session(communeB, 25);
    await saveEntry(b.db, recordB, [], { clearDraft: false });
    expect(await a.session.waiting()).toBe(2);

    const resultA = await a.session.cycle(clock);
    expect(resultA).toMatchObject({ pushed: 2, refused: 0 });
    expect(await a.session.waiting({ afterCycle: true })).toBe(0); // from the copy alone
    expect(await a.session.waiting()).toBe(0); // and comparing the stores again
    await b.session.cycle(clock);

    const fromProvince = await p.session.cycle(clock);
    expect(fromProvince.refused).toBe(0);
    const seen = await listEntries(p.db);
    expect(seen.map((r) => r.participants).sort()).toEqual([25, 40]);
    expect((await listUnits(p.db)).map((u) => u.name)).toContain('Công ty May Minh Anh');

    // Commune B does not receive commune A's records, nor its enterprise.
    await b.session.cycle(clock);
    expect((await listEntries(b.db)).map((r) => r.id)).toEqual([recordB.id]);
    expect((await listUnits(b.db)).map((u) => u.name)).not.toContain('Công ty May Minh Anh');

    // Syncing again changes nothing.
    expect(await p.session.cycle(clock)).toMatchObject({ pulled: 0 });
    expect(await a.session.cycle(clock)).toMatchObject({ pulled: 0, pushed: 0 });
  });

  test("a commune's action-month campaign reaches the province, and a record that came by file as well is counted once", async () => {
    const a = await device('xa-a');
    const p = await device('tinh');
    await a.session.cycle(clock);
    const campaign: Campaign = {
      id: newId(),
      year: 2027,
      unitId: communeA,
      theme: 'Tháng hành động phòng, chống ma túy năm 2027',
      start: '2027-06-01',
      end: '2027-06-30',
      day: '2027-06-26',
      deadline: '2027-07-01',
      recipient: 'UBND huyện Văn Lâm',
      planned: [],
      narrative: {},
      createdAt: at(3),
      updatedAt: at(3),
    };
    await saveCampaign(a.db, campaign);
    const record = session(communeA, 33);
    await saveEntry(a.db, record, [], { clearDraft: false });
    expect(await a.session.cycle(clock)).toMatchObject({ pushed: 2, refused: 0 });

    // The province already holds the same record, brought by the commune's file.
    await p.session.cycle(clock); // the unit tree first
    await saveEntry(p.db, record, [], { clearDraft: false });
    await p.session.cycle(clock);
    expect(await listCampaigns(p.db)).toEqual([campaign]);
    expect((await listEntries(p.db)).map((r) => r.id)).toEqual([record.id]);
  });

  test('turning sync off and on again sends nothing twice, takes what changed meanwhile, and makes no rival revisions', async () => {
    // A record the province's IT loaded for commune A (written by the server admin).
    const auth = `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`;
    const loaded = session(communeA, 17);
    const put = await fetch(`${server.url}/${database}/ledger:${loaded.id}`, {
      method: 'PUT',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'ledger',
        record: loaded,
        scope: [province, district, communeA],
        writer: 'admin',
      }),
    });
    expect(put.status).toBe(201);
    const a = await device('xa-a');
    await a.session.cycle(clock);
    expect((await getEntry(a.db, loaded.id))?.participants).toBe(17);
    const factory = enterprise('Công ty Điện tử Tân Hưng', communeA);
    const record = session(factory.id, 21);
    await saveEntry(a.db, record, [factory], { clearDraft: false });
    await a.session.cycle(clock);
    // Meanwhile the commune's other laptop corrects the record.
    const other = await device('xa-a');
    await other.session.cycle(clock);
    await saveEntry(other.db, { ...record, participants: 23, updatedAt: at(40) }, [], { clearDraft: false });
    await other.session.cycle(clock);
    // Off and on again: the connection is saved afresh and the device starts a new local copy.
    const account = await signIn(a.settings);
    await saveSyncConnection(a.db, { settings: a.settings, state: 'on', account }, true);
    const again = new SyncSession(a.db, a.settings, account, `${a.copy}-again`);
    expect(await again.cycle(clock)).toMatchObject({ pushed: 0, refused: 0 });
    expect(await again.waiting()).toBe(0);
    expect((await getEntry(a.db, record.id))?.participants).toBe(23);
    const all = await (
      await fetch(`${server.url}/${database}/_all_docs?include_docs=true&conflicts=true`, {
        headers: { authorization: auth },
      })
    ).json();
    expect(all.rows.filter((row: { doc: { _conflicts?: string[] } }) => row.doc._conflicts)).toEqual([]);
  });

  test('the same record edited on two devices: the later edit wins on both, and the losing one stays on the server', async () => {
    const first = await device('xa-a');
    const second = await device('xa-a'); // a second laptop of the same commune
    await first.session.cycle(clock);
    const record = session(communeA, 30);
    await saveEntry(first.db, record, [], { clearDraft: false });
    await first.session.cycle(clock);
    await second.session.cycle(clock);
    expect((await getEntry(second.db, record.id))?.participants).toBe(30);

    // Both edit it without syncing in between; the second edit is the later one.
    await saveEntry(second.db, { ...record, participants: 35, updatedAt: at(20) }, [], { clearDraft: false });
    await saveEntry(first.db, { ...record, participants: 32, updatedAt: at(10) }, [], { clearDraft: false });
    await second.session.cycle(clock);
    await first.session.cycle(clock);
    await second.session.cycle(clock);

    expect((await getEntry(first.db, record.id))?.participants).toBe(35);
    expect((await getEntry(second.db, record.id))?.participants).toBe(35);

    const auth = `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`;
    const doc = await (
      await fetch(`${server.url}/${database}/ledger:${record.id}?conflicts=true`, {
        headers: { authorization: auth },
      })
    ).json();
    const revisions = [
      doc,
      ...(await Promise.all(
        (doc._conflicts ?? []).map(async (rev: string) =>
          (
            await fetch(`${server.url}/${database}/ledger:${record.id}?rev=${rev}`, {
              headers: { authorization: auth },
            })
          ).json(),
        ),
      )),
    ];
    expect(revisions.map((r) => r.record.participants).sort()).toEqual([32, 35]);
  });

  test('a deletion reaches the province; an edit refused by the server is counted and kept on the device', async () => {
    const a = await device('xa-a');
    const b = await device('xa-b');
    const p = await device('tinh');
    await a.session.cycle(clock);
    await b.session.cycle(clock);
    const factory = enterprise('Công ty Giày Hòa Bình', communeA);
    const gone = session(factory.id, 12);
    const kept = session(factory.id, 18);
    await saveEntry(a.db, gone, [factory], { clearDraft: false });
    await saveEntry(a.db, kept, [], { clearDraft: false });
    await a.session.cycle(clock);
    await p.session.cycle(clock);
    expect((await listEntries(p.db)).length).toBe(2);

    await deleteEntry(a.db, gone.id);
    expect(await a.session.cycle(clock)).toMatchObject({ refused: 0 });
    await p.session.cycle(clock);
    expect((await listEntries(p.db)).map((r) => r.id)).toEqual([kept.id]);

    // Commune B's device holds commune A's enterprise as if it were its own (a forged tree):
    // the server refuses B's write, the device says so and keeps its copy.
    const takeOver = { ...factory, name: 'Công ty của xã B', parentId: communeB, updatedAt: at(30) };
    const forged = session(takeOver.id, 5);
    await saveEntry(b.db, forged, [takeOver], { clearDraft: false });
    const refused = await b.session.cycle(clock);
    expect(refused.refused).toBe(1); // the unit: it is commune A's on the server
    expect((await listUnits(b.db)).find((u) => u.id === factory.id)?.name).toBe('Công ty của xã B');
    // The record itself lies, by its chain, under commune B, so the server takes it; the
    // province knows the enterprise under commune A and does not count it.
    const atProvince = await p.session.cycle(clock);
    expect(atProvince.ignored).toBe(1);
    expect((await listUnits(p.db)).find((u) => u.id === factory.id)?.name).toBe('Công ty Giày Hòa Bình');
    expect((await listEntries(p.db)).map((r) => r.id)).toEqual([kept.id]);
  });

  test("a province's reporting round reaches its other laptop, its later edit wins there, and no commune gets it", async () => {
    const p1 = await device('tinh');
    const p2 = await device('tinh');
    const a = await device('xa-a');
    await p1.session.cycle(clock);
    const round = {
      id: newId(),
      name: 'Báo cáo 6 tháng đầu năm 2027',
      from: '2027-01-01',
      to: '2027-06-30',
      deadline: '2027-07-01',
      receiverId: province,
      expected: ['Xã Lạc Hồng', 'Xã Trưng Trắc'],
      files: [],
      createdAt: at(3),
      updatedAt: at(3),
    };
    await saveRollup(p1.db, round);
    // A round with no receiving unit stays on its laptop.
    await saveRollup(p1.db, { ...round, id: newId(), name: 'Nháp', receiverId: undefined });
    expect(await p1.session.waiting()).toBe(1);
    const sent = await p1.session.cycle(clock);
    expect([sent.pushed, sent.refused]).toEqual([1, 0]);
    expect(await p1.session.waiting()).toBe(0);
    await p2.session.cycle(clock);
    expect(await listRollups(p2.db)).toEqual([round]);
    await saveRollup(p2.db, { ...round, deadline: '2027-07-05', updatedAt: at(9) });
    await p2.session.cycle(clock);
    await p1.session.cycle(clock);
    expect((await listRollups(p1.db)).find((r) => r.id === round.id)?.deadline).toBe('2027-07-05');
    await a.session.cycle(clock);
    expect(await listRollups(a.db)).toEqual([]);
  });

  test('a reading account pushes only its rounds, and a server that is down is told, the records kept', async () => {
    const p = await device('tinh');
    await p.session.cycle(clock);
    expect(await p.session.waiting()).toBe(0);
    const a = await device('xa-a');
    await a.session.cycle(clock);
    await saveEntry(a.db, session(communeA, 9), [], { clearDraft: false });
    // The same device with its server out of reach (nothing listens on port 9).
    const offline = new SyncSession(
      a.db,
      { ...a.settings, url: 'http://127.0.0.1:9' },
      { unitId: communeA, access: 'write' },
      a.copy,
    );
    await expect(offline.cycle(clock)).rejects.toMatchObject({ problem: 'unreachable' });
    expect(await offline.waiting({ afterCycle: true })).toBe(1); // step 1 ran: the copy holds it
    expect(await offline.waiting()).toBe(1);
    expect((await listEntries(a.db)).length).toBe(1);
  });
});
