import { describe, expect, test } from 'vitest';
import type { Campaign } from '../../../src/lib/domain/campaign.schema';
import type { LedgerEntry } from '../../../src/lib/domain/ledger.schema';
import type { Rollup } from '../../../src/lib/domain/rollup';
import {
  accountOf,
  checkSyncSettings,
  docsToPush,
  planAdoption,
  planPull,
  resolveRevisions,
  scopeOf,
  serverAddress,
} from '../../../src/lib/domain/sync';
import type { Unit } from '../../../src/lib/domain/unit.schema';
import { scopeFilter } from '../../../server/couchdb/designDoc.mjs';

const id = (n: number) => `30000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const t = (minute: number) => `2027-06-10T08:${String(minute).padStart(2, '0')}:00.000Z`;
const now = new Date('2027-06-10T09:00:00.000Z');

const unit = (n: number, parent?: number, extra: Partial<Unit> = {}): Unit => ({
  id: id(n),
  name: `Đơn vị ${n}`,
  kind: 'commune',
  ...(parent ? { parentId: id(parent) } : {}),
  createdAt: t(0),
  updatedAt: t(0),
  ...extra,
});
const record = (n: number, unitN: number, extra: Partial<LedgerEntry> = {}): LedgerEntry =>
  ({
    id: id(n),
    kind: 'session',
    unitId: id(unitN),
    date: '2027-06-10',
    audience: 'workers',
    participants: 20,
    durationMinutes: 45,
    topics: [],
    materials: [],
    createdAt: t(1),
    updatedAt: t(1),
    ...extra,
  }) as LedgerEntry;

const round = (n: number, receiver: number | undefined, extra: Partial<Rollup> = {}): Rollup => ({
  id: id(n),
  name: `Báo cáo quý ${n}`,
  from: '2027-04-01',
  to: '2027-06-30',
  deadline: '2027-07-01',
  ...(receiver ? { receiverId: id(receiver) } : {}),
  expected: ['Đơn vị 3', 'Đơn vị 4'],
  files: [],
  createdAt: t(2),
  updatedAt: t(2),
  ...extra,
});
const writes = (n: number) => ({ unitId: id(n), access: 'write' as const });
const reads = (n: number) => ({ unitId: id(n), access: 'read' as const });

// Province 1 ─ district 2 ─ communes 3 and 4; enterprise 5 under commune 3.
const tree = [unit(1), unit(2, 1), unit(3, 2), unit(4, 2), unit(5, 3, { kind: 'enterprise' })];
const byId = new Map(tree.map((u) => [u.id, u]));

describe('the chain of units', () => {
  test('runs from the top down to the unit', () => {
    expect(scopeOf(id(5), byId)).toEqual([id(1), id(2), id(3), id(5)]);
    expect(scopeOf(id(1), byId)).toEqual([id(1)]);
  });
  test('is none when a unit is missing or the tree loops', () => {
    expect(scopeOf(id(9), byId)).toBeUndefined();
    const loop = new Map([
      [id(1), unit(1, 2)],
      [id(2), unit(2, 1)],
    ]);
    expect(scopeOf(id(1), loop)).toBeUndefined();
  });
});

test("an account's unit comes from its unit: or reader: role, other roles ignored", () => {
  expect(accountOf(['member:db', `unit:${id(3)}`])).toEqual({ unitId: id(3), access: 'write' });
  expect(accountOf(['member:db', `reader:${id(1)}`])).toEqual({ unitId: id(1), access: 'read' });
  expect(accountOf(['member:db', 'unit:not-a-uuid'])).toBeUndefined();
  expect(accountOf(['_admin'])).toBeUndefined();
});

test("a commune pushes its units and records under it, signed, never its own unit, those above or a neighbour's", () => {
  const records = [record(10, 3), record(11, 5), record(12, 4), record(13, 2)];
  const docs = docsToPush({ units: tree, records, campaigns: [], rounds: [] }, writes(3), 'xa-3');
  expect(docs.map((d) => d._id).sort()).toEqual(
    [`ledger:${id(10)}`, `ledger:${id(11)}`, `unit:${id(5)}`].sort(),
  );
  expect(docs.every((d) => d.writer === 'xa-3')).toBe(true);
  expect(docs.find((d) => d._id === `ledger:${id(11)}`)?.scope).toEqual([id(1), id(2), id(3), id(5)]);
});

describe('reporting rounds', () => {
  const stores = {
    units: tree,
    records: [record(10, 3)],
    campaigns: [],
    rounds: [round(40, 2), round(41, 3), round(42, 1), round(43, undefined)],
  };
  test('an account sends only the rounds its own unit receives, a reading account nothing else', () => {
    const district = docsToPush(stores, reads(2), 'huyen');
    expect(district).toEqual([
      {
        _id: `round:${id(40)}`,
        type: 'round',
        record: stores.rounds[0],
        scope: [id(1), id(2)],
        writer: 'huyen',
      },
    ]);
    const commune = docsToPush(stores, writes(3), 'xa-3');
    expect(commune.map((d) => d._id).sort()).toEqual(
      [`ledger:${id(10)}`, `round:${id(41)}`, `unit:${id(5)}`].sort(),
    );
  });

  test('a pulled round is taken at its receiving unit, the later edit wins, and one placed elsewhere is refused', () => {
    const doc = (r: Rollup, scope: string[]) => ({
      _id: `round:${r.id}`,
      type: 'round',
      record: r,
      scope,
      writer: 'huyen',
    });
    const here = round(40, 2, { updatedAt: t(20) });
    const device = {
      units: byId,
      records: new Map<string, LedgerEntry>(),
      rounds: new Map([[here.id, here]]),
    };
    const edited = { ...here, deadline: '2027-07-05', updatedAt: t(30) };
    const plan = planPull(
      [
        doc(edited, [id(1), id(2)]),
        doc(round(44, 2), [id(1), id(2)]),
        doc(round(45, 3), [id(1), id(2)]),
        doc(round(46, undefined), [id(1), id(2)]),
        doc({ ...here, name: 'Bản cũ', updatedAt: t(10) }, [id(1), id(2)]),
      ],
      [],
      device,
      now,
    );
    expect(plan.rounds.map((r) => [r.id, r.deadline])).toEqual([
      [id(40), '2027-07-05'],
      [id(44), '2027-07-01'],
    ]);
    expect(plan.refused).toBe(2);
  });
});

describe('a conflict', () => {
  const rev = (updatedAt: string, tag: string) => ({ tag, record: { updatedAt } });
  test('takes the revision edited last, whichever the server picked', () => {
    expect(resolveRevisions(rev(t(5), 'winner'), [rev(t(9), 'late'), rev(t(7), 'mid')]).tag).toBe('late');
    expect(resolveRevisions(rev(t(9), 'late'), [rev(t(5), 'early')]).tag).toBe('late');
  });
  test("keeps the server's winner between equal times, so every device agrees", () => {
    expect(resolveRevisions(rev(t(5), 'winner'), [rev(t(5), 'other')]).tag).toBe('winner');
  });
});

describe('what a pull may change', () => {
  const doc = (r: LedgerEntry, scope: string[], extra: object = {}) => ({
    _id: `ledger:${r.id}`,
    type: 'ledger',
    record: r,
    scope,
    writer: 'xa-3',
    ...extra,
  });
  const unitDoc = (u: Unit, scope: string[]) => ({
    _id: `unit:${u.id}`,
    type: 'unit',
    record: u,
    scope,
    writer: 'admin',
  });
  const empty = { units: new Map<string, Unit>(), records: new Map<string, LedgerEntry>() };
  const device = { units: byId, records: new Map<string, LedgerEntry>() };

  test('new units and records are taken, and pulling them again changes nothing', () => {
    const units = [unitDoc(unit(1), [id(1)]), unitDoc(unit(2, 1), [id(1), id(2)])];
    const first = planPull(units, [], empty, now);
    expect(first.units.map((u) => u.id)).toEqual([id(1), id(2)]);
    const again = planPull(
      units,
      [],
      { units: new Map(first.units.map((u) => [u.id, u])), records: new Map() },
      now,
    );
    expect(again.units).toEqual([]);
  });

  test('the later edit wins, the same or an older one changes nothing', () => {
    const here = record(10, 3, { updatedAt: t(20) });
    const on = { units: byId, records: new Map([[here.id, here]]) };
    const chain = [id(1), id(2), id(3)];
    expect(
      planPull([doc({ ...here, participants: 5, updatedAt: t(30) }, chain)], [], on, now).records,
    ).toHaveLength(1);
    expect(
      planPull([doc({ ...here, participants: 5, updatedAt: t(10) }, chain)], [], on, now).records,
    ).toHaveLength(0);
    expect(planPull([doc(here, chain)], [], on, now).records).toHaveLength(0);
  });

  test('malformed documents, times from the future and chains that disagree are refused and counted', () => {
    const chain = [id(1), id(2), id(3)];
    const plan = planPull(
      [
        { type: 'ledger', record: { id: 'x' } },
        { type: 'note', text: 'hello' },
        doc(record(20, 3, { updatedAt: '2099-01-01T00:00:00.000Z' }), chain),
        doc(record(21, 3, { createdAt: t(30), updatedAt: t(10) }), chain),
        doc(record(22, 3), [id(1), id(2), id(4)]),
        doc(record(23, 3), chain, { _id: `ledger:${id(99)}` }),
        unitDoc(unit(6, 4), [id(1), id(2), id(3), id(6)]),
        doc(record(24, 3), chain),
      ],
      [],
      device,
      now,
    );
    expect(plan.refused).toBe(7);
    expect(plan.records.map((r) => r.id)).toEqual([id(24)]);
    expect(plan.units).toEqual([]);
  });

  test('a record whose unit the device has not got is left for later; a deletion touches only what the device holds', () => {
    const plan = planPull(
      [doc(record(30, 8), [id(1), id(8)])],
      [id(10), id(40)],
      {
        units: byId,
        records: new Map([[id(10), record(10, 3)]]),
      },
      now,
    );
    expect(plan.records).toEqual([]);
    expect(plan.refused).toBe(1);
    expect(plan.deletions).toEqual([id(10)]);
  });
});

describe('the server filter a device pulls through', () => {
  const req = (unitId: string, above: string[] = []) => ({ query: { unit: unitId, above: above.join(',') } });
  test("lets through the account's tree, the units above it and deletions, nothing of a neighbour", () => {
    const mine = { _id: 'x', type: 'ledger', scope: [id(1), id(2), id(3)], record: { id: id(10) } };
    const neighbour = { _id: 'y', type: 'ledger', scope: [id(1), id(2), id(4)], record: { id: id(11) } };
    const above = { _id: 'z', type: 'unit', scope: [id(1), id(2)], record: { id: id(2) } };
    expect(scopeFilter(mine, req(id(3)))).toBe(true);
    expect(scopeFilter(neighbour, req(id(3)))).toBe(false);
    expect(scopeFilter(above, req(id(3), [id(1), id(2)]))).toBe(true);
    expect(scopeFilter(above, req(id(3)))).toBe(false);
    expect(scopeFilter({ _id: 'y', _deleted: true }, req(id(3)))).toBe(true);
    expect(scopeFilter(neighbour, req(id(1)))).toBe(true);
  });
  test("sends a reporting round to its receiving unit's devices only, not to the units above or below", () => {
    const districtRound = { _id: 'r', type: 'round', scope: [id(1), id(2)], record: { id: id(40) } };
    expect(scopeFilter(districtRound, req(id(2), [id(1)]))).toBe(true);
    expect(scopeFilter(districtRound, req(id(1)))).toBe(false);
    expect(scopeFilter(districtRound, req(id(3), [id(1), id(2)]))).toBe(false);
  });
});

describe('the connection typed in Settings', () => {
  test('https anywhere, http only on this machine, nothing with credentials or a query in it', () => {
    expect(serverAddress(' https://dongbo.hungyen.gov.vn/ ')).toBe('https://dongbo.hungyen.gov.vn');
    expect(serverAddress('http://127.0.0.1:5984')).toBe('http://127.0.0.1:5984');
    expect(serverAddress('http://dongbo.hungyen.gov.vn')).toBeUndefined();
    expect(serverAddress('https://admin:secret@dongbo.hungyen.gov.vn')).toBeUndefined();
    expect(serverAddress('https://dongbo.hungyen.gov.vn/?x=1')).toBeUndefined();
    expect(serverAddress('dongbo')).toBeUndefined();
  });
  test('each field is required, the database name follows CouchDB', () => {
    expect(checkSyncSettings({ url: '', database: '', login: ' ', password: '' })).toEqual({
      url: 'required',
      database: 'required',
      login: 'required',
      password: 'required',
    });
    expect(checkSyncSettings({ url: 'ftp://x', database: 'Chung Tay', login: 'xa', password: 'p' })).toEqual({
      url: 'invalid',
      database: 'invalid',
    });
    expect(
      checkSyncSettings({ url: 'https://x.vn', database: 'chung-tay-hy', login: 'xa', password: 'p' }),
    ).toEqual({});
  });
});

describe("bringing a device's earlier work under its account's unit", () => {
  // The server's tree: province 1 ─ district 2 ─ commune 3 (the account). Made on the device
  // before sync: "Đơn vị 3" again (id 7) with enterprise 8 under it, and a school 9 at the top.
  const server = [unit(1), unit(2, 1), unit(3, 2)];
  const local = [
    unit(7, undefined, { name: '  đơn vị 3 ' }),
    unit(8, 7, { kind: 'enterprise' }),
    unit(9, undefined, { kind: 'school', name: 'THCS Lê Lợi' }),
  ];
  const campaign = { id: id(30), unitId: id(7), updatedAt: t(1) } as unknown as Campaign;

  test("a top unit with the account unit's name is merged into it, the others placed under it, each as an edit made now", () => {
    const records = [record(20, 7), record(21, 8), record(22, 3)];
    const adoption = planAdoption(
      { units: [...server, ...local], records, campaigns: [campaign] },
      id(3),
      now,
    );
    expect(adoption.roots.map((u) => u.id)).toEqual([id(7), id(9)]);
    expect(adoption.removed).toEqual([id(7)]);
    expect(adoption.units.map((u) => [u.id, u.parentId, u.updatedAt])).toEqual([
      [id(8), id(3), now.toISOString()],
      [id(9), id(3), now.toISOString()],
    ]);
    expect(adoption.records.map((r) => [r.id, r.unitId])).toEqual([[id(20), id(3)]]);
    expect(adoption.campaigns.map((c) => c.unitId)).toEqual([id(3)]);
    // Everything then lies under the account's unit, and goes up.
    const after = new Map([...server, ...local].map((u) => [u.id, u]));
    for (const u of adoption.units) after.set(u.id, u);
    for (const removed of adoption.removed) after.delete(removed);
    const pushed = docsToPush(
      {
        units: [...after.values()],
        records: [...adoption.records, records[1]!, records[2]!],
        campaigns: adoption.campaigns,
        rounds: [],
      },
      writes(3),
      'xa-3',
    );
    expect(pushed).toHaveLength(6);
  });

  test('nothing to do before the account unit has arrived, or when everything is under it already', () => {
    expect(planAdoption({ units: local, records: [], campaigns: [] }, id(3), now).roots).toEqual([]);
    expect(
      planAdoption({ units: [...server, unit(8, 3)], records: [], campaigns: [] }, id(3), now).roots,
    ).toEqual([]);
  });
});
