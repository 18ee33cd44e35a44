/**
 * Rules for the help-contact form, applied before anything is written, and the order
 * contacts are listed in.
 */
import { contactKinds, contactLimits, contactSchema, type Contact, type ContactKind } from './contact.schema';

/** What the contact form holds: free text, trimmed here. */
export interface ContactInput {
  kind: ContactKind;
  name: string;
  phone: string;
  address: string;
  note: string;
}

export const contactProblems = [
  'name-missing',
  'name-too-long',
  'phone-invalid',
  'phone-or-address',
  'address-too-long',
  'note-too-long',
] as const;
export type ContactProblem = (typeof contactProblems)[number];

export function checkContactInput(input: ContactInput): ContactProblem[] {
  const problems: ContactProblem[] = [];
  const name = input.name.trim();
  const phone = input.phone.trim();
  const address = input.address.trim();
  if (!name) problems.push('name-missing');
  else if (name.length > contactLimits.name) problems.push('name-too-long');
  if (phone && !contactSchema.shape.phone.safeParse(phone).success) problems.push('phone-invalid');
  // A contact nobody can call or find is no help.
  if (!phone && !address) problems.push('phone-or-address');
  if (address.length > contactLimits.address) problems.push('address-too-long');
  if (input.note.trim().length > contactLimits.note) problems.push('note-too-long');
  return problems;
}

/** The stored contact for a checked input. */
export function toContact(input: ContactInput, id: string, now: Date): Contact {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const contact: Contact = { id, kind: input.kind, name: input.name.trim(), updatedAt: now.toISOString() };
  const phone = optional(input.phone);
  const address = optional(input.address);
  const note = optional(input.note);
  if (phone) contact.phone = phone;
  if (address) contact.address = address;
  if (note) contact.note = note;
  return contact;
}

/** By kind in the order of `contactKinds`, then by name (Vietnamese order). */
export function sortContacts(contacts: readonly Contact[]): Contact[] {
  return [...contacts].sort(
    (a, b) =>
      contactKinds.indexOf(a.kind) - contactKinds.indexOf(b.kind) || a.name.localeCompare(b.name, 'vi'),
  );
}
