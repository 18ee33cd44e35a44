import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ContactsState } from '../../../src/features/help/contacts.svelte';
import { toContact, type ContactInput } from '../../../src/lib/domain/contact';
import type { Database } from '../../../src/lib/storage/connection';
import { listContacts } from '../../../src/lib/storage/contactStore';
import { announceFromOtherTab, failStoreRequests, openTwoTabs } from './tabs';

let tabA: Database;
let tabB: Database;
let close: () => void;
const states: ContactsState[] = [];
const contactsOf = (db: Database) => {
  const state = new ContactsState(db);
  states.push(state);
  return state;
};
const makeContact = (overrides: Partial<ContactInput> = {}) =>
  toContact(
    {
      kind: 'commune-police',
      name: 'Công an xã Tân Lập',
      phone: '0210 3851 234',
      address: '',
      note: '',
      ...overrides,
    },
    crypto.randomUUID(),
    new Date('2027-03-01T08:00:00.000Z'),
  );

beforeEach(async () => {
  ({ tabA, tabB, close } = await openTwoTabs());
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const state of states.splice(0)) state.stop();
  close();
});

describe('ContactsState', () => {
  test('Contacts load once, and a saved contact is listed in kind order', async () => {
    const contacts = contactsOf(tabA);
    await contacts.ensureLoaded();
    expect(contacts.loaded).toBe(true);
    expect(contacts.list).toEqual([]);

    expect(await contacts.save(makeContact({ kind: 'health-station', name: 'Trạm y tế xã' }))).toBeNull();
    expect(await contacts.save(makeContact())).toBeNull();

    expect(contacts.list.map((c) => c.name)).toEqual(['Công an xã Tân Lập', 'Trạm y tế xã']);
  });

  test('Saving a contact with the same id replaces it, and deleting removes it', async () => {
    const contacts = contactsOf(tabA);
    const contact = makeContact();
    await contacts.save(contact);
    await contacts.save({ ...contact, name: 'Công an xã Tân Lập (trực ban)' });
    expect(contacts.list.map((c) => c.name)).toEqual(['Công an xã Tân Lập (trực ban)']);

    expect(await contacts.remove(contact.id)).toBeNull();
    expect(contacts.list).toEqual([]);
  });

  test('When the disk is full, saving a contact says so and the list stays as it was', async () => {
    const contacts = contactsOf(tabA);
    await contacts.ensureLoaded();
    failStoreRequests(tabA, 'put');

    expect(await contacts.save(makeContact())).toBe('full');
    vi.restoreAllMocks();

    expect(contacts.list).toEqual([]);
    expect(await listContacts(tabA)).toEqual([]);
  });

  test('A deletion the browser refuses is reported and keeps the contact', async () => {
    const contacts = contactsOf(tabA);
    const contact = makeContact();
    await contacts.save(contact);
    failStoreRequests(tabA, 'delete', 'DataError');

    expect(await contacts.remove(contact.id)).toBe('failed');
    vi.restoreAllMocks();

    expect(contacts.list).toHaveLength(1);
  });

  test('A contact saved in another tab shows up here when that tab announces it', async () => {
    const here = contactsOf(tabB);
    await here.ensureLoaded();
    const there = contactsOf(tabA);

    await there.save(makeContact());
    expect(here.list).toEqual([]);
    announceFromOtherTab('contacts');

    await vi.waitFor(() => expect(here.list.map((c) => c.name)).toEqual(['Công an xã Tân Lập']));
  });
});
