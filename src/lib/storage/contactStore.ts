/**
 * The unit's own help contacts.
 */
import { sortContacts } from '../domain/contact';
import { contactSchema, type Contact } from '../domain/contact.schema';
import { announceChange } from './changes';
import type { Database } from './connection';
import { getAllParsed } from './readParsed';
import { writeTransaction } from './storageErrors';

export async function listContacts(db: Database): Promise<Contact[]> {
  return sortContacts(await getAllParsed(db, 'contacts', contactSchema));
}

export async function saveContact(db: Database, contact: Contact): Promise<void> {
  const record = contactSchema.parse(contact);
  await writeTransaction(db, ['contacts'], (tx) => tx.objectStore('contacts').put(record));
  announceChange('contacts');
}

export async function deleteContact(db: Database, id: string): Promise<void> {
  await writeTransaction(db, ['contacts'], (tx) => tx.objectStore('contacts').delete(id));
  announceChange('contacts');
}
