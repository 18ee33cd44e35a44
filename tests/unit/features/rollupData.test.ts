import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  RollupData,
  type ImportProgress,
  type RollupClock,
} from '../../../src/features/rollup/rollupData.svelte';
import { emptyRollupInput, type RollupInput } from '../../../src/lib/domain/rollup';
import { openDatabase, type Database } from '../../../src/lib/storage/connection';
import { listEntries } from '../../../src/lib/storage/ledgerStore';
import { getRollup, listRollups } from '../../../src/lib/storage/rollupStore';
import { listUnits } from '../../../src/lib/storage/unitStore';
import { badRecordFile, makeUnitFiles, malformedFile } from '../../fixtures/rollup/unitFiles.mjs';
import { announceFromOtherTab, failStoreRequests, openTwoTabs } from './tabs';

/** Fixed times (a few days after the files were exported) and predictable ids. */
function fixedClock(at = '2027-07-03T02:00:00.000Z'): RollupClock {
  let counter = 0;
  return {
    now: () => new Date(at),
    newId: () => `00000000-0000-4000-9000-${(++counter).toString(16).padStart(12, '0')}`,
  };
}

function roundInput(overrides: Partial<RollupInput> = {}): RollupInput {
  return {
    ...emptyRollupInput('2027-07-03'),
    name: 'Báo cáo 6 tháng đầu năm 2027',
    receiver: 'Ban quản lý KCN Quang Châu',
    expected: 'Công ty TNHH May Minh Anh\nCông ty CP Giày Hòa Bình',
    ...overrides,
  };
}

/** The files three enterprises send, as the browser hands them over. */
const unitFiles = makeUnitFiles({ units: 3, recordsPerFile: 6 });
const asFile = ({ name, text }: { name: string; text: string }) => new File([text], name);
const goodFiles = () => unitFiles.files.map(asFile);

let db: Database;
let data: RollupData;

beforeEach(async () => {
  db = await openDatabase({ factory: new IDBFactory() });
  data = new RollupData(db, fixedClock());
  await data.refresh();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  db.close();
});

describe('Starting a round and saving its set-up', () => {
  test('A new round is stored with its new receiving unit, and shown', async () => {
    const round = await data.createRollup(roundInput());

    expect(round).toMatchObject({ name: 'Báo cáo 6 tháng đầu năm 2027', from: '2027-01-01', files: [] });
    expect(await listRollups(db)).toEqual([round]);
    const units = await listUnits(db);
    expect(units).toEqual([
      expect.objectContaining({ name: 'Ban quản lý KCN Quang Châu', kind: 'industrial-zone' }),
    ]);
    expect(round?.receiverId).toBe(units[0]?.id);
    expect(data.rollups).toEqual([round]);
    expect(data.failure).toBeNull();
  });

  test('A saved set-up changes the round and keeps its files', async () => {
    const round = await data.createRollup(roundInput());
    if (!round) throw new Error('not created');
    await data.importFiles(round.id, goodFiles());

    const saved = await data.saveRollup(
      round.id,
      roundInput({ name: 'Báo cáo 6 tháng (bổ sung)', deadline: '2027-07-10' }),
    );

    expect(saved).toBe(true);
    const stored = await getRollup(db, round.id);
    expect(stored).toMatchObject({ name: 'Báo cáo 6 tháng (bổ sung)', deadline: '2027-07-10' });
    expect(stored?.files).toHaveLength(3);
    expect(data.rollup(round.id)).toEqual(stored);
  });

  test('Saving a round that is not on the device stores nothing', async () => {
    expect(await data.saveRollup(crypto.randomUUID(), roundInput())).toBe(false);
    expect(await listRollups(db)).toEqual([]);
  });

  test('A full disk keeps the form’s round unstored and says so', async () => {
    failStoreRequests(db, 'put');
    expect(await data.createRollup(roundInput())).toBeUndefined();
    expect(data.failure).toBe('full');
    vi.restoreAllMocks();
    expect(await listRollups(db)).toEqual([]);
  });
});

describe('Importing files into a round', () => {
  test('Good files are imported, and the device’s figures and the round show them without reading back', async () => {
    const round = await data.createRollup(roundInput());
    if (!round) throw new Error('not created');
    const progress: ImportProgress[] = [];

    const report = await data.importFiles(round.id, goodFiles(), (p) => progress.push(p));

    expect(report.failure).toBeNull();
    expect(report.space).toBeNull();
    expect(report.outcomes).toEqual(
      unitFiles.files.map((file, i) =>
        expect.objectContaining({
          fileName: file.name,
          accepted: true,
          unitName: unitFiles.unitNames[i],
          records: unitFiles.totals.byUnit[unitFiles.unitNames[i] ?? '']?.records,
        }),
      ),
    );
    expect(progress[0]).toEqual({ checked: 0, total: 3, records: null });
    expect(progress.at(-1)).toEqual({ checked: 3, total: 3, records: unitFiles.totals.records });
    // Taken in from what was written, as stored.
    expect(data.entries).toHaveLength(unitFiles.totals.records);
    expect(data.rollup(round.id)?.files).toHaveLength(3);
    expect(await listEntries(db)).toHaveLength(unitFiles.totals.records);
    expect(await getRollup(db, round.id)).toEqual(data.rollup(round.id));
  });

  test('Each refused file is listed with its reason in the order given, and the good ones still go in', async () => {
    const round = await data.createRollup(roundInput());
    if (!round) throw new Error('not created');
    const [first, second] = unitFiles.files;
    if (!first || !second) throw new Error('fixture');
    await data.importFiles(round.id, [asFile(first)]);

    const report = await data.importFiles(round.id, [
      asFile(malformedFile()),
      asFile(first),
      asFile(second),
      asFile({ ...second, name: 'ban-sao.json' }),
      asFile(badRecordFile()),
    ]);

    expect(report.outcomes.map((o) => [o.fileName, o.accepted ? 'accepted' : o.problem.kind])).toEqual([
      ['hong.json', 'not-json'],
      [first.name, 'duplicate'],
      [second.name, 'accepted'],
      ['ban-sao.json', 'duplicate'],
      ['loi-ban-ghi.json', expect.any(String)],
    ]);
    expect(report.outcomes[4]).toMatchObject({ accepted: false });
    expect(data.rollup(round.id)?.files.map((f) => f.fileName)).toEqual([first.name, second.name]);
  });

  test('A full disk writes nothing, keeps what was shown, and reports the failure', async () => {
    const round = await data.createRollup(roundInput());
    if (!round) throw new Error('not created');
    failStoreRequests(db, 'put');

    const report = await data.importFiles(round.id, [...goodFiles(), asFile(malformedFile())]);

    expect(report.failure).toBe('full');
    // Only the files refused on reading are listed: nothing was imported.
    expect(report.outcomes).toEqual([expect.objectContaining({ fileName: 'hong.json', accepted: false })]);
    expect(data.entries).toEqual([]);
    expect(data.rollup(round.id)?.files).toEqual([]);
    vi.restoreAllMocks();
    expect(await listEntries(db)).toEqual([]);
    expect((await getRollup(db, round.id))?.files).toEqual([]);
  });

  test('Files that would not fit on the device are refused with what they need and what is left', async () => {
    const round = await data.createRollup(roundInput());
    if (!round) throw new Error('not created');
    vi.stubGlobal('navigator', {
      storage: { estimate: async () => ({ quota: 2_000_000, usage: 1_000_000 }) },
    });

    const report = await data.importFiles(round.id, goodFiles());

    expect(report).toEqual({
      outcomes: [],
      space: { needed: expect.any(Number), available: 1_000_000 },
      failure: null,
    });
    expect(report.space?.needed).toBeGreaterThan(1_000_000);
    expect(await listEntries(db)).toEqual([]);
  });

  test('Large files are imported only when the user says so, after being told what they need', async () => {
    const round = await data.createRollup(roundInput());
    if (!round) throw new Error('not created');
    const big = makeUnitFiles({
      units: 1,
      recordsPerFile: 8_000,
      exportedAt: '2027-07-01T03:00:00.000Z',
    }).files.map(asFile);
    expect(big[0]?.size).toBeGreaterThan(2 * 1024 * 1024);
    const asked: number[] = [];

    const declined = await data.importFiles(round.id, big, undefined, async (needed) => {
      asked.push(needed);
      return false;
    });
    expect(declined).toEqual({ outcomes: [], space: null, failure: null, cancelled: true });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toBeGreaterThan(5 * (big[0]?.size ?? 0));
    expect(await listEntries(db)).toEqual([]);

    const accepted = await data.importFiles(round.id, big, undefined, async () => true);
    expect(accepted.outcomes).toEqual([expect.objectContaining({ accepted: true, records: 8_000 })]);
    expect(await listEntries(db)).toHaveLength(8_000);
  });

  test('Small files are imported without asking', async () => {
    const round = await data.createRollup(roundInput());
    if (!round) throw new Error('not created');
    const ask = vi.fn(async () => false);
    const report = await data.importFiles(round.id, goodFiles(), undefined, ask);
    expect(ask).not.toHaveBeenCalled();
    expect(report.outcomes.every((o) => o.accepted)).toBe(true);
  });

  test('Nothing happens for no files or a round not on the device', async () => {
    expect(await data.importFiles(crypto.randomUUID(), goodFiles())).toEqual({
      outcomes: [],
      space: null,
      failure: null,
    });
    expect(await listEntries(db)).toEqual([]);
  });
});

describe('Two tabs', () => {
  let tabs: Awaited<ReturnType<typeof openTwoTabs>>;
  beforeEach(async () => {
    tabs = await openTwoTabs();
  });
  afterEach(() => tabs.close());

  test('A tab shows the files another tab imported once it hears of them', async () => {
    const a = new RollupData(tabs.tabA, fixedClock());
    const b = new RollupData(tabs.tabB, fixedClock());
    await a.refresh();
    const round = await a.createRollup(roundInput());
    if (!round) throw new Error('not created');
    const stop = b.watch();
    await vi.waitFor(() => expect(b.rollup(round.id)?.files).toEqual([]));

    await a.importFiles(round.id, goodFiles());
    announceFromOtherTab('rollups');

    await vi.waitFor(() => expect(b.rollup(round.id)?.files).toHaveLength(3));
    expect(b.rollup(round.id)).toEqual(a.rollup(round.id));
    expect(b.entries).toHaveLength(unitFiles.totals.records);
    stop();
  });

  test('A set-up saved from a tab that has not seen another tab’s import keeps the imported files', async () => {
    const a = new RollupData(tabs.tabA, fixedClock());
    const b = new RollupData(tabs.tabB, fixedClock());
    await a.refresh();
    const round = await a.createRollup(roundInput());
    if (!round) throw new Error('not created');
    await b.refresh();

    await a.importFiles(round.id, goodFiles());
    expect(await b.saveRollup(round.id, roundInput({ name: 'Đổi tên từ thẻ khác' }))).toBe(true);

    expect(b.rollup(round.id)).toMatchObject({ name: 'Đổi tên từ thẻ khác' });
    expect(b.rollup(round.id)?.files).toHaveLength(3);
  });
});
