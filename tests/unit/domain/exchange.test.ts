import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import {
  checkStatisticsFile,
  exportingUnitOf,
  fileText,
  statisticsFile,
  statisticsSummary,
  unitsFor,
  type StatisticsFile,
} from '../../../src/lib/domain/exchange';
import { noFilter } from '../../../src/lib/domain/statistics';
import type { Unit } from '../../../src/lib/domain/unit.schema';
import {
  makeCampaignActivity,
  makeSchoolActivity,
  makeSessionEntry,
  makeStatisticsFile,
  makeUnit,
} from '../../builders';

// KCN Quang Châu ⊃ Công ty TNHH May Minh Anh ⊃ Phân xưởng 1.
const zone = makeUnit({ name: 'KCN Quang Châu', kind: 'industrial-zone' });
const company = makeUnit({ name: 'Công ty TNHH May Minh Anh', parentId: zone.id });
const workshop = makeUnit({ name: 'Phân xưởng 1', kind: 'other', parentId: company.id });
const units = [zone, company, workshop];
const records = [
  makeSessionEntry({ unitId: company.id, date: '2027-03-10', participants: 40, women: 25 }),
  makeSessionEntry({ unitId: workshop.id, date: '2027-05-02', participants: 30, women: 10 }),
  makeCampaignActivity({ unitId: company.id, date: '2027-06-02', participants: 120 }),
];

/** The receiving device's clock: a few days after the files were exported. */
const now = new Date('2027-07-05T02:00:00.000Z');

const validFile = (overrides: Partial<StatisticsFile> = {}) =>
  makeStatisticsFile(company, records, units, overrides);
const text = (file: unknown) => JSON.stringify(file, null, 2);
/** The file without some of its fields, as a hand-edited or older file would be. */
const without = (...keys: string[]) =>
  text(Object.fromEntries(Object.entries(validFile()).filter(([key]) => !keys.includes(key))));
const problemOf = (body: string, fileName = 'thong-ke.json') => {
  const result = checkStatisticsFile(body, fileName, now);
  return result.ok ? null : result.problem;
};

describe('Reading a statistics file for a roll-up', () => {
  test('A complete file is accepted with its exporting unit, its units and its records parsed', () => {
    const result = checkStatisticsFile(text(validFile()), 'thong-ke.json', now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.checked.exportingUnit).toEqual({ id: company.id, name: company.name, kind: 'enterprise' });
    expect(result.checked.units).toEqual(units);
    expect(result.checked.records).toEqual(records);
    expect(result.checked.file.figures).toMatchObject({ records: 3, sessions: 2, participants: 190 });
  });

  test('A file that starts with a byte-order mark (saved by Notepad) is accepted', () => {
    const result = checkStatisticsFile(`\uFEFF${text(validFile())}`, 'thong-ke.json', now);
    expect(result.ok).toBe(true);
  });

  test('A file written by the statistics screen with its detail reads back whole', () => {
    const summary = statisticsSummary(
      { units, entries: records, attempts: [] },
      { ...noFilter, unitId: company.id },
      '2027-07-01',
    );
    const file = statisticsFile(summary, units, company, new Date('2027-07-01T03:00:00.000Z'), true);
    const result = checkStatisticsFile(JSON.stringify(file), 'thong-ke.json', now);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.checked.records).toEqual(records);
  });

  test('Records leave the device without the names of who led them or free-text notes', () => {
    const named = [
      makeSessionEntry({ unitId: company.id, facilitator: 'Nguyễn Văn An', notes: 'Chị Hoa hỗ trợ' }),
      makeSchoolActivity({ unitId: company.id, deliveredBy: 'Cô Lan', notes: 'Ghi chú' }),
      makeCampaignActivity({ unitId: company.id, notes: 'Anh Tuấn phụ trách' }),
    ];
    const summary = statisticsSummary({ units, entries: named, attempts: [] }, noFilter, '2027-07-01');
    const file = statisticsFile(summary, units, company, new Date('2027-07-01T03:00:00.000Z'), true);
    const text = JSON.stringify(file);
    for (const name of ['Nguyễn Văn An', 'Chị Hoa', 'Cô Lan', 'Ghi chú', 'Anh Tuấn'])
      expect(text).not.toContain(name);
    expect(file.records).toHaveLength(3);
  });

  test('An empty file, or one holding only spaces and a byte-order mark, is empty', () => {
    expect(problemOf('')).toEqual({ kind: 'empty' });
    expect(problemOf('\uFEFF  \r\n\t')).toEqual({ kind: 'empty' });
  });

  test('A CSV file is named as such, by its name or by its content', () => {
    expect(problemOf('Đơn vị\nCông ty TNHH May Minh Anh', 'x.csv')).toEqual({ kind: 'csv' });
    expect(problemOf('Đơn vị;Số người\nCông ty TNHH May Minh Anh;40', 'thong-ke.json')).toEqual({
      kind: 'csv',
    });
    expect(problemOf('"Đơn vị","Số người"\r\n"Phân xưởng 1",30', '')).toEqual({ kind: 'csv' });
  });

  test('Truncated JSON is not JSON', () => {
    const whole = text(validFile());
    expect(problemOf(whole.slice(0, whole.length / 2))).toEqual({ kind: 'not-json' });
  });

  test('A backup of the whole device is told apart from a statistics file', () => {
    const backup = {
      format: 'chung-tay/backup',
      version: 6,
      exportedAt: '2027-07-01T03:00:00.000Z',
      stores: {},
    };
    expect(problemOf(text(backup))).toEqual({ kind: 'backup' });
  });

  test('JSON of another kind, or no object at all, is the wrong kind', () => {
    expect(problemOf(text({ ...validFile(), kind: 'chung-tay/campaign' }))).toEqual({ kind: 'wrong-kind' });
    expect(problemOf(without('kind'))).toEqual({ kind: 'wrong-kind' });
    for (const body of ['null', '[]', '42', '"chung-tay/statistics"'])
      expect(problemOf(body), body).toEqual({ kind: 'wrong-kind' });
  });

  test('A file from a newer version of the app is refused with its version, whatever its shape', () => {
    expect(problemOf(text({ ...validFile(), formatVersion: 2 }))).toEqual({ kind: 'newer', version: 2 });
    expect(problemOf(text({ kind: 'chung-tay/statistics', formatVersion: 3, totals: {} }))).toEqual({
      kind: 'newer',
      version: 3,
    });
  });

  test('A file missing a part, or with a part it should not have, has the wrong shape', () => {
    expect(problemOf(without('figures'))).toEqual({ kind: 'wrong-shape' });
    expect(problemOf(without('exportedAt'))).toEqual({ kind: 'wrong-shape' });
    expect(problemOf(text({ ...validFile(), extra: true }))).toEqual({ kind: 'wrong-shape' });
    const { sessions: _sessions, ...figures } = validFile().figures;
    expect(problemOf(text({ ...validFile(), figures }))).toEqual({ kind: 'wrong-shape' });
  });

  test('A file of the figures only, without the records or the units, has no detail to roll up', () => {
    expect(problemOf(without('records', 'units'))).toEqual({ kind: 'no-detail' });
    expect(problemOf(without('records'))).toEqual({ kind: 'no-detail' });
    expect(problemOf(without('units'))).toEqual({ kind: 'no-detail' });
  });

  test('A file that names no exporting unit cannot be told apart from another sender', () => {
    expect(problemOf(text(validFile({ exportingUnit: null })))).toEqual({ kind: 'no-unit' });
  });

  test('Damaged records are counted, the first one numbered from 1', () => {
    const bad = [
      records[0],
      { ...records[1], participants: -3 },
      records[2],
      { ...records[0], id: 'not-a-uuid' },
    ];
    expect(problemOf(text({ ...validFile(), records: bad }))).toEqual({
      kind: 'bad-records',
      count: 2,
      first: 2,
    });
    // A rule across fields: more women than participants.
    expect(problemOf(text({ ...validFile(), records: [{ ...records[0], women: 41 }] }))).toEqual({
      kind: 'bad-records',
      count: 1,
      first: 1,
    });
  });

  test('Damaged units are counted, the first one numbered from 1', () => {
    const bad = [zone, company, { ...workshop, name: '' }];
    expect(problemOf(text({ ...validFile(), units: bad }))).toEqual({
      kind: 'bad-units',
      count: 1,
      first: 3,
    });
  });

  test('Records whose unit is not in the file are counted as pointing at an unknown unit', () => {
    expect(problemOf(text({ ...validFile(), units: [zone, company] }))).toEqual({
      kind: 'unknown-unit',
      count: 1,
    });
  });

  test('A school activity reaching a class the file does not carry points at an unknown unit too', () => {
    const school = makeUnit({ name: 'Trường THCS Võ Cường', kind: 'school' });
    const activity = makeSchoolActivity({ unitId: school.id });
    const file = makeStatisticsFile(school, [activity], [school]);
    expect(problemOf(text(file))).toEqual({ kind: 'unknown-unit', count: 1 });
  });

  test('An exporting unit named only with spaces is the wrong shape, not an accepted file', () => {
    const blank = validFile({ exportingUnit: { id: company.id, name: '   ', kind: 'enterprise' } });
    expect(problemOf(text(blank))).toEqual({ kind: 'wrong-shape' });
  });
});

describe('The units a file carries', () => {
  test('Each record’s unit comes with every unit above it, each once', () => {
    const other = makeUnit({ name: 'Công ty CP Giày Hòa Bình' });
    const carried = unitsFor(records, [other, workshop, company, zone]);
    expect(carried.map((u) => u.name).sort()).toEqual([
      'Công ty TNHH May Minh Anh',
      'KCN Quang Châu',
      'Phân xưởng 1',
    ]);
  });

  test('A school activity brings the classes it reached, their school and its commune', () => {
    const commune = makeUnit({ name: 'Phường Võ Cường', kind: 'commune' });
    const school = makeUnit({ name: 'Trường THCS Võ Cường', kind: 'school', parentId: commune.id });
    const c6a1 = makeUnit({ name: '6A1', kind: 'class', parentId: school.id });
    const c9a3 = makeUnit({ name: '9A3', kind: 'class', parentId: school.id });
    const untouched = makeUnit({ name: '7A1', kind: 'class', parentId: school.id });
    const activity = makeSchoolActivity({
      unitId: school.id,
      classes: [
        { unitId: c6a1.id, students: 36 },
        { unitId: c9a3.id, students: 40 },
      ],
    });
    const carried = unitsFor([activity], [commune, school, c6a1, c9a3, untouched]);
    expect(carried.map((u) => u.name).sort()).toEqual([
      '6A1',
      '9A3',
      'Phường Võ Cường',
      'Trường THCS Võ Cường',
    ]);
    expect(new Set(carried.map((u) => u.id)).size).toBe(carried.length);
  });

  test('A loop in the parents ends the walk, and a unit the device does not have is left out', () => {
    const a = makeUnit({ name: 'A' });
    const b = makeUnit({ name: 'B', parentId: a.id });
    const looped: Unit[] = [{ ...a, parentId: b.id }, b];
    const record = makeSessionEntry({ unitId: b.id });
    expect(unitsFor([record], looped).map((u) => u.name)).toEqual(['B', 'A']);
    expect(unitsFor([makeSessionEntry({ unitId: crypto.randomUUID() })], looped)).toEqual([]);
  });
});

describe('The unit a file says it comes from', () => {
  const other = makeUnit({ name: 'Công ty CP Giày Hòa Bình' });
  const all = [...units, other];

  test('The unit filtered on, when there is one', () => {
    expect(exportingUnitOf(records, all, company.id)).toBe(company);
    expect(exportingUnitOf([], all, workshop.id)).toBe(workshop);
  });

  test('Without a filter, the one top-level unit every record lies under', () => {
    expect(exportingUnitOf(records, all, '')).toBe(zone);
  });

  test('None when the records lie under several top-level units, or there are none', () => {
    expect(exportingUnitOf([...records, makeSessionEntry({ unitId: other.id })], all, '')).toBeUndefined();
    expect(exportingUnitOf([], all, '')).toBeUndefined();
  });

  test('A loop in the parents does not hang', () => {
    const a = makeUnit({ name: 'A' });
    const b = makeUnit({ name: 'B', parentId: a.id });
    const looped: Unit[] = [{ ...a, parentId: b.id }, b];
    expect(exportingUnitOf([makeSessionEntry({ unitId: b.id })], looped, '')?.name).toBeDefined();
  });
});

describe('The trust rules a file must keep on its own (issue 21)', () => {
  test('A file whose sending unit is not among its units is refused, not stored under no sender', () => {
    const stranger = makeUnit({ name: 'Công ty lạ' });
    expect(problemOf(text(makeStatisticsFile(stranger, records, units)))).toEqual({ kind: 'sender-missing' });
  });

  test('One record twice, with different counts, is refused instead of keeping the first copy', () => {
    const [first] = records;
    const twice = [...records, { ...first, participants: 400 }];
    expect(problemOf(text(validFile({ records: twice })))).toEqual({
      kind: 'duplicate-id',
      what: 'records',
      first: 4,
    });
    expect(problemOf(text(validFile({ units: [...units, { ...workshop, name: 'Phân xưởng 9' }] })))).toEqual({
      kind: 'duplicate-id',
      what: 'units',
      first: 4,
    });
  });

  test('Units that point up at each other, or at themselves, are refused as a loop', () => {
    const a = makeUnit({ name: 'Đơn vị A', kind: 'other' });
    const b = makeUnit({ name: 'Đơn vị B', kind: 'other', parentId: a.id });
    const loop = [{ ...a, parentId: b.id }, b, { ...company, parentId: b.id }, workshop];
    expect(problemOf(text(validFile({ units: loop })))?.kind).toBe('unit-cycle');
    const self = [zone, { ...company, parentId: company.id }, workshop];
    expect(problemOf(text(validFile({ units: self })))).toEqual({
      kind: 'unit-cycle',
      name: 'Công ty TNHH May Minh Anh',
    });
  });

  test('A record of a unit outside the sender (its parent zone, or a unit beside it) is refused', () => {
    const beside = makeUnit({ name: 'Công ty bên cạnh', parentId: zone.id });
    const foreign = [
      ...records,
      makeSessionEntry({ unitId: zone.id }),
      makeSessionEntry({ unitId: beside.id }),
    ];
    expect(problemOf(text(validFile({ units: [...units, beside], records: foreign })))).toEqual({
      kind: 'outside-sender',
      count: 2,
    });
  });

  test('The sender’s subtree is what may be written: the sender and its workshop, not the zone above', () => {
    const result = checkStatisticsFile(text(validFile()), 'thong-ke.json', now);
    expect(result.ok && result.checked.subtree.map((u) => u.name)).toEqual([
      'Công ty TNHH May Minh Anh',
      'Phân xưởng 1',
    ]);
  });

  test('A time more than a day ahead of the device’s clock is refused, naming the device’s time; a few hours ahead is fine', () => {
    const ahead = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();
    const future = { kind: 'future', today: now.toISOString() };
    expect(problemOf(text(validFile({ exportedAt: '2099-01-01T00:00:00.000Z' })))).toEqual(future);
    const [first, ...rest] = records;
    const record2099 = [{ ...first, updatedAt: '2099-01-01T00:00:00.000Z' }, ...rest];
    expect(problemOf(text(validFile({ records: record2099 })))).toEqual(future);
    const unit2099 = [zone, { ...company, updatedAt: '2099-01-01T00:00:00.000Z' }, workshop];
    expect(problemOf(text(validFile({ units: unit2099 })))).toEqual(future);
    expect(problemOf(text(validFile({ exportedAt: ahead(25) })))).toEqual(future);
    expect(problemOf(text(validFile({ exportedAt: ahead(7) })))).toBeNull();
  });

  test('A record or a unit updated before it was created is refused with its number', () => {
    const [first, second, third] = records;
    const backwards = [
      first,
      { ...second, createdAt: '2027-06-01T00:00:00.000Z', updatedAt: '2027-05-01T00:00:00.000Z' },
      third,
    ];
    expect(problemOf(text(validFile({ records: backwards })))).toEqual({
      kind: 'created-after-updated',
      what: 'records',
      first: 2,
    });
    const unitBackwards = [zone, company, { ...workshop, createdAt: '2027-06-01T00:00:00.000Z' }];
    expect(problemOf(text(validFile({ units: unitBackwards })))).toEqual({
      kind: 'created-after-updated',
      what: 'units',
      first: 3,
    });
  });
});

describe('A file’s bytes before it is read as JSON', () => {
  test('A file saved as UTF-16 (with its byte-order mark) reads as the same file, Vietnamese intact', () => {
    const body = text(validFile());
    const utf16 = new Uint8Array(2 + body.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < body.length; i++) {
      utf16[2 + i * 2] = body.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = body.charCodeAt(i) >> 8;
    }
    const read = fileText(utf16);
    expect(read.ok && checkStatisticsFile(read.text, 'thong-ke.json', now).ok).toBe(true);
    expect(read.ok && read.text).toContain('Công ty TNHH May Minh Anh');
  });

  test('An Excel workbook renamed .json is named as a workbook, not called a CSV file', () => {
    const workbook = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook/>'),
    });
    expect(fileText(workbook)).toEqual({ ok: false, problem: { kind: 'not-text', what: 'xlsx' } });
  });

  test('A Windows-1258 file is refused with its encoding named, never read as garbled text', () => {
    const bytes = readFileSync(new URL('../../fixtures/lop-hoc-windows-1258.csv', import.meta.url));
    expect(fileText(new Uint8Array(bytes))).toEqual({
      ok: false,
      problem: { kind: 'encoding', encoding: 'windows-1258' },
    });
  });

  test('An empty file is empty', () => {
    expect(fileText(new Uint8Array())).toEqual({ ok: false, problem: { kind: 'empty' } });
  });
});
