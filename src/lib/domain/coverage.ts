/**
 * School coverage: which classes, and how many enrolled students, drug-prevention education
 * has reached in a school year, against the 100% target of the provincial plans. Pure
 * functions over plain shapes, so the coverage screen, the exports and the statistics all
 * compute the same figures.
 *
 * The rules (each unit-tested):
 * - a class counts once, however many activities reached it;
 * - students reached in a class never exceed its enrollment; an activity's students are
 *   recorded per class (`allocateStudents`), and a class's figure is the largest number any
 *   one activity reached there, because two activities may have reached the same students;
 * - only activities dated inside the school year count;
 * - a class removed during the year stays in the figures when it had been reached (what was
 *   reported stays true) and drops out when it had not; a class added mid-year counts from
 *   the start, as a class still to reach;
 * - no classes means no data (`null`), never 100% or a division by zero.
 */

export interface SchoolYear {
  /** First and last day, YYYY-MM-DD, both included. */
  start: string;
  end: string;
}

export interface CoverageClass {
  id: string;
  name: string;
  grade: string;
  enrollment: number;
  /** The day the class was removed, if it was (YYYY-MM-DD). */
  removedOn?: string;
}

/** One activity (or a session held for a class) and the students it reached in each class. */
export interface Reach {
  id: string;
  date: string;
  classes: ReadonlyArray<{ classId: string; students: number }>;
}

export interface CoverageFigures {
  classes: number;
  classesReached: number;
  enrolled: number;
  studentsReached: number;
  /** Shares from 0 to 1; `null` when there is nothing to divide by. */
  classShare: number | null;
  studentShare: number | null;
}

export interface ClassCoverage {
  class: CoverageClass;
  /** Activities of the year that reached it, oldest first. */
  activities: string[];
  studentsReached: number;
  /** False for a removed class that had not been reached: it is out of the figures. */
  counted: boolean;
}

export interface Coverage {
  school: CoverageFigures;
  /** Per grade, in grade order (numbers numerically: 6, 7, …, 10). */
  grades: Array<{ grade: string } & CoverageFigures>;
  perClass: ClassCoverage[];
  /** Counted classes no activity of the year has reached, in class order. */
  notReached: CoverageClass[];
}

export function inSchoolYear(date: string, year: SchoolYear): boolean {
  return date >= year.start && date <= year.end;
}

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/** Orders grades and class names as a school does: "6A2" before "6A10", "9" before "10". */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

function figures(rows: readonly ClassCoverage[]): CoverageFigures {
  const counted = rows.filter((row) => row.counted);
  const classes = counted.length;
  const classesReached = counted.filter((row) => row.activities.length > 0).length;
  const enrolled = counted.reduce((sum, row) => sum + row.class.enrollment, 0);
  const studentsReached = counted.reduce((sum, row) => sum + row.studentsReached, 0);
  return {
    classes,
    classesReached,
    enrolled,
    studentsReached,
    classShare: classes > 0 ? classesReached / classes : null,
    studentShare: enrolled > 0 ? studentsReached / enrolled : null,
  };
}

/** The coverage of one school year, from its classes and the activities recorded for them. */
export function computeCoverage(
  year: SchoolYear,
  classes: readonly CoverageClass[],
  reaches: readonly Reach[],
): Coverage {
  const inYear = reaches
    .filter((reach) => inSchoolYear(reach.date, year))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const perClass: ClassCoverage[] = [...classes]
    .sort((a, b) => compareNames(a.grade, b.grade) || compareNames(a.name, b.name))
    .map((schoolClass) => {
      const activities: string[] = [];
      let most = 0;
      for (const reach of inYear) {
        const here = reach.classes.filter((c) => c.classId === schoolClass.id);
        if (here.length === 0) continue;
        if (!activities.includes(reach.id)) activities.push(reach.id);
        for (const c of here) most = Math.max(most, c.students);
      }
      const studentsReached = Math.min(Math.max(0, most), Math.max(0, schoolClass.enrollment));
      const counted = !schoolClass.removedOn || activities.length > 0;
      return { class: schoolClass, activities, studentsReached, counted };
    });
  const gradeNames = [...new Set(perClass.filter((row) => row.counted).map((row) => row.class.grade))];
  return {
    school: figures(perClass),
    grades: gradeNames.map((grade) => ({
      grade,
      ...figures(perClass.filter((row) => row.class.grade === grade)),
    })),
    perClass,
    notReached: perClass.filter((row) => row.counted && row.activities.length === 0).map((row) => row.class),
  };
}

/**
 * Splits the students an activity reached across its classes, in proportion to enrollment,
 * in whole students (largest remainders), never more than a class enrolls. When `students`
 * exceeds the classes' total enrollment, each class gets its enrollment.
 */
export function allocateStudents(
  classes: ReadonlyArray<{ id: string; enrollment: number }>,
  students: number,
): Array<{ classId: string; students: number }> {
  const enrolled = classes.reduce((sum, c) => sum + Math.max(0, c.enrollment), 0);
  const total = Math.max(0, Math.min(Math.floor(students), enrolled));
  if (enrolled === 0) return classes.map((c) => ({ classId: c.id, students: 0 }));
  const exact = classes.map((c) => (Math.max(0, c.enrollment) * total) / enrolled);
  const whole = exact.map(Math.floor);
  let left = total - whole.reduce((sum, n) => sum + n, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    whole[index] = (whole[index] ?? 0) + 1;
    left--;
  }
  return classes.map((c, i) => ({ classId: c.id, students: whole[i] ?? 0 }));
}

/** The grade a class name starts with: "6A1" → "6", "10 Toán" → "10"; "" when none. */
export function gradeOf(name: string): string {
  return /^\s*(\d{1,2})(?!\d)/.exec(name)?.[1] ?? '';
}

export type RangeProblem = 'invalid' | 'mismatch' | 'too-many';

/** The most classes one range may create: more is a typing error. */
export const maxRangeClasses = 60;

/**
 * The class names of a typed range: "6A1–6A8" (or "6A1-6A8", "6A1 - 6A8") gives 6A1 … 6A8;
 * a single name gives itself. Both ends must share everything but their final number.
 */
export function expandClassRange(range: string): string[] | RangeProblem {
  const text = range.normalize('NFC').trim().replace(/\s+/g, ' ');
  const parts = text.split(/\s*[-–—]\s*/);
  if (parts.length === 1) return parts[0] ? [parts[0]] : 'invalid';
  if (parts.length !== 2 || !parts[0] || !parts[1]) return 'invalid';
  const from = /^(.*?)(\d+)$/.exec(parts[0]);
  const to = /^(.*?)(\d+)$/.exec(parts[1]);
  if (!from || !to) return 'invalid';
  const [, prefix = '', first = ''] = from;
  const [, prefixTo = '', last = ''] = to;
  // "6A1–8" is short for "6A1–6A8".
  if (prefixTo !== '' && prefixTo.toLocaleLowerCase('vi') !== prefix.toLocaleLowerCase('vi'))
    return 'mismatch';
  const start = Number(first);
  const end = Number(last);
  if (end < start) return 'invalid';
  if (end - start + 1 > maxRangeClasses) return 'too-many';
  return Array.from({ length: end - start + 1 }, (_, i) => `${prefix}${start + i}`);
}
