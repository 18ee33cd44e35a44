import { describe, expect, test } from 'vitest';
import type { LedgerEntry, SessionEntry } from '../../../src/lib/domain/ledger.schema';
import {
  arrivedRecords,
  checkRollupInput,
  emptyRollupInput,
  expectedNames,
  exportDay,
  placeUnderReceiver,
  planMerge,
  reportingStatus,
  rollupSchema,
  rollupTotals,
  toRollup,
  toRollupInput,
  type Dated,
  type ReceivedFile,
  type Rollup,
  type RollupInput,
} from '../../../src/lib/domain/rollup';
import type { Unit } from '../../../src/lib/domain/unit.schema';
import { makeCampaignActivity, makeSessionEntry, makeUnit } from '../../builders';

const t1 = '2027-03-01T08:00:00.000Z';
const t2 = '2027-03-02T08:00:00.000Z';
const t3 = '2027-03-03T08:00:00.000Z';

const byId = (records: readonly Dated[]) => new Map(records.map((r) => [r.id, r]));
const edit = (record: SessionEntry, updatedAt: string, participants = record.participants): SessionEntry => ({
  ...record,
  participants,
  updatedAt,
});

describe('Merging records into the device', () => {
  const a = makeSessionEntry({ updatedAt: t2 });
  const b = makeSessionEntry({ updatedAt: t2 });

  test('Records the device lacks are added', () => {
    expect(planMerge(new Map(), [a, b])).toEqual({ writes: [a, b], added: 2, replaced: 0, unchanged: 0 });
  });

  test('The same records again change nothing, so importing a file twice is harmless', () => {
    const plan = planMerge(byId([a, b]), [{ ...a }, { ...b }]);
    expect(plan).toEqual({ writes: [], added: 0, replaced: 0, unchanged: 2 });
  });

  test('A later edit replaces the device’s copy; an earlier one is ignored', () => {
    const newer = edit(a, t3, 45);
    expect(planMerge(byId([a]), [newer])).toEqual({ writes: [newer], added: 0, replaced: 1, unchanged: 0 });
    expect(planMerge(byId([a]), [edit(a, t1, 12)])).toEqual({
      writes: [],
      added: 0,
      replaced: 0,
      unchanged: 1,
    });
  });

  test('Within one batch the latest edit of a record wins, whatever the order the files came in', () => {
    const early = edit(a, t1, 10);
    const late = edit(a, t3, 30);
    for (const batch of [
      [early, late],
      [late, early],
    ]) {
      expect(planMerge(new Map(), batch)).toEqual({ writes: [late], added: 1, replaced: 0, unchanged: 1 });
      expect(planMerge(byId([edit(a, t2, 20)]), batch)).toEqual({
        writes: [late],
        added: 0,
        replaced: 1,
        unchanged: 1,
      });
    }
  });

  test('Every incoming record is counted once: added, replaced or unchanged', () => {
    const c = makeSessionEntry({ updatedAt: t1 });
    const incoming = [edit(a, t1), edit(b, t3, 50), { ...b }, c];
    const plan = planMerge(byId([a, b]), incoming);
    expect(plan.writes).toEqual([edit(b, t3, 50), c]);
    expect(plan).toMatchObject({ added: 1, replaced: 1, unchanged: 2 });
    expect(plan.added + plan.replaced + plan.unchanged).toBe(incoming.length);
  });
});

/** A moment in the device's own time zone, so the day it falls on is the same everywhere. */
const local = (day: string, hours: number, minutes = 0) => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date, hours, minutes).toISOString();
};

describe('The reporting status of a round', () => {
  const minhAnh = crypto.randomUUID();
  const hoaBinh = crypto.randomUUID();
  const stranger = crypto.randomUUID();
  let files = 0;
  const received = (unitId: string, unitName: string, exportedAt: string): ReceivedFile => ({
    hash: (++files).toString(16).padStart(64, '0'),
    fileName: `thong-ke-${files}.json`,
    unitId,
    unitName,
    exportedAt,
    importedAt: '2027-07-10T02:00:00.000Z',
    records: 10,
    added: 10,
    replaced: 0,
  });
  const round = (...received: ReceivedFile[]) => ({
    expected: ['Công ty TNHH May Minh Anh', 'Công ty CP Giày Hòa Bình', 'Công ty TNHH Điện tử Phú Thịnh'],
    deadline: '2027-07-05',
    files: received,
  });

  test('The export day is the device’s local day', () => {
    expect(exportDay(local('2027-07-05', 23, 30))).toBe('2027-07-05');
    expect(exportDay(local('2027-07-06', 0, 15))).toBe('2027-07-06');
  });

  test('A file exported on the deadline day, even late in the evening, is on time; the day after, late', () => {
    const onTime = received(minhAnh, 'Công ty TNHH May Minh Anh', local('2027-07-05', 23, 30));
    const late = received(hoaBinh, 'Công ty CP Giày Hòa Bình', local('2027-07-06', 0, 15));
    const status = reportingStatus(round(onTime, late));
    expect(status.rows).toEqual([
      { name: 'Công ty TNHH May Minh Anh', state: 'on-time', first: onTime, files: 1, unitId: minhAnh },
      { name: 'Công ty CP Giày Hòa Bình', state: 'late', first: late, files: 1, unitId: hoaBinh },
      { name: 'Công ty TNHH Điện tử Phú Thịnh', state: 'missing', files: 0 },
    ]);
    expect(status.counts).toEqual({ 'on-time': 1, late: 1, missing: 1 });
    expect(status.unexpected).toEqual([]);
  });

  test('A unit whose records of the period arrived by sync has reported: on time when its first was made by the deadline', () => {
    const minhAnhUnit = makeUnit({ name: 'Công ty TNHH May Minh Anh' });
    const workshop = makeUnit({ name: 'Xưởng 2', parentId: minhAnhUnit.id });
    const phuThinh = makeUnit({ name: 'Công ty TNHH Điện tử Phú Thịnh' });
    const entries = [
      // Under Minh Anh's workshop, made on the deadline day, late in the evening.
      makeSessionEntry({ unitId: workshop.id, date: '2027-06-20', createdAt: local('2027-07-05', 23, 30) }),
      makeSessionEntry({ unitId: minhAnhUnit.id, date: '2027-06-21', createdAt: local('2027-07-08', 9) }),
      // Phú Thịnh's only record in the period was made after the deadline; one outside the period does not count.
      makeSessionEntry({ unitId: phuThinh.id, date: '2027-06-25', createdAt: local('2027-07-06', 8) }),
      makeSessionEntry({ unitId: phuThinh.id, date: '2027-05-02', createdAt: local('2027-05-02', 8) }),
    ];
    const period = { ...round(), from: '2027-06-01', to: '2027-06-30' };
    const arrived = arrivedRecords(period, [minhAnhUnit, workshop, phuThinh], entries);
    expect([...arrived.values()]).toEqual(['2027-07-05', '2027-07-06']);
    // A file, when one came, still decides.
    const file = received(hoaBinh, 'Công ty CP Giày Hòa Bình', local('2027-07-04', 10));
    const status = reportingStatus(round(file), arrived);
    expect(status.rows.map((row) => [row.state, row.synced, row.files])).toEqual([
      ['on-time', '2027-07-05', 0],
      ['on-time', undefined, 1],
      ['late', '2027-07-06', 0],
    ]);
    expect(reportingStatus(round()).counts).toEqual({ 'on-time': 0, late: 0, missing: 3 });
  });

  test('With no file yet, every expected unit is missing', () => {
    const status = reportingStatus(round());
    expect(status.rows.map((row) => row.state)).toEqual(['missing', 'missing', 'missing']);
    expect(status.counts).toEqual({ 'on-time': 0, late: 0, missing: 3 });
  });

  test('A sender’s name matches the expected one whatever its case, spacing or Unicode form', () => {
    const typed = '  công ty  tnhh MAY   Minh Anh '.normalize('NFD');
    expect(typed.normalize('NFC')).not.toBe(typed);
    const file = received(minhAnh, typed, local('2027-07-03', 9));
    const status = reportingStatus({
      ...round(file),
      expected: ['Công ty May Minh Anh', 'Công ty TNHH May Minh Anh'],
    });
    expect(status.rows).toEqual([
      { name: 'Công ty May Minh Anh', state: 'missing', files: 0 },
      { name: 'Công ty TNHH May Minh Anh', state: 'on-time', first: file, files: 1, unitId: minhAnh },
    ]);
    // Decomposed Vietnamese (as some Mac keyboards type it) and composed are the same name.
    const decomposed = received(hoaBinh, 'Công ty CP Giày Hòa Bình'.normalize('NFD'), local('2027-07-03', 9));
    expect(reportingStatus(round(decomposed)).rows[1]).toMatchObject({ state: 'on-time', files: 1 });
  });

  test('Two files from one unit count once, and its earliest export settles on time or late', () => {
    const resent = received(minhAnh, 'Công ty TNHH May Minh Anh', local('2027-07-08', 10));
    const first = received(minhAnh, 'Công ty TNHH May Minh Anh', local('2027-07-04', 10));
    const status = reportingStatus(round(resent, first));
    expect(status.rows[0]).toEqual({
      name: 'Công ty TNHH May Minh Anh',
      state: 'on-time',
      first,
      files: 2,
      unitId: minhAnh,
    });
    expect(status.counts).toEqual({ 'on-time': 1, late: 0, missing: 2 });
    const lateTwice = reportingStatus(
      round(
        received(hoaBinh, 'Công ty CP Giày Hòa Bình', local('2027-07-09', 10)),
        received(hoaBinh, 'Công ty CP Giày Hòa Bình', local('2027-07-07', 10)),
      ),
    );
    expect(lateTwice.rows[1]).toMatchObject({
      state: 'late',
      files: 2,
      first: { exportedAt: local('2027-07-07', 10) },
    });
  });

  test('Files from units not on the list are shown apart, one row per sender, and not counted', () => {
    const early = received(stranger, 'Công ty CP Nhựa Việt Hưng', local('2027-07-02', 10));
    const again = received(stranger, 'Công ty CP Nhựa Việt Hưng', local('2027-07-12', 10));
    const expected = received(minhAnh, 'Công ty TNHH May Minh Anh', local('2027-07-02', 10));
    const status = reportingStatus(round(again, expected, early));
    expect(status.unexpected).toEqual([
      { name: 'Công ty CP Nhựa Việt Hưng', state: 'on-time', first: early, files: 2, unitId: stranger },
    ]);
    expect(status.rows.map((row) => row.state)).toEqual(['on-time', 'missing', 'missing']);
    expect(status.counts).toEqual({ 'on-time': 1, late: 0, missing: 2 });
  });
});

describe('The totals of a round', () => {
  const zone = makeUnit({ name: 'KCN Quang Châu', kind: 'industrial-zone' });
  const minhAnh = makeUnit({ name: 'Công ty TNHH May Minh Anh', parentId: zone.id });
  const workshop1 = makeUnit({ name: 'Phân xưởng 1', kind: 'other', parentId: minhAnh.id });
  const workshop2 = makeUnit({ name: 'Phân xưởng 2', kind: 'other', parentId: minhAnh.id });
  const hoaBinh = makeUnit({ name: 'Công ty CP Giày Hòa Bình', parentId: zone.id });
  const elsewhere = makeUnit({ name: 'Công ty CP Nhựa Việt Hưng' });
  const units = [zone, minhAnh, workshop1, workshop2, hoaBinh, elsewhere];
  const entries: LedgerEntry[] = [
    makeSessionEntry({ unitId: minhAnh.id, date: '2027-01-01', participants: 40, women: 25 }),
    makeSessionEntry({ unitId: workshop1.id, date: '2027-03-15', participants: 30, women: 10 }),
    makeCampaignActivity({ unitId: workshop2.id, date: '2027-06-30', participants: 20 }),
    // Outside the period: the day before it starts and the day after it ends.
    makeSessionEntry({ unitId: minhAnh.id, date: '2026-12-31', participants: 99, women: 0 }),
    makeSessionEntry({ unitId: workshop1.id, date: '2027-07-01', participants: 77, women: 0 }),
    makeSessionEntry({ unitId: hoaBinh.id, date: '2027-04-10', participants: 50, women: 20 }),
    makeCampaignActivity({ unitId: zone.id, date: '2027-06-02', participants: 200 }),
    // Not under any sender.
    makeSessionEntry({ unitId: elsewhere.id, date: '2027-04-10', participants: 70, women: 30 }),
  ];
  const file = (
    unit: { id: string; name: string },
    exportedAt = '2027-07-02T03:00:00.000Z',
  ): ReceivedFile => ({
    hash: 'f'.repeat(64),
    fileName: 'thong-ke.json',
    unitId: unit.id,
    unitName: unit.name,
    exportedAt,
    importedAt: '2027-07-03T03:00:00.000Z',
    records: 1,
    added: 1,
    replaced: 0,
  });
  const period = { from: '2027-01-01', to: '2027-06-30' };

  test('Each sender has the period’s totals of everything under it, and its child units as rows', () => {
    const { senders } = rollupTotals({ ...period, files: [file(minhAnh), file(hoaBinh)] }, entries, units);
    expect(senders.map((s) => s.name)).toEqual(['Công ty CP Giày Hòa Bình', 'Công ty TNHH May Minh Anh']);
    const [hoa, minh] = senders;
    expect(minh?.figures).toMatchObject({
      records: 3,
      sessions: 2,
      participants: 90,
      women: 35,
      students: 0,
    });
    expect(minh?.children).toEqual([
      { unitId: workshop1.id, name: 'Phân xưởng 1', participants: 30, records: 1 },
      { unitId: workshop2.id, name: 'Phân xưởng 2', participants: 20, records: 1 },
    ]);
    expect(hoa).toMatchObject({
      unitId: hoaBinh.id,
      figures: { records: 1, participants: 50 },
      children: [],
    });
  });

  test('Two files from one sender make one row', () => {
    const { senders, total } = rollupTotals(
      { ...period, files: [file(minhAnh), file(minhAnh, '2027-07-04T03:00:00.000Z')] },
      entries,
      units,
    );
    expect(senders).toHaveLength(1);
    expect(total).toMatchObject({ records: 3, participants: 90 });
  });

  test('The grand total counts a record once when one sender lies under another', () => {
    const { senders, total } = rollupTotals(
      { ...period, files: [file(zone), file(minhAnh), file(hoaBinh)] },
      entries,
      units,
    );
    const zoneRow = senders.find((s) => s.unitId === zone.id);
    expect(zoneRow?.figures).toMatchObject({ records: 5, participants: 340 });
    expect(zoneRow?.children).toEqual([
      { unitId: minhAnh.id, name: 'Công ty TNHH May Minh Anh', participants: 90, records: 3 },
      { unitId: hoaBinh.id, name: 'Công ty CP Giày Hòa Bình', participants: 50, records: 1 },
    ]);
    // 340, not 340 + 90 + 50.
    expect(total).toMatchObject({ records: 5, sessions: 3, participants: 340, women: 55 });
  });

  test('A sender the device has no unit for is named as its file named it, with nothing counted', () => {
    const unknown = { id: crypto.randomUUID(), name: 'Công ty TNHH Điện tử Phú Thịnh' };
    const { senders, total } = rollupTotals({ ...period, files: [file(unknown)] }, entries, units);
    expect(senders).toEqual([
      {
        unitId: unknown.id,
        name: unknown.name,
        figures: expect.objectContaining({ records: 0 }),
        children: [],
      },
    ]);
    expect(total.records).toBe(0);
  });
});

describe('A reporting round', () => {
  const valid: Rollup = {
    id: crypto.randomUUID(),
    name: 'Báo cáo 6 tháng đầu năm 2027',
    from: '2027-01-01',
    to: '2027-06-30',
    deadline: '2027-07-05',
    expected: ['Công ty TNHH May Minh Anh'],
    files: [],
    createdAt: t1,
    updatedAt: t1,
  };

  test('A round of one day or more is valid', () => {
    expect(rollupSchema.safeParse(valid).success).toBe(true);
    expect(rollupSchema.safeParse({ ...valid, to: valid.from }).success).toBe(true);
  });

  test('A period that ends before it starts is refused, the end named', () => {
    const result = rollupSchema.safeParse({ ...valid, from: '2027-06-30', to: '2027-01-01' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['to']]);
  });

  test('A round needs a name, and an expected unit needs one too', () => {
    expect(rollupSchema.safeParse({ ...valid, name: '   ' }).success).toBe(false);
    expect(rollupSchema.safeParse({ ...valid, expected: [''] }).success).toBe(false);
  });
});

describe('Placing a sender under the round’s receiving unit', () => {
  const union = makeUnit({ name: 'Công đoàn KCN Quang Châu', kind: 'union' });
  const zone = makeUnit({ name: 'KCN Quang Châu', kind: 'industrial-zone' });
  const minhAnh = makeUnit({ name: 'Công ty TNHH May Minh Anh', parentId: zone.id });
  const workshop = makeUnit({ name: 'Phân xưởng 1', kind: 'other', parentId: minhAnh.id });
  const byId = new Map<string, Unit>([union, zone, minhAnh, workshop].map((u) => [u.id, u]));
  const now = new Date('2027-07-03T02:00:00.000Z');

  test('The sender becomes a child of the receiver, edited now', () => {
    expect(placeUnderReceiver(minhAnh, union.id, byId, now)).toEqual({
      ...minhAnh,
      parentId: union.id,
      updatedAt: now.toISOString(),
    });
  });

  test('A sender edited later than the import keeps its own time, so importing it again changes nothing', () => {
    const ahead = { ...minhAnh, updatedAt: '2027-07-10T00:00:00.000Z' };
    const placed = placeUnderReceiver(ahead, union.id, byId, now);
    expect(placed).toEqual({ ...ahead, parentId: union.id });
    // The file's copy is not newer than the placed one: a second import leaves it placed.
    expect(planMerge(new Map([[ahead.id, placed!]]), [ahead]).writes).toEqual([]);
  });

  test('Nothing changes without a receiver, when it is the receiver, or when it is under it already', () => {
    expect(placeUnderReceiver(minhAnh, undefined, byId, now)).toBeNull();
    expect(placeUnderReceiver(union, union.id, byId, now)).toBeNull();
    expect(placeUnderReceiver(minhAnh, zone.id, byId, now)).toBeNull();
  });

  test('A sender is never placed under one of its own units, which would make a loop', () => {
    expect(placeUnderReceiver(minhAnh, workshop.id, byId, now)).toBeNull();
    expect(placeUnderReceiver(zone, workshop.id, byId, now)).toBeNull();
  });
});

describe('The round’s form', () => {
  const now = new Date('2027-06-20T03:00:00.000Z');
  const zone = makeUnit({ name: 'KCN Quang Châu', kind: 'industrial-zone' });
  const valid = (overrides: Partial<RollupInput> = {}): RollupInput => ({
    ...emptyRollupInput('2027-06-20'),
    name: 'Báo cáo 6 tháng đầu năm 2027',
    expected: 'Công ty TNHH May Minh Anh\nCông ty CP Giày Hòa Bình',
    ...overrides,
  });
  let ids = 0;
  const newId = () => `00000000-0000-4000-8000-${(++ids).toString(16).padStart(12, '0')}`;

  test('A new round covers the first half of the year, due on 1 July', () => {
    expect(emptyRollupInput('2027-03-15')).toMatchObject({
      from: '2027-01-01',
      to: '2027-06-30',
      deadline: '2027-07-01',
      receiver: '',
      expected: '',
    });
  });

  test('Expected names are one a line, trimmed, blank lines dropped, each once whatever its case', () => {
    expect(
      expectedNames(
        '  Công ty TNHH May Minh Anh \r\n\ncông ty tnhh may  minh anh\nCông ty CP Giày Hòa Bình\n',
      ),
    ).toEqual(['Công ty TNHH May Minh Anh', 'Công ty CP Giày Hòa Bình']);
  });

  test('A complete form has no problems', () => {
    expect(checkRollupInput(valid())).toEqual({});
  });

  test('The name and the three dates are required, the dates real ones', () => {
    expect(checkRollupInput(valid({ name: ' ', from: '', to: '2027-02-30', deadline: 'ngày mai' }))).toEqual({
      name: 'required',
      from: 'required',
      to: 'invalid',
      deadline: 'invalid',
    });
  });

  test('The period cannot end before it starts, nor the deadline fall before the period ends', () => {
    expect(checkRollupInput(valid({ from: '2027-07-01', to: '2027-06-30' }))).toEqual({ to: 'before-start' });
    expect(checkRollupInput(valid({ deadline: '2027-06-29' }))).toEqual({ deadline: 'before-end' });
    expect(checkRollupInput(valid({ deadline: '2027-06-30' }))).toEqual({});
  });

  test('Too long a name, receiver or expected unit, or too many expected units, is named', () => {
    expect(checkRollupInput(valid({ name: 'x'.repeat(161) })).name).toBe('too-long');
    expect(checkRollupInput(valid({ receiver: 'x'.repeat(121) })).receiver).toBe('too-long');
    expect(checkRollupInput(valid({ expected: 'x'.repeat(121) })).expected).toBe('too-long');
    const many = Array.from({ length: 501 }, (_, i) => `Công ty số ${i + 1}`).join('\n');
    expect(checkRollupInput(valid({ expected: many })).expected).toBe('too-many');
  });

  test('A receiver found on the device by name is used; a new one is made with the kind chosen', () => {
    const found = toRollup(valid({ receiver: ' kcn  quang châu ' }), [zone], { newId, now });
    expect(found.created).toEqual([]);
    expect(found.round.receiverId).toBe(zone.id);
    expect(rollupSchema.safeParse(found.round).success).toBe(true);

    const made = toRollup(valid({ receiver: 'Xã  Quang Châu', receiverKind: 'commune' }), [zone], {
      newId,
      now,
    });
    expect(made.created).toEqual([
      expect.objectContaining({ name: 'Xã Quang Châu', kind: 'commune', createdAt: now.toISOString() }),
    ]);
    expect(made.round.receiverId).toBe(made.created[0]?.id);

    expect(toRollup(valid(), [zone], { newId, now }).round).not.toHaveProperty('receiverId');
  });

  test('Editing a round keeps its id, its creation time and its files; it opens in the form as it was saved', () => {
    const { round } = toRollup(valid({ receiver: 'KCN Quang Châu' }), [zone], { newId, now });
    const file: ReceivedFile = {
      hash: 'a'.repeat(64),
      fileName: 'thong-ke.json',
      unitId: zone.id,
      unitName: zone.name,
      exportedAt: t1,
      importedAt: t2,
      records: 1,
      added: 1,
      replaced: 0,
    };
    const existing = { ...round, files: [file] };
    const later = new Date('2027-06-25T03:00:00.000Z');
    const edited = toRollup({ ...toRollupInput(existing, [zone]), name: 'Báo cáo sơ kết' }, [zone], {
      newId,
      now: later,
      existing,
    }).round;
    expect(edited).toEqual({ ...existing, name: 'Báo cáo sơ kết', updatedAt: later.toISOString() });
    expect(toRollupInput(existing, [zone])).toEqual(valid({ receiver: 'KCN Quang Châu' }));
  });
});
