import { describe, expect, test } from 'vitest';
import type { Attempt } from '../../../src/lib/domain/attempt.schema';
import { ledgerEntrySchema, type LedgerEntry } from '../../../src/lib/domain/ledger.schema';
import {
  filterAttempts,
  filterEntries,
  isWithin,
  keyFigures,
  noFilter,
  participantsByAudience,
  participantsByMonth,
  participantsByUnit,
  participantsEachUnit,
  scoreBands,
  scoreDistribution,
} from '../../../src/lib/domain/statistics';
import type { Unit } from '../../../src/lib/domain/unit.schema';
import { makeAnswer, makeAttempt } from '../../builders';

const at = '2027-01-01T00:00:00.000Z';
const id = () => crypto.randomUUID();
const unit = (name: string, parentId?: string): Unit => ({
  id: id(),
  name,
  kind: 'other',
  ...(parentId ? { parentId } : {}),
  createdAt: at,
  updatedAt: at,
});
// KCN Quang Châu ⊃ Công ty May Minh Anh; Phường Võ Cường ⊃ Trường THCS Võ Cường.
const zone = unit('KCN Quang Châu');
const company = unit('Công ty TNHH May Minh Anh', zone.id);
const ward = unit('Phường Võ Cường');
const school = unit('Trường THCS Võ Cường', ward.id);
const units = [zone, company, ward, school];

const check = (right: number, wrong: number) => [
  { questionId: 'law-01', correct: ['a'], tallies: { a: right, b: wrong } },
];
function session(date: string, participants: number, women: number, extra: object = {}): LedgerEntry {
  return ledgerEntrySchema.parse({
    id: id(),
    kind: 'session',
    unitId: company.id,
    date,
    audience: 'workers',
    participants,
    women,
    durationMinutes: 45,
    topics: [],
    materials: [],
    createdAt: at,
    updatedAt: at,
    ...extra,
  });
}
const classId = id();
const schoolActivity = (date: string, students: number): LedgerEntry =>
  ledgerEntrySchema.parse({
    id: id(),
    kind: 'school-activity',
    unitId: school.id,
    date,
    activity: 'talk',
    audience: 'thcs',
    classes: [{ unitId: classId, students }],
    participants: students,
    topics: [],
    materials: [],
    createdAt: at,
    updatedAt: at,
  });

const entries = [
  session('2027-03-10', 40, 25, { check: { before: check(10, 30), after: check(30, 10) } }),
  session('2027-05-02', 30, 10),
  schoolActivity('2027-03-20', 120),
  schoolActivity('2027-06-01', 80),
];

describe('Statistics', () => {
  test('A unit counts with everything under it, and a loop in the tree does not hang', () => {
    const byId = new Map(units.map((u) => [u.id, u]));
    expect(isWithin(company.id, zone.id, byId)).toBe(true);
    expect(isWithin(zone.id, company.id, byId)).toBe(false);
    const a = unit('A');
    const b = { ...unit('B', a.id) };
    const loop = new Map([
      [a.id, { ...a, parentId: b.id }],
      [b.id, b],
    ]);
    expect(isWithin(a.id, zone.id, loop)).toBe(false);
  });

  test('Filters by period (both days included), unit subtree, audience and kind', () => {
    expect(filterEntries(entries, noFilter, units)).toHaveLength(4);
    expect(filterEntries(entries, { ...noFilter, from: '2027-03-20', to: '2027-05-02' }, units)).toHaveLength(
      2,
    );
    expect(filterEntries(entries, { ...noFilter, unitId: zone.id }, units).map((e) => e.kind)).toEqual([
      'session',
      'session',
    ]);
    expect(filterEntries(entries, { ...noFilter, audience: 'thcs' }, units)).toHaveLength(2);
    expect(
      filterEntries(entries, { ...noFilter, kind: 'school-activity', unitId: ward.id }, units),
    ).toHaveLength(2);
  });

  test('Key figures add people of every kind, women of sessions, students of schools, and the check before and after', () => {
    const attempts = [
      { finishedAt: '2027-03-01T02:00:00.000Z', answers: [{ correct: true }, { correct: false }] },
      { finishedAt: '2027-04-01T02:00:00.000Z', answers: [{ correct: true }, { correct: true }] },
    ] as unknown as Attempt[];
    const figures = keyFigures(entries, attempts);
    // 40 + 30 + 120 + 80 = 270 people; women 25 + 10; students 200; scores ½ and 1 → 0.75.
    expect(figures).toMatchObject({
      records: 4,
      sessions: 2,
      participants: 270,
      women: 35,
      students: 200,
      attempts: 2,
    });
    expect(figures.averageScore).toBe(0.75);
    // The check: 10 of 40 right before, 30 of 40 after: +50 points.
    expect(figures.check.before.share).toBe(0.25);
    expect(figures.check.after.share).toBe(0.75);
    expect(figures.check.change).toBe(0.5);
    expect(keyFigures([], []).averageScore).toBeNull();
    expect(filterAttempts(attempts, { from: '2027-03-15', to: '' })).toHaveLength(1);
  });

  test('Participants per month include the empty months between, by audience, and by the units under a parent', () => {
    expect(participantsByMonth(entries)).toEqual([
      { month: '2027-03', participants: 160 },
      { month: '2027-04', participants: 0 },
      { month: '2027-05', participants: 30 },
      { month: '2027-06', participants: 80 },
    ]);
    expect(participantsByAudience(entries)).toEqual([
      { audience: 'workers', participants: 70 },
      { audience: 'thcs', participants: 200 },
    ]);
    expect(participantsByUnit(entries, units)).toEqual([
      { unitId: ward.id, participants: 200, records: 2 },
      { unitId: zone.id, participants: 70, records: 2 },
    ]);
    expect(participantsByUnit(entries, units, zone.id)).toEqual([
      { unitId: company.id, participants: 70, records: 2 },
    ]);
  });
});

describe('Figures for each unit', () => {
  // KCN Đình Trám ⊃ Công ty TNHH Điện tử Tân Hưng (37 + 42 workers) and Xí nghiệp Bao bì Đông Á (15);
  // a second zone with an enterprise that held nothing; a school with a class.
  const dinhTram = unit('KCN Đình Trám');
  const tanHung = unit('Công ty TNHH Điện tử Tân Hưng', dinhTram.id);
  const dongA = unit('Xí nghiệp Bao bì Đông Á', dinhTram.id);
  const queVo = unit('KCN Quế Võ');
  const idle = unit('Công ty CP Cơ khí Việt Yên', queVo.id);
  const thcs = { ...unit('Trường THCS Võ Cường'), kind: 'school' as const };
  const class6A1 = { ...unit('6A1', thcs.id), kind: 'class' as const };
  const all = [queVo, idle, dongA, tanHung, dinhTram, thcs, class6A1];
  const at = (unitId: string, date: string, participants: number) =>
    session(date, participants, 0, { unitId });
  const records = [
    at(tanHung.id, '2027-03-10', 37),
    at(dongA.id, '2027-04-02', 15),
    at(tanHung.id, '2027-05-12', 42),
  ];

  test('A zone with two enterprises lists the zone and each enterprise with its parent and its own figures, which add up to the total', () => {
    const rows = participantsEachUnit(records, all, dinhTram.id);
    expect(rows).toEqual([
      { unitId: dinhTram.id, parentId: '', records: 0, participants: 0 },
      { unitId: tanHung.id, parentId: dinhTram.id, records: 2, participants: 79 },
      { unitId: dongA.id, parentId: dinhTram.id, records: 1, participants: 15 },
    ]);
    expect(rows.reduce((sum, row) => sum + row.participants, 0)).toBe(keyFigures(records, []).participants);
    // The chart's rows are the same enterprises, each with everything under it.
    expect(participantsByUnit(records, all, dinhTram.id).map((row) => row.unitId)).toEqual([
      tanHung.id,
      dongA.id,
    ]);
  });

  test('With all units, every unit is listed in tree order, those that held nothing with zeros, classes only when they hold records', () => {
    const names = (rows: ReturnType<typeof participantsEachUnit>) =>
      rows.map((row) => all.find((u) => u.id === row.unitId)?.name);
    expect(names(participantsEachUnit(records, all))).toEqual([
      'KCN Đình Trám',
      'Công ty TNHH Điện tử Tân Hưng',
      'Xí nghiệp Bao bì Đông Á',
      'KCN Quế Võ',
      'Công ty CP Cơ khí Việt Yên',
      'Trường THCS Võ Cường',
    ]);
    const classSession = at(class6A1.id, '2027-03-11', 30);
    const rows = participantsEachUnit([...records, classSession], all);
    expect(rows.at(-1)).toEqual({ unitId: class6A1.id, parentId: thcs.id, records: 1, participants: 30 });
  });

  test('A unit filtered on keeps its parent’s name although the parent lies outside the filter', () => {
    expect(participantsEachUnit(records, all, tanHung.id)).toEqual([
      { unitId: tanHung.id, parentId: dinhTram.id, records: 2, participants: 79 },
    ]);
  });
});

describe('The score distribution of quiz attempts', () => {
  /** An attempt with `correct` of `total` answers right. */
  const scored = (correct: number, total: number): Attempt =>
    makeAttempt({ answers: Array.from({ length: total }, (_, i) => makeAnswer({ correct: i < correct })) });
  const counts = (attempts: Attempt[]) => scoreDistribution(attempts).map((band) => band.attempts);

  test('There are five bands of 20 points, from 0 to 100', () => {
    expect(scoreDistribution([])).toEqual([
      { from: 0, to: 20, attempts: 0 },
      { from: 20, to: 40, attempts: 0 },
      { from: 40, to: 60, attempts: 0 },
      { from: 60, to: 80, attempts: 0 },
      { from: 80, to: 100, attempts: 0 },
    ]);
    expect(scoreDistribution([]).map((band) => [band.from, band.to])).toEqual(scoreBands.map((b) => [...b]));
  });

  test('A score on an edge goes to the band above it: 20% to 20–40, 80% to 80–100', () => {
    expect(counts([scored(0, 5)])).toEqual([1, 0, 0, 0, 0]);
    expect(counts([scored(1, 5)])).toEqual([0, 1, 0, 0, 0]);
    expect(counts([scored(2, 5)])).toEqual([0, 0, 1, 0, 0]);
    expect(counts([scored(3, 5)])).toEqual([0, 0, 0, 1, 0]);
    expect(counts([scored(4, 5)])).toEqual([0, 0, 0, 0, 1]);
    // Just under an edge stays below it.
    expect(counts([scored(19, 100), scored(39, 100), scored(79, 100)])).toEqual([1, 1, 0, 1, 0]);
  });

  test('A perfect score is in the last band', () => {
    expect(counts([scored(5, 5), scored(1, 1), scored(99, 100)])).toEqual([0, 0, 0, 0, 3]);
  });

  test('An attempt without answers is left out', () => {
    // attemptSchema requires an answer; an attempt from elsewhere may still have none.
    const empty = { ...makeAttempt(), answers: [] } as Attempt;
    expect(counts([empty, scored(3, 10)])).toEqual([0, 1, 0, 0, 0]);
  });
});
