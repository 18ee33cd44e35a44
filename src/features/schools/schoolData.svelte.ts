/**
 * What the school screens read and write: the units and the ledger (`LedgerData`), the schools
 * among the units, and every change those screens make — a school added or edited, a school
 * year added, classes added, copied or removed, an activity recorded or deleted. Each method
 * builds its records with the rules of `lib/domain/school.ts`, stores them, and reloads; each
 * resolves to what was stored (or whether it was), and a failure is left in `failure` for the
 * screen to show while its form keeps what was typed. Inputs are expected already checked
 * (`checkSchoolInput`, `checkActivityInput`, …): the screen shows the problems, this only writes.
 */
import type { ClassRow } from '../../lib/domain/classList';
import type { LedgerEntry, SchoolActivityEntry } from '../../lib/domain/ledger.schema';
import {
  classesOf,
  isSchool,
  nextSchoolYear,
  toActivityEntry,
  toClassUnits,
  toSchoolUnits,
  type ActivityInput,
  type School,
  type SchoolClass,
  type SchoolInput,
} from '../../lib/domain/school';
import { localDate } from '../../lib/domain/dates';
import type { SchoolYearRecord, Unit } from '../../lib/domain/unit.schema';
import type { Database } from '../../lib/storage/connection';
import { deleteEntry, saveEntry } from '../../lib/storage/ledgerStore';
import { removeClass, saveUnits } from '../../lib/storage/schoolStore';
import { LedgerData } from '../ledger/ledgerData.svelte';

/** Where new ids and times come from (tests give fixed ones). */
export interface SchoolClock {
  now: () => Date;
  newId: () => string;
}

const systemClock: SchoolClock = { now: () => new Date(), newId: () => crypto.randomUUID() };

export class SchoolData extends LedgerData {
  readonly schools = $derived(this.units.filter(isSchool));
  /** The communes and wards on the device, offered as the school form's commune is typed. */
  readonly communeNames = $derived(this.units.filter((u) => u.kind === 'commune').map((u) => u.name));

  constructor(
    db: Database,
    private readonly clock: SchoolClock = systemClock,
  ) {
    super(db);
  }

  school(id: string): School | undefined {
    return this.schools.find((school) => school.id === id);
  }

  /** The unit a school sits under (its commune or ward), if any. */
  parentOf(school: School): Unit | undefined {
    return school.parentId ? this.units.find((u) => u.id === school.parentId) : undefined;
  }

  /** A school's classes of one year, in school order, removed ones included. */
  classesOf(school: School, yearId: string): SchoolClass[] {
    return classesOf(this.units, school.id, yearId);
  }

  /** A school's activities and the sessions held for any of its classes (of any year), as stored. */
  activitiesOf(school: School): LedgerEntry[] {
    const classIds = new Set(this.units.filter((u) => u.parentId === school.id).map((u) => u.id));
    return this.entries.filter(
      (e) =>
        (e.kind === 'school-activity' && e.unitId === school.id) ||
        (e.kind === 'session' && classIds.has(e.unitId)),
    );
  }

  /** A school's recorded activity, if `entryId` is one. */
  activity(entryId: string): SchoolActivityEntry | undefined {
    const entry = this.entries.find((e) => e.id === entryId);
    return entry?.kind === 'school-activity' ? entry : undefined;
  }

  /** Stores a new school (and its commune when new); resolves to it, or undefined if not stored. */
  async addSchool(input: SchoolInput): Promise<School | undefined> {
    const { school, created } = toSchoolUnits(input, this.units, {
      newId: this.clock.newId,
      now: this.clock.now(),
    });
    return (await this.save((db) => saveUnits(db, [...created, school]))) ? school : undefined;
  }

  /** Stores a school's edited details and the dates of its year `yearId`; its other years stay. */
  saveSchool(school: School, yearId: string, input: SchoolInput): Promise<boolean> {
    const { school: next, created } = toSchoolUnits(input, this.units, {
      newId: this.clock.newId,
      now: this.clock.now(),
      existing: school,
      yearId,
    });
    return this.save((db) => saveUnits(db, [...created, next]));
  }

  /**
   * Adds the next school year: the latest one's dates a year on, for the user to adjust.
   * Resolves to the new year, or undefined if not stored.
   */
  async addYear(school: School): Promise<SchoolYearRecord | undefined> {
    const next = nextSchoolYear(school);
    if (!next) return undefined;
    const year = { id: this.clock.newId(), ...next };
    const updated: School = {
      ...school,
      school: { ...school.school, years: [...school.school.years, year] },
      updatedAt: this.clock.now().toISOString(),
    };
    return (await this.save((db) => saveUnits(db, [updated]))) ? year : undefined;
  }

  /** Adds checked classes (a range or an imported list) to a school's year, all or none. */
  addClasses(school: School, yearId: string, rows: readonly ClassRow[]): Promise<boolean> {
    const units = toClassUnits(rows, school.id, yearId, {
      newId: this.clock.newId,
      now: this.clock.now(),
    });
    return this.save((db) => saveUnits(db, units));
  }

  /** A new year starts with another year's classes still there: their names and enrollments. */
  copyClasses(school: School, fromYearId: string, toYearId: string): Promise<boolean> {
    const rows = this.classesOf(school, fromYearId)
      .filter((c) => !c.class.removedOn)
      .map((c) => ({ name: c.name, grade: c.class.grade, enrollment: c.class.enrollment }));
    return this.addClasses(school, toYearId, rows);
  }

  /**
   * Removes a class: deleted when nothing reached it, else kept, marked removed today.
   * Resolves to what happened, or undefined if not stored.
   */
  async removeClass(classId: string): Promise<'deleted' | 'kept' | undefined> {
    let outcome: 'deleted' | 'kept' = 'deleted';
    const today = localDate(this.clock.now());
    const stored = await this.save(async (db) => (outcome = await removeClass(db, classId, today)));
    return stored ? outcome : undefined;
  }

  /**
   * Stores a checked activity form for a school, reaching the chosen ones of `classes`: a new
   * record, or `previous` corrected (its id and creation time kept). Resolves to the record.
   */
  async saveActivity(
    school: School,
    classes: readonly SchoolClass[],
    input: ActivityInput,
    previous?: SchoolActivityEntry,
  ): Promise<SchoolActivityEntry | undefined> {
    const entry = toActivityEntry(input, school, classes, {
      id: previous?.id ?? this.clock.newId(),
      now: this.clock.now(),
      ...(previous ? { createdAt: previous.createdAt } : {}),
    });
    // A school activity never comes from the session draft: the draft stays.
    const stored = await this.save((db) => saveEntry(db, entry, [], { clearDraft: false }));
    return stored ? entry : undefined;
  }

  /** Deletes a recorded activity (or session) from the ledger. */
  deleteActivity(entryId: string): Promise<boolean> {
    return this.save((db) => deleteEntry(db, entryId));
  }
}
