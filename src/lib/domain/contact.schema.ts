/**
 * A unit's own help contact (commune police, health station, counselling point, school
 * counsellor…), entered in settings and shown with the national lines on the help page,
 * under materials and on printed handouts. Public service contacts, not personal data.
 */
import * as z from 'zod/mini';

export const contactKinds = [
  'commune-police',
  'health-station',
  'counselling',
  'school-counsellor',
  'other',
] as const;
export const contactKindSchema = z.enum(contactKinds);
export type ContactKind = z.infer<typeof contactKindSchema>;

export const contactLimits = { name: 80, phone: 20, address: 160, note: 160 } as const;
/** Digits with the usual separators, an optional leading +, at least three digits. */
export const phonePattern = /^\+?[\d][\d .()-]*$/;

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const contactSchema = z.strictObject({
  id: z.uuid(),
  kind: contactKindSchema,
  name: text(contactLimits.name),
  phone: z.optional(
    text(contactLimits.phone).check(
      z.regex(phonePattern),
      z.refine((phone) => phone.replace(/\D/g, '').length >= 3, 'needs at least three digits'),
    ),
  ),
  address: z.optional(text(contactLimits.address)),
  /** Opening hours, who to ask for… */
  note: z.optional(text(contactLimits.note)),
  updatedAt: z.iso.datetime(),
});
export type Contact = z.infer<typeof contactSchema>;
