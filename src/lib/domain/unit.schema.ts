/**
 * A unit: an enterprise, a school, a class, or any body above them (an industrial zone, a
 * commune, a union, an education office). Units form a free-form tree through `parentId`,
 * so a session at "Công ty TNHH May Minh Anh" rolls up to "KCN Quang Châu". Sessions,
 * school activities and campaign activities in the participation ledger point at a unit.
 */
import * as z from 'zod/mini';

export const unitKinds = [
  'enterprise',
  'school',
  'class',
  'industrial-zone',
  'commune',
  'union',
  'agency',
  'other',
] as const;
export const unitKindSchema = z.enum(unitKinds);
export type UnitKind = z.infer<typeof unitKindSchema>;

export const unitNameMaxLength = 120;

/** Tiểu học, THCS, THPT, and GDNN / cao đẳng / đại học. */
export const schoolLevels = ['primary', 'lower-secondary', 'upper-secondary', 'vocational-higher'] as const;
export const schoolLevelSchema = z.enum(schoolLevels);
export type SchoolLevel = z.infer<typeof schoolLevelSchema>;

/** A school year: first and last day, both included (editable: calendars differ). */
export const schoolYearSchema = z
  .strictObject({ id: z.uuid(), start: z.iso.date(), end: z.iso.date() })
  .check(z.refine((year) => year.start < year.end, { message: 'year ends before it starts', path: ['end'] }));
export type SchoolYearRecord = z.infer<typeof schoolYearSchema>;

/** What a school unit adds (since version 4); its commune or ward is its parent unit. */
export const schoolDetailsSchema = z.strictObject({
  level: schoolLevelSchema,
  years: z.array(schoolYearSchema).check(z.minLength(1)),
});
export type SchoolDetails = z.infer<typeof schoolDetailsSchema>;

/** No class is larger than this; more is a typing error. */
export const maxEnrollment = 200;
export const classNameMaxLength = 40;
export const gradeMaxLength = 20;

/** What a class unit adds (since version 4); its school is its parent unit. */
export const classDetailsSchema = z.strictObject({
  /** The school year it belongs to (classes change from one year to the next). */
  yearId: z.uuid(),
  grade: z.string().check(z.trim(), z.minLength(1), z.maxLength(gradeMaxLength)),
  enrollment: z.int().check(z.minimum(0), z.maximum(maxEnrollment)),
  /** Set when a class that activities had reached is removed: its history stays true. */
  removedOn: z.optional(z.iso.date()),
});
export type ClassDetails = z.infer<typeof classDetailsSchema>;

export const unitSchema = z.strictObject({
  id: z.uuid(),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(unitNameMaxLength)),
  kind: unitKindSchema,
  parentId: z.optional(z.uuid()),
  school: z.optional(schoolDetailsSchema),
  class: z.optional(classDetailsSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Unit = z.infer<typeof unitSchema>;
