import { describe, expect, test } from 'vitest';
import {
  allocateStudents,
  computeCoverage,
  expandClassRange,
  gradeOf,
  type CoverageClass,
  type Reach,
} from '../../../src/lib/domain/coverage';

const year = { start: '2026-09-05', end: '2027-05-31' };

function makeClass(name: string, enrollment: number, extra: Partial<CoverageClass> = {}): CoverageClass {
  return { id: name, name, grade: gradeOf(name), enrollment, ...extra };
}

function makeReach(id: string, date: string, classes: Record<string, number>): Reach {
  return { id, date, classes: Object.entries(classes).map(([classId, students]) => ({ classId, students })) };
}

const classes = [makeClass('6A1', 35), makeClass('6A2', 30), makeClass('7A1', 40), makeClass('7A2', 38)];

describe('School coverage', () => {
  test('A class reached by several activities counts once, with the most students any one of them reached', () => {
    const coverage = computeCoverage(year, classes, [
      makeReach('flag', '2026-09-14', { '6A1': 20 }),
      makeReach('club', '2026-10-02', { '6A1': 35 }),
      makeReach('talk', '2026-11-20', { '6A1': 12 }),
    ]);
    expect(coverage.school).toMatchObject({
      classes: 4,
      classesReached: 1,
      enrolled: 143,
      studentsReached: 35,
    });
    expect(coverage.perClass.find((row) => row.class.id === '6A1')?.activities).toEqual([
      'flag',
      'club',
      'talk',
    ]);
  });

  test('Students reached in a class never exceed its enrollment', () => {
    const coverage = computeCoverage(year, classes, [makeReach('a', '2026-10-01', { '6A2': 45 })]);
    expect(coverage.perClass.find((row) => row.class.id === '6A2')?.studentsReached).toBe(30);
    expect(coverage.school.studentsReached).toBe(30);
  });

  test('Only activities dated inside the school year count, its first and last days included', () => {
    const coverage = computeCoverage(year, classes, [
      makeReach('before', '2026-09-04', { '6A1': 35 }),
      makeReach('first', '2026-09-05', { '6A2': 30 }),
      makeReach('last', '2027-05-31', { '7A1': 40 }),
      makeReach('after', '2027-06-01', { '7A2': 38 }),
    ]);
    expect(coverage.school.classesReached).toBe(2);
    expect(coverage.notReached.map((c) => c.name)).toEqual(['6A1', '7A2']);
  });

  test('Shares are given per grade and for the school', () => {
    const coverage = computeCoverage(year, classes, [
      makeReach('a', '2026-10-01', { '6A1': 35, '6A2': 30 }),
      makeReach('b', '2026-10-08', { '7A1': 20 }),
    ]);
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
        studentsReached: 20,
        classShare: 0.5,
        studentShare: 20 / 78,
      },
    ]);
    expect(coverage.school.classShare).toBe(3 / 4);
    expect(coverage.school.studentShare).toBe(85 / 143);
  });

  test('Grades and classes are in school order: 9 before 10, 6A2 before 6A10', () => {
    const coverage = computeCoverage(
      year,
      [makeClass('10A1', 40), makeClass('6A10', 30), makeClass('9A1', 30), makeClass('6A2', 30)],
      [],
    );
    expect(coverage.grades.map((g) => g.grade)).toEqual(['6', '9', '10']);
    expect(coverage.notReached.map((c) => c.name)).toEqual(['6A2', '6A10', '9A1', '10A1']);
  });

  test('A class removed during the year stays in the figures if it was reached, and drops out if not', () => {
    const withRemoved = [
      ...classes,
      makeClass('6A3', 32, { removedOn: '2026-11-01' }),
      makeClass('6A4', 33, { removedOn: '2026-11-01' }),
    ];
    const coverage = computeCoverage(year, withRemoved, [makeReach('a', '2026-10-01', { '6A3': 32 })]);
    expect(coverage.school).toMatchObject({
      classes: 5,
      classesReached: 1,
      enrolled: 175,
      studentsReached: 32,
    });
    expect(coverage.notReached.map((c) => c.name)).not.toContain('6A4');
    expect(coverage.perClass.find((row) => row.class.id === '6A4')?.counted).toBe(false);
  });

  test('A class added mid-year counts as one still to reach, and earlier figures of other classes are unchanged', () => {
    const reaches = [makeReach('a', '2026-10-01', { '6A1': 35 })];
    const before = computeCoverage(year, classes, reaches);
    const after = computeCoverage(year, [...classes, makeClass('6A3', 28)], reaches);
    expect(after.school.classes).toBe(before.school.classes + 1);
    expect(after.school.studentsReached).toBe(before.school.studentsReached);
    expect(after.notReached.map((c) => c.name)).toContain('6A3');
  });

  test('No classes gives no data, not 100 % or a division by zero', () => {
    const coverage = computeCoverage(year, [], [makeReach('a', '2026-10-01', { ghost: 30 })]);
    expect(coverage.school).toEqual({
      classes: 0,
      classesReached: 0,
      enrolled: 0,
      studentsReached: 0,
      classShare: null,
      studentShare: null,
    });
    expect(coverage.grades).toEqual([]);
  });

  test('Classes with no enrolled students give a class share but no student share', () => {
    const coverage = computeCoverage(
      year,
      [makeClass('6A1', 0)],
      [makeReach('a', '2026-10-01', { '6A1': 0 })],
    );
    expect(coverage.school.classShare).toBe(1);
    expect(coverage.school.studentShare).toBeNull();
  });
});

describe('Splitting an activity’s students across its classes', () => {
  test('Students are shared in proportion to enrollment, in whole students that add up to the total', () => {
    const split = allocateStudents(
      [
        { id: 'a', enrollment: 35 },
        { id: 'b', enrollment: 35 },
        { id: 'c', enrollment: 30 },
      ],
      61,
    );
    expect(split.map((s) => s.students).reduce((x, y) => x + y, 0)).toBe(61);
    expect(split).toEqual([
      { classId: 'a', students: 22 },
      { classId: 'b', students: 21 },
      { classId: 'c', students: 18 },
    ]);
  });

  test('The full enrollment gives each class its own enrollment; more than that is capped', () => {
    const classes = [
      { id: 'a', enrollment: 35 },
      { id: 'b', enrollment: 30 },
    ];
    expect(allocateStudents(classes, 65)).toEqual([
      { classId: 'a', students: 35 },
      { classId: 'b', students: 30 },
    ]);
    expect(allocateStudents(classes, 500)).toEqual(allocateStudents(classes, 65));
  });

  test('Classes with no enrollment get nobody', () => {
    expect(allocateStudents([{ id: 'a', enrollment: 0 }], 10)).toEqual([{ classId: 'a', students: 0 }]);
  });
});

describe('Class ranges', () => {
  test('"6A1–6A8" gives the eight classes; a plain hyphen and spaces work too', () => {
    expect(expandClassRange('6A1–6A8')).toEqual(['6A1', '6A2', '6A3', '6A4', '6A5', '6A6', '6A7', '6A8']);
    expect(expandClassRange(' 10A9 - 10A11 ')).toEqual(['10A9', '10A10', '10A11']);
  });

  test('"6A1–8" is short for "6A1–6A8"; a single name is one class', () => {
    expect(expandClassRange('6A1–8')).toHaveLength(8);
    expect(expandClassRange('9 Chuyên Toán')).toEqual(['9 Chuyên Toán']);
  });

  test('Ends that differ before their number, that run backwards or make too many classes are refused', () => {
    expect(expandClassRange('6A1–7A3')).toBe('mismatch');
    expect(expandClassRange('6A8–6A1')).toBe('invalid');
    expect(expandClassRange('6A–6B')).toBe('invalid');
    expect(expandClassRange('')).toBe('invalid');
    expect(expandClassRange('6A1–6A500')).toBe('too-many');
  });

  test('The grade is the number a class name starts with', () => {
    expect([gradeOf('6A1'), gradeOf('10 Toán'), gradeOf('Lá 1'), gradeOf('123')]).toEqual([
      '6',
      '10',
      '',
      '',
    ]);
  });
});
