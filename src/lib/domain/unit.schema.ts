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

export const unitSchema = z.strictObject({
  id: z.uuid(),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(unitNameMaxLength)),
  kind: unitKindSchema,
  parentId: z.optional(z.uuid()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Unit = z.infer<typeof unitSchema>;
