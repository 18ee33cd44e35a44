import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { designDoc, validateDocUpdate } from '../../../server/couchdb/designDoc.mjs';
import { checkUnits, setupProvince } from '../../../server/couchdb/setup.mjs';
import { syncedSession } from '../../fixtures/sync/syncedSessions.mjs';
import { startPouchdbServer } from '../../server/pouchdbServer.mjs';

const province = '10000000-0000-4000-8000-000000000001';
const district = '10000000-0000-4000-8000-000000000002';
const communeA = '10000000-0000-4000-8000-00000000000a';
const communeB = '10000000-0000-4000-8000-00000000000b';
const school = '10000000-0000-4000-8000-0000000000c1';
const units: Array<{
  id: string;
  name: string;
  kind: string;
  parentId?: string;
  login?: string;
  access?: 'write' | 'read';
}> = [
  { id: province, name: 'Tỉnh Hưng Yên', kind: 'agency', login: 'tinh-hung-yen', access: 'read' },
  { id: district, name: 'Huyện Văn Lâm', kind: 'agency', parentId: province },
  {
    id: communeA,
    name: 'Xã Lạc Hồng',
    kind: 'commune',
    parentId: district,
    login: 'xa-lac-hong',
    access: 'write',
  },
  {
    id: communeB,
    name: 'Xã Trưng Trắc',
    kind: 'commune',
    parentId: district,
    login: 'xa-trung-trac',
    access: 'write',
  },
];
const stamp = '2027-06-10T08:00:00.000Z';

const session = (id: string, unitId: string, scope: string[], writer: string) => {
  const doc = syncedSession({ id, scope, writer, date: '2027-06-10', at: stamp });
  return { ...doc, record: { ...doc.record, unitId } };
};
const chainA = [province, district, communeA];
const mine = session('20000000-0000-4000-8000-000000000001', communeA, chainA, 'xa-lac-hong');
const asA = { name: 'xa-lac-hong', roles: ['member:chung-tay', `unit:${communeA}`] };

/** What the validation says: 'ok', or the kind and reason it threw. */
function judge(doc: object, old: object | null, user: { name: string | null; roles?: string[] }): string {
  try {
    validateDocUpdate(doc as never, old as never, user);
    return 'ok';
  } catch (error) {
    const [[kind, reason]] = Object.entries(error as Record<string, string>) as [[string, string]];
    return `${kind}: ${reason}`;
  }
}

describe('The server-side write rules (validate_doc_update)', () => {
  test("A unit's account writes its own records and those of units under it", () => {
    expect(judge(mine, null, asA)).toBe('ok');
    const newSchool = {
      _id: `unit:${school}`,
      type: 'unit',
      writer: 'xa-lac-hong',
      scope: [...chainA, school],
      record: {
        id: school,
        name: 'Trường THCS Lạc Hồng',
        kind: 'school',
        parentId: communeA,
        createdAt: stamp,
        updatedAt: stamp,
      },
    };
    expect(judge(newSchool, null, asA)).toBe('ok');
    expect(
      judge(
        session('20000000-0000-4000-8000-000000000002', school, [...chainA, school], 'xa-lac-hong'),
        null,
        asA,
      ),
    ).toBe('ok');
  });

  test('A write for another unit, a take-over by rewriting the chain and a forged signature are refused', () => {
    const theirs = session(
      '20000000-0000-4000-8000-000000000003',
      communeB,
      [province, district, communeB],
      'xa-lac-hong',
    );
    expect(judge(theirs, null, asA)).toMatch(
      /^forbidden: A unit's account writes only records of its own unit/,
    );
    const stored = {
      ...session(
        '20000000-0000-4000-8000-000000000003',
        communeB,
        [province, district, communeB],
        'xa-trung-trac',
      ),
      _rev: '1-a',
    };
    const takeOver = { ...stored, scope: [province, district, communeA, communeB], writer: 'xa-lac-hong' };
    expect(judge(takeOver, stored, asA)).toBe('forbidden: This record belongs to another unit.');
    expect(judge({ ...mine, writer: 'xa-trung-trac' }, null, asA)).toMatch(
      /^forbidden: A record must be signed/,
    );
  });

  test("A commune's action-month campaign is shared like its records, and only under its own unit", () => {
    const campaign = (unitId: string, scope: string[]) => ({
      _id: 'campaign:20000000-0000-4000-8000-0000000000ca',
      type: 'campaign',
      writer: 'xa-lac-hong',
      scope,
      record: { id: '20000000-0000-4000-8000-0000000000ca', unitId, createdAt: stamp, updatedAt: stamp },
    });
    expect(judge(campaign(communeA, chainA), null, asA)).toBe('ok');
    expect(judge(campaign(communeB, [province, district, communeB]), null, asA)).toMatch(
      /^forbidden: A unit's account writes only/,
    );
    expect(
      judge(
        { ...campaign(communeA, chainA), record: { ...campaign(communeA, chainA).record, unitId: 'x' } },
        null,
        asA,
      ),
    ).toMatch(/^forbidden: /);
  });

  test('Deleting is allowed for its own records only, and anonymous or read-only accounts write nothing', () => {
    const stored = { ...mine, _rev: '1-a' };
    expect(judge({ _id: mine._id, _rev: '1-a', _deleted: true }, stored, asA)).toBe('ok');
    const theirs = {
      ...session(
        '20000000-0000-4000-8000-000000000004',
        communeB,
        [province, district, communeB],
        'xa-trung-trac',
      ),
      _rev: '1-b',
    };
    expect(judge({ _id: theirs._id, _deleted: true }, theirs, asA)).toBe(
      'forbidden: This record belongs to another unit.',
    );
    expect(judge(mine, null, { name: null, roles: [] })).toMatch(/^unauthorized:/);
    expect(
      judge(mine, null, { name: 'tinh-hung-yen', roles: ['member:chung-tay', `reader:${province}`] }),
    ).toBe('forbidden: This account can read, not write.');
    expect(judge(mine, null, { name: 'it', roles: ['_admin'] })).toBe('ok');
    expect(judge({ ...designDoc, _id: '_design/x' }, null, asA)).toMatch(/design documents/);
  });

  test("A reporting round is written by its receiving unit's accounts only, a reading account's included", () => {
    const asProvince = { name: 'tinh-hung-yen', roles: ['member:chung-tay', `reader:${province}`] };
    const round = (receiverId: string, scope: string[], writer: string) => ({
      _id: 'round:20000000-0000-4000-8000-0000000000d1',
      type: 'round',
      writer,
      scope,
      record: {
        id: '20000000-0000-4000-8000-0000000000d1',
        name: 'Báo cáo 6 tháng',
        receiverId,
        createdAt: stamp,
        updatedAt: stamp,
      },
    });
    const provinceRound = round(province, [province], 'tinh-hung-yen');
    expect(judge(provinceRound, null, asProvince)).toBe('ok');
    expect(judge(round(communeA, chainA, 'xa-lac-hong'), null, asA)).toBe('ok');
    // Not a round under it (the district's), nor the province's by a commune below it.
    expect(judge(round(district, [province, district], 'tinh-hung-yen'), null, asProvince)).toBe(
      "forbidden: An account writes only its own unit's reporting rounds.",
    );
    expect(judge({ ...provinceRound, writer: 'xa-lac-hong' }, null, asA)).toBe(
      "forbidden: An account writes only its own unit's reporting rounds.",
    );
    const stored = { ...provinceRound, _rev: '1-a' };
    expect(judge({ _id: stored._id, _rev: '1-a', _deleted: true }, stored, asA)).toBe(
      'forbidden: This record belongs to another unit.',
    );
    // Its scope must end at its receiving unit; a reading account still writes no ledger record.
    expect(judge(round(province, [province, district], 'tinh-hung-yen'), null, asProvince)).toMatch(
      /must end at the record's unit/,
    );
    const { receiverId: _, ...noReceiver } = provinceRound.record;
    expect(judge({ ...provinceRound, record: noReceiver }, null, asProvince)).toMatch(/^forbidden: /);
    expect(judge({ ...mine, writer: 'tinh-hung-yen' }, null, asProvince)).toBe(
      'forbidden: This account can read, not write.',
    );
  });

  test('Malformed records are refused: a wrong kind, a wrong id, a missing time, a chain that ends elsewhere', () => {
    expect(judge({ ...mine, type: 'attempt' }, null, asA)).toBe('forbidden: Unknown record type.');
    expect(judge({ ...mine, record: { ...mine.record, kind: 'quiz-attempt' } }, null, asA)).toMatch(
      /Only sessions and activities/,
    );
    expect(judge({ ...mine, _id: 'ledger:20000000-0000-4000-8000-000000000009' }, null, asA)).toMatch(
      /type:record id/,
    );
    const { updatedAt: _, ...noEdit } = mine.record;
    expect(judge({ ...mine, record: noEdit }, null, asA)).toMatch(/edit time/);
    expect(
      judge({ ...mine, record: { ...mine.record, updatedAt: '2020-01-01T00:00:00.000Z' } }, null, asA),
    ).toMatch(/not before its creation/);
    expect(judge({ ...mine, scope: [province, communeA, district] }, null, asA)).toMatch(
      /must end at the record's unit/,
    );
    expect(judge({ ...mine, scope: 'all' }, null, asA)).toMatch(/chain of units it lies under/);
    expect(judge({ ...mine, record: null }, null, asA)).toBe('forbidden: A record is missing.');
  });
});

describe('A units list for the set-up', () => {
  test('A well-formed list passes; missing parents, loops, bad logins and duplicates are each named', () => {
    expect(checkUnits(units)).toEqual([]);
    expect(
      checkUnits([
        { id: communeA, name: 'A', kind: 'commune', parentId: communeB, login: 'Xã A', access: 'write' },
        { id: communeB, name: 'B', kind: 'town', parentId: communeA, login: 'xa-b', access: 'admin' },
      ]),
    ).toEqual([
      'units[0].login: lowercase letters, digits, dot, dash or underscore',
      'units[1].kind: one of enterprise, school, class, industrial-zone, commune, union, agency, other',
      'units[1].access: "write" or "read"',
      'unit "A" lies under itself',
      'unit "B" lies under itself',
    ]);
  });
});

describe('A province server set up by the script (pouchdb-server on loopback)', () => {
  let server: { url: string; admin: { name: string; password: string }; stop: () => Promise<void> };
  let accounts: Array<{ login: string; password: string; unitId: string }>;
  const db = 'chung-tay-hung-yen';

  beforeAll(async () => {
    server = await startPouchdbServer();
    accounts = await setupProvince({ url: server.url, db, admin: server.admin, units });
  }, 30_000);
  afterAll(() => server?.stop());

  const as = (login: string) => {
    const account = accounts.find((a) => a.login === login)!;
    return { authorization: `Basic ${Buffer.from(`${login}:${account.password}`).toString('base64')}` };
  };
  const put = (doc: { _id: string; [field: string]: unknown }, headers: Record<string, string>) =>
    fetch(`${server.url}/${db}/${encodeURIComponent(doc._id)}`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(doc),
    });

  test('creates an account for each unit with a login, with a password of its own, and the unit tree', async () => {
    expect(accounts.map((a) => a.login)).toEqual(['tinh-hung-yen', 'xa-lac-hong', 'xa-trung-trac']);
    expect(new Set(accounts.map((a) => a.password)).size).toBe(3);
    const tree = await fetch(`${server.url}/${db}/_all_docs?include_docs=true`, {
      headers: as('tinh-hung-yen'),
    });
    const rows = ((await tree.json()) as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
    expect(rows).toEqual(expect.arrayContaining(units.map((u) => `unit:${u.id}`)));
    // Running it again creates nobody and changes no password.
    expect(await setupProvince({ url: server.url, db, admin: server.admin, units })).toEqual([]);
  });

  test("the server stores a unit's own record and refuses a forged one, whatever the app does", async () => {
    expect((await put(mine, as('xa-lac-hong'))).status).toBe(201);
    const forged = session(
      '20000000-0000-4000-8000-000000000005',
      communeB,
      [province, district, communeB],
      'xa-lac-hong',
    );
    const refused = await put(forged, as('xa-lac-hong'));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { reason: string }).reason).toMatch(/own unit/);
    expect(
      (
        await put(
          {
            ...mine,
            _id: 'ledger:20000000-0000-4000-8000-000000000006',
            record: { ...mine.record, id: '20000000-0000-4000-8000-000000000006', kind: 'attempt' },
          },
          as('xa-lac-hong'),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await put(
          session('20000000-0000-4000-8000-000000000007', communeA, chainA, 'tinh-hung-yen'),
          as('tinh-hung-yen'),
        )
      ).status,
    ).toBe(403);
    expect(
      (await put(session('20000000-0000-4000-8000-000000000008', communeA, chainA, 'x'), {})).status,
    ).toBe(401);
    // The other commune cannot overwrite it either.
    const stored = (await (
      await fetch(`${server.url}/${db}/${mine._id}`, { headers: as('xa-trung-trac') })
    ).json()) as { _rev: string };
    expect(
      (
        await put(
          {
            ...mine,
            _rev: stored._rev,
            writer: 'xa-trung-trac',
            scope: [province, district, communeB, communeA],
          },
          as('xa-trung-trac'),
        )
      ).status,
    ).toBe(403);
  });

  test('a wrong password is refused', async () => {
    const wrong = await put(mine, {
      authorization: `Basic ${Buffer.from('xa-lac-hong:nope').toString('base64')}`,
    });
    expect(wrong.status).toBe(401);
  });
});
