/**
 * Schools, their classes and their activities, as the school screens edit them: the checks
 * applied to each form before anything is written (each problem tied to its field), the
 * records a checked form becomes, and the bridge from stored units and ledger records to the
 * coverage rules of `coverage.ts`.
 */
import type { Audience } from '../content/ids';
import {
  allocateStudents,
  compareNames,
  computeCoverage,
  expandClassRange,
  gradeOf,
  inSchoolYear,
  type Coverage,
  type CoverageClass,
  type CoverageFigures,
  type RangeProblem,
  type Reach,
} from './coverage';
import {
  maxParticipants,
  schoolActivityLimits,
  type LedgerEntry,
  type SchoolActivityEntry,
  type SchoolActivityKind,
} from './ledger.schema';
import { parseCount } from './sessionRecord';
import { isCalendarDate } from './dates';
import { sameName } from './units';
import { isWithin } from './statistics';
import {
  classNameMaxLength,
  gradeMaxLength,
  maxEnrollment,
  unitNameMaxLength,
  type SchoolLevel,
  type SchoolYearRecord,
  type Unit,
} from './unit.schema';

export type School = Unit & { kind: 'school'; school: NonNullable<Unit['school']> };
export type SchoolClass = Unit & { kind: 'class'; class: NonNullable<Unit['class']> };

export function isSchool(unit: Unit): unit is School {
  return unit.kind === 'school' && unit.school !== undefined;
}

export function isSchoolClass(unit: Unit): unit is SchoolClass {
  return unit.kind === 'class' && unit.class !== undefined;
}

/** The quiz audience a school's students belong to; none for a primary school. */
export function schoolAudience(level: SchoolLevel): Audience | undefined {
  if (level === 'lower-secondary') return 'thcs';
  if (level === 'upper-secondary' || level === 'vocational-higher') return 'thpt';
  return undefined;
}

/** A first guess at the school year around `today` (1 September to 31 May), for the user to edit. */
export function defaultSchoolYear(today: string): { start: string; end: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const first = month >= 8 ? year : year - 1;
  return { start: `${first}-09-01`, end: `${first + 1}-05-31` };
}

/** "2026–2027". */
/**
 * The year after a school's latest one: the same days a year later ("2026-09-05" →
 * "2027-09-05"), so a school that starts on 5/9 keeps doing so.
 */
export function nextSchoolYear(school: School): { start: string; end: string } | undefined {
  const latest = [...school.school.years].sort((a, b) => b.start.localeCompare(a.start))[0];
  if (!latest) return undefined;
  const aYearOn = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
  return { start: aYearOn(latest.start), end: aYearOn(latest.end) };
}

export function yearLabel(year: { start: string; end: string }): string {
  const first = year.start.slice(0, 4);
  const last = year.end.slice(0, 4);
  return first === last ? first : `${first}–${last}`;
}

/** The school year `today` falls in, else the latest one. */
export function currentYear(school: School, today: string): SchoolYearRecord {
  const years = [...school.school.years].sort((a, b) => a.start.localeCompare(b.start));
  return years.find((year) => inSchoolYear(today, year)) ?? (years[years.length - 1] as SchoolYearRecord);
}

/** A school's classes of one school year, in school order, removed ones included. */
export function classesOf(units: readonly Unit[], schoolId: string, yearId: string): SchoolClass[] {
  return units
    .filter(isSchoolClass)
    .filter((unit) => unit.parentId === schoolId && unit.class.yearId === yearId)
    .sort((a, b) => compareNames(a.class.grade, b.class.grade) || compareNames(a.name, b.name));
}

/**
 * The activities that reached a school's classes: its school activities, and sessions
 * recorded for one of its classes through the session flow (all their participants were
 * the class's students, capped at its enrollment by `computeCoverage`).
 */
export function reachesOf(
  schoolId: string,
  classes: readonly SchoolClass[],
  entries: readonly LedgerEntry[],
) {
  const classIds = new Set(classes.map((c) => c.id));
  const reaches: Reach[] = [];
  for (const entry of entries) {
    if (entry.kind === 'school-activity' && entry.unitId === schoolId) {
      reaches.push({
        id: entry.id,
        date: entry.date,
        classes: entry.classes.map((c) => ({ classId: c.unitId, students: c.students })),
      });
    } else if (entry.kind === 'session' && classIds.has(entry.unitId)) {
      reaches.push({
        id: entry.id,
        date: entry.date,
        classes: [{ classId: entry.unitId, students: entry.participants }],
      });
    }
  }
  return reaches;
}

export function toCoverageClass(unit: SchoolClass): CoverageClass {
  return {
    id: unit.id,
    name: unit.name,
    grade: unit.class.grade,
    enrollment: unit.class.enrollment,
    ...(unit.class.removedOn ? { removedOn: unit.class.removedOn } : {}),
  };
}

/** A school's coverage for one of its years, from what is stored. */
export function schoolCoverage(
  school: School,
  year: SchoolYearRecord,
  units: readonly Unit[],
  entries: readonly LedgerEntry[],
): Coverage {
  const classes = classesOf(units, school.id, year.id);
  return computeCoverage(year, classes.map(toCoverageClass), reachesOf(school.id, classes, entries));
}

// ---------------------------------------------------------------------------------------
// The school form.

export interface SchoolInput {
  name: string;
  level: SchoolLevel | '';
  /** Its commune or ward, by name (a unit of kind `commune`, made when new). */
  commune: string;
  start: string;
  end: string;
}

export type SchoolField = keyof SchoolInput;
export type SchoolProblem =
  'required' | 'invalid' | 'too-long' | 'duplicate' | 'same-as-school' | 'before-start' | 'too-long-year';
export type SchoolProblems = Partial<Record<SchoolField, SchoolProblem>>;

/** A school year longer than this is a typing error (a wrong year in a date). */
const maxYearDays = 400;

function days(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** Checks the school form; `editingId` is the school being edited (its own name is not a duplicate). */
export function checkSchoolInput(
  input: SchoolInput,
  units: readonly Unit[],
  editingId?: string,
): SchoolProblems {
  const problems: SchoolProblems = {};
  const name = input.name.trim();
  if (!name) problems.name = 'required';
  else if (name.length > unitNameMaxLength) problems.name = 'too-long';
  else if (units.some((u) => u.kind === 'school' && u.id !== editingId && sameName(u.name, name)))
    problems.name = 'duplicate';
  if (!input.level) problems.level = 'required';
  const commune = input.commune.trim();
  if (commune.length > unitNameMaxLength) problems.commune = 'too-long';
  else if (commune && name && sameName(commune, name)) problems.commune = 'same-as-school';
  const start = input.start.trim();
  const end = input.end.trim();
  if (!start) problems.start = 'required';
  else if (!isCalendarDate(start)) problems.start = 'invalid';
  if (!end) problems.end = 'required';
  else if (!isCalendarDate(end)) problems.end = 'invalid';
  else if (!problems.start && end <= start) problems.end = 'before-start';
  else if (!problems.start && days(start, end) > maxYearDays) problems.end = 'too-long-year';
  return problems;
}

/**
 * The units a checked school form writes: the school (new, or `existing` edited, keeping its
 * other years) and its commune when that is new. `yearId` is the year being edited.
 */
export function toSchoolUnits(
  input: SchoolInput,
  units: readonly Unit[],
  context: { newId: () => string; now: Date; existing?: School; yearId?: string },
): { school: School; created: Unit[] } {
  const at = context.now.toISOString();
  const created: Unit[] = [];
  const communeName = input.commune.trim().replace(/\s+/g, ' ');
  let parentId: string | undefined;
  if (communeName) {
    const found = units.find((u) => u.kind === 'commune' && sameName(u.name, communeName));
    if (found) parentId = found.id;
    else {
      const commune: Unit = {
        id: context.newId(),
        name: communeName,
        kind: 'commune',
        createdAt: at,
        updatedAt: at,
      };
      created.push(commune);
      parentId = commune.id;
    }
  }
  const year = { start: input.start.trim(), end: input.end.trim() };
  const { existing } = context;
  const years = existing
    ? existing.school.years.map((y) => (y.id === context.yearId ? { ...y, ...year } : y))
    : [{ id: context.newId(), ...year }];
  const school: School = {
    id: existing?.id ?? context.newId(),
    name: input.name.trim().replace(/\s+/g, ' '),
    kind: 'school',
    ...(parentId ? { parentId } : {}),
    school: { level: input.level as SchoolLevel, years },
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  return { school, created };
}

export function toSchoolInput(school: School, units: readonly Unit[], year: SchoolYearRecord): SchoolInput {
  const commune = school.parentId ? units.find((u) => u.id === school.parentId) : undefined;
  return {
    name: school.name,
    level: school.school.level,
    commune: commune?.name ?? '',
    start: year.start,
    end: year.end,
  };
}

// ---------------------------------------------------------------------------------------
// Adding classes.

export type ClassRangeProblem = RangeProblem | 'required' | 'too-long' | 'exists';
export interface ClassRangeProblems {
  range?: ClassRangeProblem;
  /** The first name that already exists, for the message. */
  existing?: string;
  enrollment?: 'required' | 'negative' | 'whole-number' | 'too-large';
}

/** Checks "6A1–6A8" and "35"; gives the classes to add when both are right. */
export function checkClassRange(
  range: string,
  enrollment: string,
  existingNames: readonly string[],
): { problems: ClassRangeProblems; classes: Array<{ name: string; grade: string; enrollment: number }> } {
  const problems: ClassRangeProblems = {};
  const names = range.trim() ? expandClassRange(range) : 'required';
  if (typeof names === 'string') problems.range = names;
  else if (names.some((name) => name.length > classNameMaxLength)) problems.range = 'too-long';
  else {
    const taken = names.find((name) => existingNames.some((other) => sameName(other, name)));
    if (taken) {
      problems.range = 'exists';
      problems.existing = taken;
    }
  }
  const students = parseCount(enrollment);
  if (students === undefined) problems.enrollment = 'required';
  else if (typeof students === 'string') problems.enrollment = students;
  else if (students > maxEnrollment) problems.enrollment = 'too-large';
  if (problems.range || problems.enrollment || typeof names === 'string' || typeof students !== 'number')
    return { problems, classes: [] };
  return {
    problems,
    classes: names.map((name) => ({ name, grade: gradeOf(name) || name, enrollment: students })),
  };
}

/** Class units for a school year, from checked rows (a range or an imported list). */
export function toClassUnits(
  rows: ReadonlyArray<{ name: string; grade: string; enrollment: number }>,
  schoolId: string,
  yearId: string,
  context: { newId: () => string; now: Date },
): SchoolClass[] {
  const at = context.now.toISOString();
  return rows.map((row) => ({
    id: context.newId(),
    name: row.name,
    kind: 'class',
    parentId: schoolId,
    class: {
      yearId,
      grade: (row.grade || gradeOf(row.name) || row.name).slice(0, gradeMaxLength),
      enrollment: row.enrollment,
    },
    createdAt: at,
    updatedAt: at,
  }));
}

// ---------------------------------------------------------------------------------------
// The activity form.

export interface ActivityInput {
  date: string;
  activity: SchoolActivityKind | '';
  classIds: string[];
  /** Students reached, as typed; empty means the enrolled total of the chosen classes. */
  students: string;
  topics: string[];
  materials: string[];
  deliveredBy: string;
  notes: string;
}

export type ActivityField = keyof ActivityInput;
export type ActivityProblem =
  | 'required'
  | 'invalid'
  | 'future'
  | 'negative'
  | 'whole-number'
  | 'too-small'
  | 'more-than-enrolled'
  | 'too-long';
export type ActivityProblems = Partial<Record<ActivityField, ActivityProblem>>;

export function emptyActivityInput(today: string): ActivityInput {
  return {
    date: today,
    activity: '',
    classIds: [],
    students: '',
    topics: [],
    materials: [],
    deliveredBy: '',
    notes: '',
  };
}

/** The enrolled total of the chosen classes (the default number of students reached). */
export function enrolledIn(classes: readonly SchoolClass[], ids: readonly string[]): number {
  const chosen = new Set(ids);
  return classes.filter((c) => chosen.has(c.id)).reduce((sum, c) => sum + c.class.enrollment, 0);
}

/** The students an activity reached: as typed, or the enrolled total when left empty. */
function studentsOf(input: ActivityInput, classes: readonly SchoolClass[]): number | ActivityProblem {
  const typed = parseCount(input.students);
  if (typed === undefined) return enrolledIn(classes, input.classIds);
  return typed;
}

/**
 * Checks the activity form. A date outside the school year is not a problem but a warning
 * (`outsideYear`): it is saved, and does not count for that year.
 */
export function checkActivityInput(
  input: ActivityInput,
  classes: readonly SchoolClass[],
  year: { start: string; end: string },
  today: string,
): { problems: ActivityProblems; outsideYear: boolean } {
  const problems: ActivityProblems = {};
  const date = input.date.trim();
  if (!date) problems.date = 'required';
  else if (!isCalendarDate(date)) problems.date = 'invalid';
  else if (date > today) problems.date = 'future';
  if (!input.activity) problems.activity = 'required';
  const known = new Set(classes.map((c) => c.id));
  if (input.classIds.filter((id) => known.has(id)).length === 0) problems.classIds = 'required';
  const students = studentsOf(input, classes);
  if (typeof students === 'string') problems.students = students;
  else if (!problems.classIds) {
    if (students < 1) problems.students = 'too-small';
    else if (students > Math.min(enrolledIn(classes, input.classIds), maxParticipants))
      problems.students = 'more-than-enrolled';
  }
  if (input.deliveredBy.trim().length > schoolActivityLimits.deliveredBy) problems.deliveredBy = 'too-long';
  if (input.notes.trim().length > schoolActivityLimits.notes) problems.notes = 'too-long';
  const outsideYear = !problems.date && !inSchoolYear(date, year);
  return { problems, outsideYear };
}

/** The ledger record of a checked activity form. */
export function toActivityEntry(
  input: ActivityInput,
  school: School,
  classes: readonly SchoolClass[],
  context: { id: string; now: Date; createdAt?: string },
): SchoolActivityEntry {
  const chosen = new Set(input.classIds);
  const reached = classes.filter((c) => chosen.has(c.id));
  const students = studentsOf(input, classes);
  const perClass = allocateStudents(
    reached.map((c) => ({ id: c.id, enrollment: c.class.enrollment })),
    typeof students === 'number' ? students : 0,
  ).map((c) => ({ unitId: c.classId, students: c.students }));
  const audience = schoolAudience(school.school.level);
  const at = context.now.toISOString();
  const deliveredBy = input.deliveredBy.trim();
  const notes = input.notes.trim();
  return {
    id: context.id,
    kind: 'school-activity',
    unitId: school.id,
    date: input.date.trim(),
    activity: input.activity as SchoolActivityKind,
    ...(audience ? { audience } : {}),
    classes: perClass,
    participants: perClass.reduce((sum, c) => sum + c.students, 0),
    topics: [...input.topics],
    materials: [...input.materials],
    ...(deliveredBy ? { deliveredBy } : {}),
    ...(notes ? { notes } : {}),
    createdAt: context.createdAt ?? at,
    updatedAt: at,
  };
}

/** The form for editing a stored activity. */
export function toActivityInput(entry: SchoolActivityEntry): ActivityInput {
  return {
    date: entry.date,
    activity: entry.activity,
    classIds: entry.classes.map((c) => c.unitId),
    students: String(entry.participants),
    topics: [...entry.topics],
    materials: [...entry.materials],
    deliveredBy: entry.deliveredBy ?? '',
    notes: entry.notes ?? '',
  };
}

/**
 * The coverage of every school under `unitId` (all schools when empty), each for its school
 * year that contains `day` (else its latest), and their sum: the school figures of the
 * statistics screen, against the same 100% target.
 */
export function schoolsCoverage(
  units: readonly Unit[],
  entries: readonly LedgerEntry[],
  unitId: string,
  day: string,
): { schools: Array<{ school: School; coverage: CoverageFigures }>; total: CoverageFigures } {
  const byId = new Map(units.map((u) => [u.id, u]));
  const schools = units
    .filter(isSchool)
    .filter((school) => !unitId || isWithin(school.id, unitId, byId))
    .map((school) => ({
      school,
      coverage: schoolCoverage(school, currentYear(school, day), units, entries).school,
    }))
    .sort((a, b) => compareNames(a.school.name, b.school.name));
  const sum = (key: 'classes' | 'classesReached' | 'enrolled' | 'studentsReached') =>
    schools.reduce((total, row) => total + row.coverage[key], 0);
  const classes = sum('classes');
  const enrolled = sum('enrolled');
  const total: CoverageFigures = {
    classes,
    classesReached: sum('classesReached'),
    enrolled,
    studentsReached: sum('studentsReached'),
    classShare: classes > 0 ? sum('classesReached') / classes : null,
    studentShare: enrolled > 0 ? sum('studentsReached') / enrolled : null,
  };
  return { schools, total };
}
