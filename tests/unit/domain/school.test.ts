import { describe, expect, test } from 'vitest';
import {
  schoolActivityEntrySchema,
  type LedgerEntry,
  type SchoolActivityEntry,
  type SessionEntry,
} from '../../../src/lib/domain/ledger.schema';
import {
  checkActivityInput,
  checkClassRange,
  checkSchoolInput,
  currentYear,
  defaultSchoolYear,
  emptyActivityInput,
  nextSchoolYear,
  reachesOf,
  schoolAudience,
  schoolCoverage,
  schoolsCoverage,
  toActivityEntry,
  toActivityInput,
  toClassUnits,
  toSchoolUnits,
  yearLabel,
  type ActivityInput,
  type School,
  type SchoolClass,
  type SchoolInput,
} from '../../../src/lib/domain/school';
import {
  unitSchema,
  type SchoolLevel,
  type SchoolYearRecord,
  type Unit,
} from '../../../src/lib/domain/unit.schema';

const at = '2026-09-01T01:00:00.000Z';
const now = new Date('2026-11-20T03:00:00.000Z');
const uuid = () => crypto.randomUUID();

function makeSchool(name: string, years: SchoolYearRecord[], level: SchoolLevel = 'lower-secondary'): School {
  return { id: uuid(), name, kind: 'school', school: { level, years }, createdAt: at, updatedAt: at };
}

function makeClass(
  school: School,
  yearId: string,
  name: string,
  enrollment: number,
  removedOn?: string,
): SchoolClass {
  return {
    id: uuid(),
    name,
    kind: 'class',
    parentId: school.id,
    class: { yearId, grade: name.slice(0, 1), enrollment, ...(removedOn ? { removedOn } : {}) },
    createdAt: at,
    updatedAt: at,
  };
}

const thisYear: SchoolYearRecord = { id: uuid(), start: '2026-09-05', end: '2027-05-31' };
const lastYear: SchoolYearRecord = { id: uuid(), start: '2025-09-05', end: '2026-05-31' };

describe('School basics', () => {
  test('A lower-secondary school takes the THCS quiz, upper-secondary and vocational the THPT one, primary none', () => {
    expect(schoolAudience('lower-secondary')).toBe('thcs');
    expect(schoolAudience('upper-secondary')).toBe('thpt');
    expect(schoolAudience('vocational-higher')).toBe('thpt');
    expect(schoolAudience('primary')).toBeUndefined();
  });

  test('The default school year runs from 1 September to 31 May around today, starting a new one from August', () => {
    expect(defaultSchoolYear('2026-12-02')).toEqual({ start: '2026-09-01', end: '2027-05-31' });
    expect(defaultSchoolYear('2027-03-10')).toEqual({ start: '2026-09-01', end: '2027-05-31' });
    expect(defaultSchoolYear('2027-07-15')).toEqual({ start: '2026-09-01', end: '2027-05-31' });
    expect(defaultSchoolYear('2027-08-20')).toEqual({ start: '2027-09-01', end: '2028-05-31' });
  });

  test('A school year is labelled by its first and last calendar years, or one year when they are the same', () => {
    expect(yearLabel({ start: '2026-09-05', end: '2027-05-31' })).toBe('2026–2027');
    expect(yearLabel({ start: '2027-01-10', end: '2027-12-20' })).toBe('2027');
  });

  test('The current year is the one today falls in, else the latest one', () => {
    const school = makeSchool('Trường THCS Lê Lợi', [thisYear, lastYear]);
    expect(currentYear(school, '2026-10-01')).toBe(thisYear);
    expect(currentYear(school, '2025-12-01')).toBe(lastYear);
    expect(currentYear(school, '2026-09-05')).toBe(thisYear);
    // The summer between two years, and a day before any year: the latest one.
    expect(currentYear(school, '2026-07-01')).toBe(thisYear);
    expect(currentYear(school, '2024-01-01')).toBe(thisYear);
  });

  test('The next year keeps the latest year’s days, a year on; a school with no year has none', () => {
    const school = makeSchool('Trường THCS Lê Lợi', [lastYear, thisYear]);
    expect(nextSchoolYear(school)).toEqual({ start: '2027-09-05', end: '2028-05-31' });
    expect(nextSchoolYear({ ...school, school: { ...school.school, years: [] } })).toBeUndefined();
  });
});

describe('The school form', () => {
  const valid = (overrides: Partial<SchoolInput> = {}): SchoolInput => ({
    name: 'Trường THCS Lê Lợi',
    level: 'lower-secondary',
    commune: 'Phường Võ Cường',
    start: '2026-09-05',
    end: '2027-05-31',
    ...overrides,
  });
  const existing = makeSchool('Trường THCS Lê Lợi', [thisYear]);
  const commune: Unit = {
    id: uuid(),
    name: 'Phường Võ Cường',
    kind: 'commune',
    createdAt: at,
    updatedAt: at,
  };
  const units: Unit[] = [existing, commune];

  test('A complete form has no problems', () => {
    expect(checkSchoolInput(valid({ name: 'Trường THCS Võ Cường' }), units)).toEqual({});
    expect(checkSchoolInput(valid({ commune: '' }), [])).toEqual({});
  });

  test('The name and the level are required', () => {
    expect(checkSchoolInput(valid({ name: '   ', level: '' }), [])).toEqual({
      name: 'required',
      level: 'required',
    });
    expect(checkSchoolInput(valid({ name: 'x'.repeat(121) }), []).name).toBe('too-long');
  });

  test('A school named like another one, ignoring case and spacing, is a duplicate', () => {
    expect(checkSchoolInput(valid({ name: '  trường  THCS lê LỢI ' }), units)).toEqual({ name: 'duplicate' });
  });

  test('The school being edited is not a duplicate of itself, and a commune of that name is no school', () => {
    expect(checkSchoolInput(valid(), units, existing.id)).toEqual({});
    expect(checkSchoolInput(valid({ name: 'Phường Võ Cường', commune: '' }), units)).toEqual({});
  });

  test('The commune cannot be the school itself', () => {
    expect(checkSchoolInput(valid({ name: 'Trường Mới', commune: ' trường  mới' }), units)).toEqual({
      commune: 'same-as-school',
    });
  });

  test('Both dates are required and must be real dates', () => {
    expect(checkSchoolInput(valid({ start: '', end: ' ' }), [])).toEqual({
      start: 'required',
      end: 'required',
    });
    expect(checkSchoolInput(valid({ start: '5/9/2026', end: '2027-13-01' }), [])).toEqual({
      start: 'invalid',
      end: 'invalid',
    });
    // Days that do not exist are refused, not rolled over to the next month.
    expect(checkSchoolInput(valid({ start: '2026-09-31', end: '2027-02-29' }), [])).toEqual({
      start: 'invalid',
      end: 'invalid',
    });
    expect(checkSchoolInput(valid({ end: '2028-02-29', start: '2027-09-05' }), [])).toEqual({});
  });

  test('The year must end after it starts', () => {
    expect(checkSchoolInput(valid({ end: '2026-09-01' }), [])).toEqual({ end: 'before-start' });
    expect(checkSchoolInput(valid({ end: '2026-09-05' }), [])).toEqual({ end: 'before-start' });
    // With an unreadable start, the end is not compared with it.
    expect(checkSchoolInput(valid({ start: 'abc', end: '2026-01-01' }), [])).toEqual({ start: 'invalid' });
  });

  test('A school year longer than 400 days is a typing error', () => {
    // 2026-09-01 → 2027-10-06 is exactly 400 days (365 + 30 + 5).
    expect(checkSchoolInput(valid({ start: '2026-09-01', end: '2027-10-06' }), [])).toEqual({});
    expect(checkSchoolInput(valid({ start: '2026-09-01', end: '2027-10-07' }), [])).toEqual({
      end: 'too-long-year',
    });
    expect(checkSchoolInput(valid({ start: '2026-09-05', end: '2028-05-31' }), [])).toEqual({
      end: 'too-long-year',
    });
  });

  test('A new school with a new commune writes both, the commune as a unit of kind commune and its parent', () => {
    const { school, created } = toSchoolUnits(
      valid({ name: ' Trường THCS  Võ Cường ', commune: 'Phường  Mới ' }),
      units,
      {
        newId: uuid,
        now,
      },
    );
    expect(created).toHaveLength(1);
    const [newCommune] = created;
    expect(newCommune).toMatchObject({ kind: 'commune', name: 'Phường Mới', createdAt: now.toISOString() });
    expect(school).toMatchObject({
      name: 'Trường THCS Võ Cường',
      kind: 'school',
      parentId: newCommune?.id,
      school: { level: 'lower-secondary', years: [{ start: '2026-09-05', end: '2027-05-31' }] },
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    expect(school.id).not.toBe(newCommune?.id);
    for (const unit of [school, ...created]) expect(unitSchema.safeParse(unit).success).toBe(true);
  });

  test('An existing commune is found by name and reused; no commune means no parent', () => {
    const reused = toSchoolUnits(valid({ name: 'Trường Mới', commune: 'phường võ  cường' }), units, {
      newId: uuid,
      now,
    });
    expect(reused.created).toEqual([]);
    expect(reused.school.parentId).toBe(commune.id);
    const none = toSchoolUnits(valid({ name: 'Trường Mới', commune: '  ' }), units, { newId: uuid, now });
    expect(none.created).toEqual([]);
    expect(none.school).not.toHaveProperty('parentId');
  });

  test('Editing a school keeps its id, its creation time and its other years; only the edited year changes', () => {
    const school = makeSchool('Trường THCS Lê Lợi', [lastYear, thisYear]);
    const { school: edited } = toSchoolUnits(
      valid({
        name: 'Trường THCS Lê Lợi (cơ sở 2)',
        level: 'upper-secondary',
        start: '2026-09-07',
        end: '2027-05-25',
      }),
      [school, commune],
      { newId: uuid, now, existing: school, yearId: thisYear.id },
    );
    expect(edited.id).toBe(school.id);
    expect(edited.createdAt).toBe(at);
    expect(edited.updatedAt).toBe(now.toISOString());
    expect(edited.name).toBe('Trường THCS Lê Lợi (cơ sở 2)');
    expect(edited.school).toEqual({
      level: 'upper-secondary',
      years: [lastYear, { id: thisYear.id, start: '2026-09-07', end: '2027-05-25' }],
    });
    expect(unitSchema.safeParse(edited).success).toBe(true);
  });
});

describe('Adding classes', () => {
  test('"6A1–6A8" with 35 students gives eight classes of grade 6 enrolling 35 each', () => {
    const { problems, classes } = checkClassRange('6A1–6A8', '35', []);
    expect(problems).toEqual({});
    expect(classes.map((c) => c.name)).toEqual(['6A1', '6A2', '6A3', '6A4', '6A5', '6A6', '6A7', '6A8']);
    expect(classes.every((c) => c.grade === '6' && c.enrollment === 35)).toBe(true);
  });

  test('"6A1-8" is short for 6A1 to 6A8', () => {
    expect(checkClassRange('6A1-8', '40', []).classes.map((c) => c.name)).toEqual([
      '6A1',
      '6A2',
      '6A3',
      '6A4',
      '6A5',
      '6A6',
      '6A7',
      '6A8',
    ]);
  });

  test('A class that already exists, ignoring case, is named and nothing is added', () => {
    expect(checkClassRange('6A1–6A8', '35', ['7A1', '6a3'])).toEqual({
      problems: { range: 'exists', existing: '6A3' },
      classes: [],
    });
  });

  test('The enrollment is required, a whole number, not negative and at most 200', () => {
    expect(checkClassRange('6A1', '', [])).toEqual({ problems: { enrollment: 'required' }, classes: [] });
    expect(checkClassRange('6A1', '-3', []).problems).toEqual({ enrollment: 'negative' });
    expect(checkClassRange('6A1', '35,5', []).problems).toEqual({ enrollment: 'whole-number' });
    expect(checkClassRange('6A1', '201', []).problems).toEqual({ enrollment: 'too-large' });
    expect(checkClassRange('6A1', '200', []).classes).toEqual([{ name: '6A1', grade: '6', enrollment: 200 }]);
  });

  test('A missing, backwards, mismatched or oversized range is named', () => {
    expect(checkClassRange('  ', '35', [])).toEqual({ problems: { range: 'required' }, classes: [] });
    expect(checkClassRange('6A8–6A1', '35', []).problems).toEqual({ range: 'invalid' });
    expect(checkClassRange('6A1–7B3', '35', []).problems).toEqual({ range: 'mismatch' });
    expect(checkClassRange('6A1–6A99', '35', []).problems).toEqual({ range: 'too-many' });
    expect(checkClassRange('6A1–6A8', 'abc', []).problems).toEqual({ enrollment: 'whole-number' });
  });

  test('Checked rows become class units of the school year, each with its own id', () => {
    const school = makeSchool('Trường THCS Lê Lợi', [thisYear]);
    const { classes } = checkClassRange('6A1–6A3', '35', []);
    const units = toClassUnits(
      [...classes, { name: '10 Toán', grade: '', enrollment: 30 }],
      school.id,
      thisYear.id,
      {
        newId: uuid,
        now,
      },
    );
    expect(units).toHaveLength(4);
    expect(new Set(units.map((u) => u.id)).size).toBe(4);
    expect(units[0]).toEqual({
      id: units[0]?.id,
      name: '6A1',
      kind: 'class',
      parentId: school.id,
      class: { yearId: thisYear.id, grade: '6', enrollment: 35 },
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    // A row without a grade takes it from the name.
    expect(units[3]?.class.grade).toBe('10');
    for (const unit of units) expect(unitSchema.safeParse(unit).success).toBe(true);
  });

  test('A class whose name gives no grade takes its name as the grade, cut to the longest grade allowed', () => {
    const { classes } = checkClassRange('Lớp năng khiếu tiếng Anh', '25', []);
    const [unit] = toClassUnits(classes, uuid(), thisYear.id, { newId: uuid, now });
    expect(unit?.name).toBe('Lớp năng khiếu tiếng Anh');
    expect(unit?.class.grade).toBe('Lớp năng khiếu tiếng');
    expect(unitSchema.safeParse(unit).success).toBe(true);
  });
});

describe('The activity form', () => {
  const school = makeSchool('Trường THCS Lê Lợi', [thisYear]);
  const c6a1 = makeClass(school, thisYear.id, '6A1', 35);
  const c6a2 = makeClass(school, thisYear.id, '6A2', 30);
  const c7a1 = makeClass(school, thisYear.id, '7A1', 40);
  const classes = [c6a1, c6a2, c7a1];
  const today = '2026-11-20';
  const valid = (overrides: Partial<ActivityInput> = {}): ActivityInput => ({
    ...emptyActivityInput(today),
    date: '2026-10-12',
    activity: 'flag-salute',
    classIds: [c6a1.id, c6a2.id],
    ...overrides,
  });

  test('A complete form has no problems, and leaving the students empty means all enrolled', () => {
    expect(checkActivityInput(valid(), classes, thisYear, today)).toEqual({
      problems: {},
      outsideYear: false,
    });
    expect(checkActivityInput(valid({ students: '65' }), classes, thisYear, today).problems).toEqual({});
  });

  test('The date is required, a real date, and not in the future', () => {
    const problems = (date: string) => checkActivityInput(valid({ date }), classes, thisYear, today).problems;
    expect(problems(' ')).toEqual({ date: 'required' });
    expect(problems('12/10/2026')).toEqual({ date: 'invalid' });
    expect(problems('2026-11-31')).toEqual({ date: 'invalid' });
    expect(problems('2026-11-21')).toEqual({ date: 'future' });
    expect(problems(today)).toEqual({});
  });

  test('The activity and at least one known class are required', () => {
    expect(checkActivityInput(valid({ activity: '' }), classes, thisYear, today).problems).toEqual({
      activity: 'required',
    });
    expect(checkActivityInput(valid({ classIds: [] }), classes, thisYear, today).problems).toEqual({
      classIds: 'required',
    });
    expect(checkActivityInput(valid({ classIds: [uuid()] }), classes, thisYear, today).problems).toEqual({
      classIds: 'required',
    });
  });

  test('Students cannot be more than the chosen classes enroll, nor fewer than one', () => {
    // 6A1 and 6A2 enroll 35 + 30 = 65.
    expect(checkActivityInput(valid({ students: '66' }), classes, thisYear, today).problems).toEqual({
      students: 'more-than-enrolled',
    });
    expect(checkActivityInput(valid({ students: '0' }), classes, thisYear, today).problems).toEqual({
      students: 'too-small',
    });
    expect(checkActivityInput(valid({ students: '-4' }), classes, thisYear, today).problems).toEqual({
      students: 'negative',
    });
    expect(checkActivityInput(valid({ students: '2,5' }), classes, thisYear, today).problems).toEqual({
      students: 'whole-number',
    });
  });

  test('Who delivered it and the notes have a length limit', () => {
    expect(
      checkActivityInput(
        valid({ deliveredBy: 'x'.repeat(121), notes: 'y'.repeat(1001) }),
        classes,
        thisYear,
        today,
      ).problems,
    ).toEqual({ deliveredBy: 'too-long', notes: 'too-long' });
  });

  test('A date outside the school year is a warning, not a problem; its first and last days are inside', () => {
    const later = '2027-07-01';
    const check = (date: string) => checkActivityInput(valid({ date }), classes, thisYear, later);
    expect(check('2026-09-04')).toEqual({ problems: {}, outsideYear: true });
    expect(check('2026-09-05')).toEqual({ problems: {}, outsideYear: false });
    expect(check('2027-05-31')).toEqual({ problems: {}, outsideYear: false });
    expect(check('2027-06-01')).toEqual({ problems: {}, outsideYear: true });
    // No warning about a date that is itself wrong.
    expect(check('').outsideYear).toBe(false);
  });

  test('The students are split across the classes by enrollment, summing to the number typed', () => {
    const input = valid({ classIds: [c6a1.id, c6a2.id, c7a1.id], students: '100', topics: ['law'] });
    const entry = toActivityEntry(input, school, classes, { id: uuid(), now });
    // 105 enrolled: 35, 30 and 40 × 100/105 = 33.33, 28.57, 38.10 → 33, 28, 38 (99), and the
    // one left goes to the largest remainder, 6A2.
    expect(entry.classes).toEqual([
      { unitId: c6a1.id, students: 33 },
      { unitId: c6a2.id, students: 29 },
      { unitId: c7a1.id, students: 38 },
    ]);
    expect(entry.participants).toBe(100);
    expect(entry).toMatchObject({
      kind: 'school-activity',
      unitId: school.id,
      date: '2026-10-12',
      activity: 'flag-salute',
      audience: 'thcs',
      topics: ['law'],
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    expect(schoolActivityEntrySchema.safeParse(entry).success).toBe(true);
  });

  test('With the students left empty, each class counts its enrollment', () => {
    const entry = toActivityEntry(valid(), school, classes, { id: uuid(), now });
    expect(entry.classes).toEqual([
      { unitId: c6a1.id, students: 35 },
      { unitId: c6a2.id, students: 30 },
    ]);
    expect(entry.participants).toBe(65);
    expect(schoolActivityEntrySchema.safeParse(entry).success).toBe(true);
  });

  test('A primary school’s activity has no audience; empty text fields are left out; the creation time is kept', () => {
    const primary = makeSchool('Trường Tiểu học Lê Lợi', [thisYear], 'primary');
    const entry = toActivityEntry(valid({ deliveredBy: '  ', notes: '  Có hỏi đáp. ' }), primary, classes, {
      id: uuid(),
      now,
      createdAt: at,
    });
    expect(entry).not.toHaveProperty('audience');
    expect(entry).not.toHaveProperty('deliveredBy');
    expect(entry.notes).toBe('Có hỏi đáp.');
    expect(entry.createdAt).toBe(at);
    expect(entry.updatedAt).toBe(now.toISOString());
    expect(schoolActivityEntrySchema.safeParse(entry).success).toBe(true);
  });

  test('A stored activity opens in the form as it was typed, and saves back to the same record', () => {
    const input = valid({
      classIds: [c6a1.id, c7a1.id],
      students: '60',
      topics: ['law', 'refusal'],
      materials: ['lam-tuong-ca-dem'],
      deliveredBy: 'Công an phường',
      notes: 'Tiết chào cờ.',
    });
    const entry = toActivityEntry(input, school, classes, { id: uuid(), now, createdAt: at });
    expect(toActivityInput(entry)).toEqual(input);
    expect(
      toActivityEntry(toActivityInput(entry), school, classes, { id: entry.id, now, createdAt: at }),
    ).toEqual(entry);
  });
});

describe('A school’s coverage from what is stored', () => {
  const school = makeSchool('Trường THCS Lê Lợi', [lastYear, thisYear]);
  const other = makeSchool('Trường THCS Võ Cường', [thisYear]);
  const c6a1 = makeClass(school, thisYear.id, '6A1', 35);
  const c6a2 = makeClass(school, thisYear.id, '6A2', 30);
  const c7a1 = makeClass(school, thisYear.id, '7A1', 40);
  const c7a2 = makeClass(school, thisYear.id, '7A2', 38);
  const c9a1 = makeClass(school, thisYear.id, '9A1', 42, '2026-12-15'); // removed after being reached
  const c9a3 = makeClass(school, thisYear.id, '9A3', 41, '2026-11-20'); // removed, never reached
  const old6a1 = makeClass(school, lastYear.id, '6A1', 36); // last year's class
  const otherClass = makeClass(other, thisYear.id, '6A1', 33);
  const enterprise: Unit = {
    id: uuid(),
    name: 'Công ty May',
    kind: 'enterprise',
    createdAt: at,
    updatedAt: at,
  };
  const units: Unit[] = [school, other, c7a2, c6a2, c9a3, c6a1, c9a1, c7a1, old6a1, otherClass, enterprise];

  const activity = (
    id: string,
    unitId: string,
    date: string,
    classes: Record<string, number>,
  ): SchoolActivityEntry => {
    const rows = Object.entries(classes).map(([classId, students]) => ({ unitId: classId, students }));
    return {
      id,
      kind: 'school-activity',
      unitId,
      date,
      activity: 'flag-salute',
      audience: 'thcs',
      classes: rows,
      participants: rows.reduce((sum, c) => sum + c.students, 0),
      topics: [],
      materials: [],
      createdAt: at,
      updatedAt: at,
    };
  };
  const session = (id: string, unitId: string, date: string, participants: number): SessionEntry => ({
    id,
    kind: 'session',
    unitId,
    date,
    audience: 'thcs',
    participants,
    durationMinutes: 45,
    topics: [],
    materials: [],
    createdAt: at,
    updatedAt: at,
  });
  const ids = {
    a1: uuid(),
    a2: uuid(),
    s1: uuid(),
    outside: uuid(),
    elsewhere: uuid(),
    s2: uuid(),
    old: uuid(),
  };
  const entries: LedgerEntry[] = [
    activity(ids.a1, school.id, '2026-10-12', { [c6a1.id]: 20, [c6a2.id]: 30 }),
    activity(ids.a2, school.id, '2026-11-03', { [c6a1.id]: 35, [c9a1.id]: 40 }),
    // A session held for 7A1 through the session flow: 55 people, but 7A1 enrolls 40.
    session(ids.s1, c7a1.id, '2026-12-01', 55),
    // Before the year started: it does not count.
    activity(ids.outside, school.id, '2026-09-04', { [c7a2.id]: 38 }),
    // Another school's activity, even one naming this school's class, does not count.
    activity(ids.elsewhere, other.id, '2026-10-12', { [otherClass.id]: 33, [c7a2.id]: 38 }),
    session(ids.s2, enterprise.id, '2026-10-20', 80),
    session(ids.old, old6a1.id, '2025-10-20', 36),
  ];

  test('The test units are valid stored units', () => {
    for (const unit of units) expect(unitSchema.safeParse(unit).success, unit.name).toBe(true);
  });

  test('Its reaches are its own school activities and the sessions held for one of its classes of the year', () => {
    const classes = units.filter(
      (u): u is SchoolClass =>
        u.kind === 'class' && u.parentId === school.id && u.class?.yearId === thisYear.id,
    );
    const reaches = reachesOf(school.id, classes, entries);
    expect(reaches.map((r) => r.id).sort()).toEqual([ids.a1, ids.a2, ids.s1, ids.outside].sort());
    expect(reaches.find((r) => r.id === ids.s1)).toEqual({
      id: ids.s1,
      date: '2026-12-01',
      classes: [{ classId: c7a1.id, students: 55 }],
    });
    expect(reaches.find((r) => r.id === ids.a1)?.classes).toEqual([
      { classId: c6a1.id, students: 20 },
      { classId: c6a2.id, students: 30 },
    ]);
  });

  test('Classes and students reached are counted per grade and for the school', () => {
    const coverage = schoolCoverage(school, thisYear, units, entries);
    // Counted: 6A1 35, 6A2 30, 7A1 40, 7A2 38, 9A1 42 (removed but reached); 9A3 was removed
    // unreached and drops out; last year's 6A1 and the other school's 6A1 are not this year's.
    // Reached: 6A1 max(20, 35) = 35, 6A2 30, 7A1 min(55, 40) = 40, 9A1 40; 7A2 only before the
    // year and by another school's record, so not reached.
    expect(coverage.school).toEqual({
      classes: 5,
      classesReached: 4,
      enrolled: 185, // 35 + 30 + 40 + 38 + 42
      studentsReached: 145, // 35 + 30 + 40 + 40
      classShare: 4 / 5,
      studentShare: 145 / 185,
    });
    expect(coverage.grades).toEqual([
      {
        grade: '6',
        classes: 2,
        classesReached: 2,
        enrolled: 65,
        studentsReached: 65,
        classShare: 1,
        studentShare: 1,
      },
      {
        grade: '7',
        classes: 2,
        classesReached: 1,
        enrolled: 78,
        studentsReached: 40,
        classShare: 1 / 2,
        studentShare: 40 / 78,
      },
      {
        grade: '9',
        classes: 1,
        classesReached: 1,
        enrolled: 42,
        studentsReached: 40,
        classShare: 1,
        studentShare: 40 / 42,
      },
    ]);
    expect(coverage.notReached.map((c) => c.id)).toEqual([c7a2.id]);
    expect(coverage.perClass.map((row) => [row.class.name, row.studentsReached, row.counted])).toEqual([
      ['6A1', 35, true],
      ['6A2', 30, true],
      ['7A1', 40, true],
      ['7A2', 0, true],
      ['9A1', 40, true],
      ['9A3', 0, false],
    ]);
    expect(coverage.perClass.find((row) => row.class.id === c6a1.id)?.activities).toEqual([ids.a1, ids.a2]);
    expect(coverage.perClass.find((row) => row.class.id === c9a1.id)?.class.removedOn).toBe('2026-12-15');
  });

  test('Last year’s coverage counts only last year’s classes and activities', () => {
    const coverage = schoolCoverage(school, lastYear, units, entries);
    expect(coverage.school).toMatchObject({
      classes: 1,
      classesReached: 1,
      enrolled: 36,
      studentsReached: 36,
    });
  });

  test('A school without classes in a year has no figures to share', () => {
    const coverage = schoolCoverage(other, lastYear, units, entries);
    expect(coverage.school).toMatchObject({ classes: 0, classShare: null, studentShare: null });
  });
});

describe('The coverage of every school under a unit', () => {
  const commune: Unit = {
    id: uuid(),
    name: 'Phường Võ Cường',
    kind: 'commune',
    createdAt: at,
    updatedAt: at,
  };
  const emptyCommune: Unit = {
    id: uuid(),
    name: 'Xã Hòa Long',
    kind: 'commune',
    createdAt: at,
    updatedAt: at,
  };
  const voCuong: School = {
    ...makeSchool('Trường THCS Võ Cường', [lastYear, thisYear]),
    parentId: commune.id,
  };
  const leLoi: School = { ...makeSchool('Trường THCS Lê Lợi', [thisYear]), parentId: commune.id };
  const outside = makeSchool('Trường THPT Hàn Thuyên', [thisYear], 'upper-secondary');
  const v6a1 = makeClass(voCuong, thisYear.id, '6A1', 35);
  const v6a2 = makeClass(voCuong, thisYear.id, '6A2', 30);
  const vOld = makeClass(voCuong, lastYear.id, '6A1', 36);
  const l7a1 = makeClass(leLoi, thisYear.id, '7A1', 40);
  const o10a1 = makeClass(outside, thisYear.id, '10A1', 45);
  const units: Unit[] = [commune, emptyCommune, voCuong, leLoi, outside, v6a1, v6a2, vOld, l7a1, o10a1];
  const activity = (
    school: School,
    date: string,
    reached: Array<[SchoolClass, number]>,
  ): SchoolActivityEntry =>
    schoolActivityEntrySchema.parse({
      id: uuid(),
      kind: 'school-activity',
      unitId: school.id,
      date,
      activity: 'talk',
      audience: schoolAudience(school.school.level),
      classes: reached.map(([c, students]) => ({ unitId: c.id, students })),
      participants: reached.reduce((sum, [, students]) => sum + students, 0),
      topics: [],
      materials: [],
      createdAt: at,
      updatedAt: at,
    });
  const entries: LedgerEntry[] = [
    activity(voCuong, '2026-10-12', [[v6a1, 20]]),
    activity(voCuong, '2025-10-12', [[vOld, 36]]),
    activity(leLoi, '2026-11-03', [[l7a1, 40]]),
    activity(outside, '2026-11-03', [[o10a1, 45]]),
  ];

  test('The schools under a commune are summed: classes and students reached over all they enroll', () => {
    const { schools, total } = schoolsCoverage(units, entries, commune.id, '2026-12-01');
    expect(schools.map((row) => row.school.name)).toEqual(['Trường THCS Lê Lợi', 'Trường THCS Võ Cường']);
    expect(schools.map((row) => row.coverage.studentShare)).toEqual([1, 20 / 65]);
    // 20 + 40 of 35 + 30 + 40, not the mean of the two schools' shares.
    expect(total).toEqual({
      classes: 3,
      classesReached: 2,
      enrolled: 105,
      studentsReached: 60,
      classShare: 2 / 3,
      studentShare: 60 / 105,
    });
  });

  test('With no unit chosen every school counts, the one outside the commune too', () => {
    const { schools, total } = schoolsCoverage(units, entries, '', '2026-12-01');
    expect(schools.map((row) => row.school.name)).toEqual([
      'Trường THCS Lê Lợi',
      'Trường THCS Võ Cường',
      'Trường THPT Hàn Thuyên',
    ]);
    expect(total).toMatchObject({ classes: 4, classesReached: 3, enrolled: 150, studentsReached: 105 });
  });

  test('Each school counts the year the day falls in, else its latest', () => {
    expect(schoolsCoverage(units, entries, voCuong.id, '2026-01-15').total).toMatchObject({
      classes: 1,
      enrolled: 36,
      studentsReached: 36,
    });
    // The summer after the year: its latest year.
    expect(schoolsCoverage(units, entries, voCuong.id, '2027-07-15').total).toMatchObject({
      classes: 2,
      enrolled: 65,
      studentsReached: 20,
    });
  });

  test('A unit with no school under it has no figures to share', () => {
    expect(schoolsCoverage(units, entries, emptyCommune.id, '2026-12-01')).toEqual({
      schools: [],
      total: {
        classes: 0,
        classesReached: 0,
        enrolled: 0,
        studentsReached: 0,
        classShare: null,
        studentShare: null,
      },
    });
    expect(schoolsCoverage([], [], '', '2026-12-01').total).toMatchObject({
      classShare: null,
      studentShare: null,
    });
  });
});
