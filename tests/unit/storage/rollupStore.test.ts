import { createHash } from 'node:crypto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { checkStatisticsFile } from '../../../src/lib/domain/exchange';
import type { LedgerEntry, SessionEntry } from '../../../src/lib/domain/ledger.schema';
import { reportingStatus, rollupLimits, rollupTotals, type Rollup } from '../../../src/lib/domain/rollup';
import type { Unit } from '../../../src/lib/domain/unit.schema';
import { openDatabase, type Database } from '../../../src/lib/storage/connection';
import { listEntries } from '../../../src/lib/storage/ledgerStore';
import {
  getRollup,
  importFiles,
  listRollups,
  saveRollup,
  type IncomingFile,
} from '../../../src/lib/storage/rollupStore';
import { StorageFullError } from '../../../src/lib/storage/storageErrors';
import { listUnits } from '../../../src/lib/storage/unitStore';
import { makeUnitFiles } from '../../fixtures/rollup/unitFiles.mjs';
import { makeCampaignActivity, makeSessionEntry, makeStatisticsFile, makeUnit } from '../../builders';

const t1 = '2027-06-20T08:00:00.000Z';
const t2 = '2027-06-25T08:00:00.000Z';
const now = new Date('2027-07-03T02:00:00.000Z');

function makeRound(overrides: Partial<Rollup> = {}): Rollup {
  return {
    id: crypto.randomUUID(),
    name: 'Báo cáo 6 tháng đầu năm 2027 – KCN Quang Châu',
    from: '2027-01-01',
    to: '2027-06-30',
    deadline: '2027-07-05',
    expected: ['Công ty TNHH May Minh Anh', 'Công ty CP Giày Hòa Bình'],
    files: [],
    createdAt: t1,
    updatedAt: t1,
    ...overrides,
  };
}

/** A file's text as a sender wrote it, checked and fingerprinted as the import screen does. */
function incoming(text: string, fileName: string): IncomingFile {
  const result = checkStatisticsFile(text, fileName, now);
  if (!result.ok) throw new Error(`${fileName}: ${JSON.stringify(result.problem)}`);
  return { checked: result.checked, hash: createHash('sha256').update(text).digest('hex'), fileName };
}

const zone = makeUnit({ name: 'KCN Quang Châu', kind: 'industrial-zone' });
const minhAnh = makeUnit({ name: 'Công ty TNHH May Minh Anh', parentId: zone.id });
const workshop = makeUnit({ name: 'Phân xưởng 1', kind: 'other', parentId: minhAnh.id });
const hoaBinh = makeUnit({ name: 'Công ty CP Giày Hòa Bình', parentId: zone.id });
const minhAnhRecords: LedgerEntry[] = [
  makeSessionEntry({ unitId: minhAnh.id, date: '2027-03-10', participants: 40, women: 25 }),
  makeSessionEntry({ unitId: workshop.id, date: '2027-05-02', participants: 30, women: 10 }),
  makeCampaignActivity({ unitId: minhAnh.id, date: '2027-06-02', participants: 120 }),
];
const hoaBinhRecords: LedgerEntry[] = [
  makeSessionEntry({ unitId: hoaBinh.id, date: '2027-04-15', participants: 55, women: 30 }),
];
const fileOf = (exporter: Unit, records: LedgerEntry[], units: Unit[], exportedAt = t2) =>
  JSON.stringify(makeStatisticsFile(exporter, records, units, { exportedAt }), null, 1);
const minhAnhText = fileOf(minhAnh, minhAnhRecords, [zone, minhAnh, workshop]);
const hoaBinhText = fileOf(hoaBinh, hoaBinhRecords, [zone, hoaBinh]);

/** Every record of the stores an import writes, as stored. */
async function snapshot(db: Database) {
  return {
    ledger: await db.getAll('ledger'),
    units: await db.getAll('units'),
    rollups: await db.getAll('rollups'),
  };
}

let db: Database;
beforeEach(async () => {
  db = await openDatabase({ factory: new IDBFactory() });
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

describe('Reporting rounds in storage', () => {
  test('A saved round reads back as it was', async () => {
    const round = makeRound();
    await saveRollup(db, round);
    expect(await getRollup(db, round.id)).toEqual(round);
    expect(await getRollup(db, crypto.randomUUID())).toBeUndefined();
  });

  test('Rounds are listed latest period first, and of two rounds of one period the newest first', async () => {
    const firstHalf = makeRound({ name: '6 tháng đầu năm', to: '2027-06-30', createdAt: t1 });
    const year = makeRound({ name: 'Cả năm', to: '2027-12-31', createdAt: t1 });
    const again = makeRound({ name: '6 tháng đầu năm (bổ sung)', to: '2027-06-30', createdAt: t2 });
    for (const round of [firstHalf, year, again]) await saveRollup(db, round);
    expect((await listRollups(db)).map((r) => r.name)).toEqual([
      'Cả năm',
      '6 tháng đầu năm (bổ sung)',
      '6 tháng đầu năm',
    ]);
  });

  test('A round that breaks the rules is refused before anything is written', async () => {
    await expect(saveRollup(db, makeRound({ from: '2027-07-01', to: '2027-06-30' }))).rejects.toThrow();
    expect(await listRollups(db)).toEqual([]);
  });
});

describe('Importing files into a round', () => {
  test('The files’ records and units are added, and each file is noted in the round with what it added', async () => {
    const round = makeRound();
    await saveRollup(db, round);
    const files = [incoming(minhAnhText, 'minh-anh.json'), incoming(hoaBinhText, 'hoa-binh.json')];
    const result = await importFiles(db, round.id, files, now);

    expect(result).toMatchObject({ added: 4, replaced: 0, unchanged: 0 });
    expect(result.files).toEqual([
      {
        hash: files[0]?.hash,
        fileName: 'minh-anh.json',
        unitId: minhAnh.id,
        unitName: 'Công ty TNHH May Minh Anh',
        exportedAt: t2,
        importedAt: now.toISOString(),
        records: 3,
        added: 3,
        replaced: 0,
      },
      expect.objectContaining({ fileName: 'hoa-binh.json', unitId: hoaBinh.id, records: 1, added: 1 }),
    ]);
    const stored = await getRollup(db, round.id);
    expect(stored).toEqual({ ...round, files: result.files, updatedAt: now.toISOString() });

    const entries = await listEntries(db);
    expect(entries).toHaveLength(4);
    expect(entries).toEqual(expect.arrayContaining([...minhAnhRecords, ...hoaBinhRecords]));
    // Each file adds its sender and the units under it. KCN Quang Châu, above both senders, only
    // names where they sit: it is neither file's to add.
    const units = await listUnits(db);
    expect(units.map((u) => u.name).sort()).toEqual(
      ['Công ty CP Giày Hòa Bình', 'Công ty TNHH May Minh Anh', 'Phân xưởng 1'].sort(),
    );
    // Without a receiving unit, a new sender is stored at the top of the tree.
    expect(units.find((u) => u.id === minhAnh.id)?.parentId).toBeUndefined();
    if (stored) expect(reportingStatus(stored).counts).toEqual({ 'on-time': 2, late: 0, missing: 0 });
  });

  test('The same file again is refused as a duplicate, even when the screen did not know it was in the round', async () => {
    const round = makeRound();
    await saveRollup(db, round);
    await importFiles(db, round.id, [incoming(minhAnhText, 'minh-anh.json')], now);
    const before = await snapshot(db);

    const again = await importFiles(db, round.id, [incoming(minhAnhText, 'minh-anh (1).json')], now);
    expect(again.files).toEqual([]);
    expect(again.refused).toEqual([{ index: 0, problem: { kind: 'duplicate', of: 'minh-anh.json' } }]);
    expect(await snapshot(db)).toEqual(before);
  });

  test('The same records exported again add nothing: the records are exactly as they were', async () => {
    const round = makeRound();
    await saveRollup(db, round);
    await importFiles(db, round.id, [incoming(minhAnhText, 'minh-anh.json')], now);
    const before = await snapshot(db);

    const reExported = fileOf(minhAnh, minhAnhRecords, [zone, minhAnh, workshop], '2027-06-30T03:00:00.000Z');
    const again = await importFiles(db, round.id, [incoming(reExported, 'minh-anh-2.json')], now);
    expect(again).toMatchObject({ added: 0, replaced: 0, unchanged: 3 });
    expect(again.files).toEqual([expect.objectContaining({ records: 3, added: 0, replaced: 0 })]);
    const after = await snapshot(db);
    expect(after.ledger).toEqual(before.ledger);
    expect(after.units).toEqual(before.units);
  });

  test('A later edit of a record or a unit replaces the device’s copy; an earlier one changes nothing', async () => {
    const round = makeRound();
    await saveRollup(db, round);
    const [first] = minhAnhRecords as [SessionEntry];
    await importFiles(db, round.id, [incoming(minhAnhText, 'minh-anh.json')], now);

    const corrected = { ...first, participants: 44, updatedAt: '2027-06-28T08:00:00.000Z' };
    const renamed = {
      ...minhAnh,
      name: 'Công ty TNHH May mặc Minh Anh',
      updatedAt: '2027-06-28T08:00:00.000Z',
    };
    const newer = fileOf(renamed, [corrected], [zone, renamed], '2027-06-29T03:00:00.000Z');
    const result = await importFiles(db, round.id, [incoming(newer, 'minh-anh-bo-sung.json')], now);
    expect(result).toMatchObject({ added: 0, replaced: 1, unchanged: 0 });
    expect(result.files[0]).toMatchObject({
      unitName: 'Công ty TNHH May mặc Minh Anh',
      added: 0,
      replaced: 1,
    });
    expect((await listEntries(db)).find((e) => e.id === first.id)).toEqual(corrected);
    expect((await listUnits(db)).find((u) => u.id === minhAnh.id)?.name).toBe(
      'Công ty TNHH May mặc Minh Anh',
    );

    const stale = fileOf(
      minhAnh,
      [{ ...first, participants: 12, women: 5, updatedAt: '2027-06-27T08:00:00.000Z' }],
      [zone, minhAnh],
    );
    const ignored = await importFiles(db, round.id, [incoming(stale, 'minh-anh-cu.json')], now);
    expect(ignored).toMatchObject({ added: 0, replaced: 0, unchanged: 1 });
    expect((await listEntries(db)).find((e) => e.id === first.id)).toEqual(corrected);
    expect((await listUnits(db)).find((u) => u.id === minhAnh.id)?.name).toBe(
      'Công ty TNHH May mặc Minh Anh',
    );
    expect((await getRollup(db, round.id))?.files).toHaveLength(3);
  });

  test('Within one import the latest edit wins, whichever file comes first', async () => {
    const round = makeRound();
    await saveRollup(db, round);
    const [first] = minhAnhRecords as [SessionEntry];
    const corrected = { ...first, participants: 44, updatedAt: '2027-06-28T08:00:00.000Z' };
    const newer = fileOf(minhAnh, [corrected], [zone, minhAnh], '2027-06-29T03:00:00.000Z');
    const result = await importFiles(
      db,
      round.id,
      [incoming(newer, 'moi.json'), incoming(minhAnhText, 'cu.json')],
      now,
    );
    // The newer file adds its record; the older one then adds only the records it alone has.
    expect(result.files.map((f) => [f.fileName, f.added, f.replaced])).toEqual([
      ['moi.json', 1, 0],
      ['cu.json', 2, 0],
    ]);
    expect(result).toMatchObject({ added: 3, replaced: 0, unchanged: 1 });
    expect((await listEntries(db)).find((e) => e.id === first.id)).toEqual(corrected);
  });

  test('An import the round cannot note (it holds the most files a round keeps) keeps nothing of its files', async () => {
    const full = Array.from({ length: rollupLimits.files }, (_, i) => ({
      hash: i.toString(16).padStart(64, '0'),
      fileName: `thong-ke-${i}.json`,
      unitId: hoaBinh.id,
      unitName: hoaBinh.name,
      exportedAt: t2,
      importedAt: now.toISOString(),
      records: 0,
      added: 0,
      replaced: 0,
    }));
    const round = makeRound({ files: full });
    await saveRollup(db, round);
    const before = await snapshot(db);
    // The records and units are written first; noting the file in the round then fails.
    await expect(
      importFiles(
        db,
        round.id,
        [incoming(minhAnhText, 'minh-anh.json'), incoming(hoaBinhText, 'hoa-binh.json')],
        now,
      ),
    ).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
    expect(before.ledger).toEqual([]);
  });

  test('An import into a round that does not exist writes nothing', async () => {
    await expect(
      importFiles(db, crypto.randomUUID(), [incoming(minhAnhText, 'a.json')], now),
    ).rejects.toThrow();
    expect(await snapshot(db)).toEqual({ ledger: [], units: [], rollups: [] });
  });

  test('When the disk fills part-way, the import is rolled back whole, earlier files too, and reported as full', async () => {
    const round = makeRound();
    await saveRollup(db, round);
    await importFiles(db, round.id, [incoming(hoaBinhText, 'hoa-binh.json')], now);
    const before = await snapshot(db);
    const storePrototype = Object.getPrototypeOf(db.transaction('ledger').store) as {
      put: (this: { name: string }, ...args: unknown[]) => unknown;
    };
    const put = storePrototype.put;
    let ledgerPuts = 0;
    // Minh Anh's three records go in; the first record of the next file finds the disk full.
    vi.spyOn(storePrototype, 'put').mockImplementation(function (this: { name: string }, ...args) {
      if (this.name === 'ledger' && ++ledgerPuts > minhAnhRecords.length)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const other = makeUnit({ name: 'Công ty CP Nhựa Việt Hưng', parentId: zone.id });
    const otherText = fileOf(other, [makeSessionEntry({ unitId: other.id })], [zone, other]);
    await expect(
      importFiles(
        db,
        round.id,
        [incoming(minhAnhText, 'minh-anh.json'), incoming(otherText, 'viet-hung.json')],
        now,
      ),
    ).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(ledgerPuts).toBe(minhAnhRecords.length + 1);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('A round with a receiving unit', () => {
  const union = makeUnit({ name: 'Công đoàn KCN Quang Châu', kind: 'union' });

  test('A new receiving unit is stored with its round', async () => {
    const round = makeRound({ receiverId: union.id });
    await saveRollup(db, round, [union]);
    expect(await getRollup(db, round.id)).toEqual(round);
    expect(await listUnits(db)).toEqual([union]);
  });

  test('Each sender is placed under the receiver, once: importing its file again changes nothing', async () => {
    const round = makeRound({ receiverId: union.id });
    await saveRollup(db, round, [union]);
    await importFiles(db, round.id, [incoming(minhAnhText, 'minh-anh.json')], now);
    const placed = (await listUnits(db)).find((u) => u.id === minhAnh.id);
    expect(placed).toEqual({ ...minhAnh, parentId: union.id, updatedAt: now.toISOString() });
    // Its workshop stays under it, and so counts for the receiver too.
    expect((await listUnits(db)).find((u) => u.id === workshop.id)?.parentId).toBe(minhAnh.id);

    const before = await snapshot(db);
    const later = new Date('2027-07-04T02:00:00.000Z');
    const again = await importFiles(db, round.id, [incoming(minhAnhText, 'minh-anh.json')], later);
    expect(again).toMatchObject({ added: 0, replaced: 0 });
    const after = await snapshot(db);
    expect(after.units).toEqual(before.units);
    expect(after.ledger).toEqual(before.ledger);
  });

  test('A sender is never placed under one of its own units, which would make a loop', async () => {
    // The receiver is Minh Anh's own workshop.
    await saveRollup(db, makeRound(), [zone, minhAnh, workshop]);
    const round = makeRound({ receiverId: workshop.id });
    await saveRollup(db, round);
    await importFiles(db, round.id, [incoming(minhAnhText, 'minh-anh.json')], now);
    expect((await listUnits(db)).find((u) => u.id === minhAnh.id)).toEqual(minhAnh);
  });
});

describe('Importing every enterprise’s file of an industrial zone', () => {
  test('The round’s totals are those of all the files, each sender on time and with its own totals', async () => {
    const made = makeUnitFiles({ units: 12, recordsPerFile: 40 });
    const round = makeRound({ expected: made.unitNames });
    await saveRollup(db, round);
    const result = await importFiles(
      db,
      round.id,
      made.files.map((f) => incoming(f.text, f.name)),
      now,
    );
    expect(result).toMatchObject({ added: made.totals.records, replaced: 0, unchanged: 0 });
    const stored = await getRollup(db, round.id);
    if (!stored) throw new Error('no round');
    expect(reportingStatus(stored).counts).toEqual({ 'on-time': 12, late: 0, missing: 0 });

    const { senders, total } = rollupTotals(stored, await listEntries(db), await listUnits(db));
    expect(total).toMatchObject({
      records: made.totals.records,
      participants: made.totals.participants,
      women: made.totals.women,
      sessions: made.totals.sessions,
      students: made.totals.students,
    });
    expect(senders).toHaveLength(12);
    for (const sender of senders)
      expect({ records: sender.figures.records, participants: sender.figures.participants }).toEqual(
        made.totals.byUnit[sender.name],
      );

    // The same records again, exported a day later: nothing changes.
    const again = await importFiles(
      db,
      round.id,
      made.files.map((f) =>
        incoming(
          f.text.replace(
            '"exportedAt":"2027-07-01T03:00:00.000Z"',
            '"exportedAt":"2027-07-02T03:00:00.000Z"',
          ),
          f.name,
        ),
      ),
      now,
    );
    expect(again.refused).toEqual([]);
    expect(again).toMatchObject({ added: 0, replaced: 0, unchanged: made.totals.records });
    expect(await db.count('ledger')).toBe(made.totals.records);
  });
});

describe('What a sender’s file may change (issue 21)', () => {
  const union = makeUnit({ name: 'Công đoàn KCN Quang Châu', kind: 'union' });

  test('A file that renames the receiving unit and moves it under the sender is refused; the receiver stays as it was', async () => {
    const round = makeRound({ receiverId: union.id });
    await saveRollup(db, round, [union]);
    const before = await snapshot(db);
    // The bug: the receiver's own id, another name, a parent pointing at the sender, edited in 2099
    // (here a day ahead of the device, which passes the clock rule, so the trust rule must hold).
    const hijacked = {
      ...union,
      name: 'Đã bị đổi tên',
      parentId: minhAnh.id,
      updatedAt: '2027-07-03T12:00:00.000Z',
    };
    const text = fileOf(minhAnh, minhAnhRecords, [zone, minhAnh, workshop, hijacked]);
    const result = await importFiles(db, round.id, [incoming(text, 'gia-mao.json')], now);
    expect(result.refused).toEqual([
      { index: 0, problem: { kind: 'receiver', name: 'Công đoàn KCN Quang Châu' } },
    ]);
    expect(await snapshot(db)).toEqual(before);
  });

  test('A file may not rename a unit this device made itself, nor one above the receiver', async () => {
    const province = makeUnit({ name: 'LĐLĐ tỉnh Bắc Giang', kind: 'union' });
    const receiver = { ...union, parentId: province.id };
    const own = makeUnit({ name: 'Công ty của chính thiết bị này', parentId: union.id });
    const round = makeRound({ receiverId: receiver.id });
    await saveRollup(db, round, [province, receiver, own]);
    const before = await snapshot(db);

    const renamedOwn = { ...own, name: 'Đổi tên', parentId: minhAnh.id, updatedAt: t2 };
    const first = fileOf(minhAnh, minhAnhRecords, [zone, minhAnh, workshop, renamedOwn]);
    const renamedProvince = { ...province, name: 'Đổi tên', parentId: hoaBinh.id, updatedAt: t2 };
    const second = fileOf(hoaBinh, hoaBinhRecords, [zone, hoaBinh, renamedProvince]);
    const result = await importFiles(
      db,
      round.id,
      [incoming(first, 'a.json'), incoming(second, 'b.json')],
      now,
    );
    expect(result.refused).toEqual([
      { index: 0, problem: { kind: 'foreign-unit', name: 'Công ty của chính thiết bị này' } },
      { index: 1, problem: { kind: 'receiver', name: 'LĐLĐ tỉnh Bắc Giang' } },
    ]);
    expect(await snapshot(db)).toEqual(before);
  });

  test('A file may not claim the device’s own units by sending as one of them', async () => {
    const own = makeUnit({ name: 'Công ty của chính thiết bị này' });
    const round = makeRound();
    await saveRollup(db, round, [own]);
    const text = fileOf(
      { ...own, name: 'Đổi tên', updatedAt: t2 },
      [makeSessionEntry({ unitId: own.id })],
      [{ ...own, name: 'Đổi tên', updatedAt: t2 }],
    );
    const result = await importFiles(db, round.id, [incoming(text, 'a.json')], now);
    expect(result.refused).toEqual([
      { index: 0, problem: { kind: 'foreign-unit', name: 'Công ty của chính thiết bị này' } },
    ]);
    expect((await listUnits(db)).map((u) => u.name)).toEqual(['Công ty của chính thiết bị này']);
  });

  test('A file may not overwrite another unit’s record by reusing its id', async () => {
    const round = makeRound();
    await saveRollup(db, round);
    await importFiles(db, round.id, [incoming(hoaBinhText, 'hoa-binh.json')], now);
    const [theirs] = hoaBinhRecords as [SessionEntry];
    const stolen = { ...theirs, unitId: minhAnh.id, participants: 1, women: 0, updatedAt: t2 };
    const text = fileOf(minhAnh, [stolen], [zone, minhAnh]);
    const before = await snapshot(db);
    const result = await importFiles(db, round.id, [incoming(text, 'minh-anh.json')], now);
    expect(result.refused).toEqual([{ index: 0, problem: { kind: 'foreign-record', count: 1 } }]);
    expect(await snapshot(db)).toEqual(before);
  });

  // A commune that rolled up its units' files sends them on in its own file; one of those units
  // also sends its own file straight to the district. Whatever the order, the unit sits under the
  // commune, so the commune's row counts it.
  const district = makeUnit({ name: 'Phòng Văn hóa huyện Lạng Giang', kind: 'agency' });
  const commune = makeUnit({ name: 'UBND xã Tân Dĩnh', kind: 'commune', parentId: district.id });
  const factory = makeUnit({ name: 'Công ty TNHH Điện tử Tân Dĩnh', parentId: commune.id });
  const factoryRecords = [
    makeSessionEntry({ unitId: factory.id, date: '2027-04-01', participants: 200, women: 90 }),
    makeSessionEntry({ unitId: factory.id, date: '2027-05-01', participants: 150, women: 70 }),
  ];
  const communeRecords = [makeSessionEntry({ unitId: commune.id, date: '2027-03-01', participants: 60 })];
  // The commune placed the factory under itself when it rolled the factory's file up.
  const placedFactory = { ...factory, updatedAt: '2027-06-30T01:00:00.000Z' };
  const communeText = fileOf(
    commune,
    [...communeRecords, ...factoryRecords],
    [district, commune, placedFactory],
  );
  const factoryText = fileOf({ ...factory, parentId: undefined }, factoryRecords, [
    { ...factory, parentId: undefined },
  ]);

  for (const order of ['commune first', 'factory first'] as const)
    test(`A commune and a unit under it both send (${order}): the commune’s totals include the unit’s records`, async () => {
      const receiver = makeUnit({ name: 'UBND huyện Lạng Giang', kind: 'agency' });
      const round = makeRound({ receiverId: receiver.id, expected: [] });
      await saveRollup(db, round, [receiver]);
      const files = [incoming(communeText, 'xa.json'), incoming(factoryText, 'cong-ty.json')];
      for (const file of order === 'commune first' ? files : files.reverse()) {
        const result = await importFiles(db, round.id, [file], now);
        expect(result.refused).toEqual([]);
      }
      const units = await listUnits(db);
      const parentOf = (id: string) => units.find((u) => u.id === id)?.parentId;
      expect(parentOf(commune.id)).toBe(receiver.id);
      expect(parentOf(factory.id)).toBe(commune.id);
      const stored = await getRollup(db, round.id);
      if (!stored) throw new Error('no round');
      const { senders, total } = rollupTotals(stored, await listEntries(db), units);
      const row = (id: string) => senders.find((s) => s.unitId === id)?.figures;
      expect(row(commune.id)).toMatchObject({ records: 3, participants: 410 });
      expect(row(factory.id)).toMatchObject({ records: 2, participants: 350 });
      expect(total).toMatchObject({ records: 3, participants: 410 });
    });
});

describe('Two tabs on one round (issue 21)', () => {
  test('A tab saving the round’s set-up from an older copy keeps the files another tab imported, and those files stay duplicates', async () => {
    const factory = new IDBFactory();
    const tabA = await openDatabase({ factory });
    const tabB = await openDatabase({ factory });
    try {
      const round = makeRound();
      await saveRollup(tabA, round);
      const staleInB = (await getRollup(tabB, round.id)) as Rollup;

      // Tab B saves its edited set-up while tab A imports, and once more after.
      const renamed = { ...staleInB, name: 'Báo cáo 6 tháng (đã sửa)', updatedAt: t2 };
      await Promise.all([
        importFiles(
          tabA,
          round.id,
          [incoming(minhAnhText, 'minh-anh.json'), incoming(hoaBinhText, 'hoa-binh.json')],
          now,
        ),
        saveRollup(tabB, renamed),
      ]);
      await saveRollup(tabB, renamed);

      const stored = await getRollup(tabA, round.id);
      expect(stored?.name).toBe('Báo cáo 6 tháng (đã sửa)');
      expect(stored?.files.map((f) => f.fileName)).toEqual(['minh-anh.json', 'hoa-binh.json']);
      // Tab B, which never saw them, imports the same files: refused as duplicates.
      const again = await importFiles(tabB, round.id, [incoming(minhAnhText, 'minh-anh.json')], now);
      expect(again.refused).toEqual([{ index: 0, problem: { kind: 'duplicate', of: 'minh-anh.json' } }]);
      expect(await tabB.count('ledger')).toBe(4);
    } finally {
      tabA.close();
      tabB.close();
    }
  });
});
