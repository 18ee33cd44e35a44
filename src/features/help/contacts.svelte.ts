/**
 * The unit's own help contacts, loaded when first shown and kept in step with other tabs.
 */
import type { Contact } from '../../lib/domain/contact.schema';
import { onOtherTabChange } from '../../lib/storage/changes';
import type { Database } from '../../lib/storage/connection';

// The contact store (and its schema) loads with the first screen that shows contacts, not at start-up.
const store = () => import('../../lib/storage/contactStore');

class ContactsState {
  list = $state<Contact[]>([]);
  loaded = $state(false);
  private loading: Promise<void> | null = null;
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
    onOtherTabChange((store) => {
      if (store === 'contacts') void this.refresh();
    });
  }

  /** Loads once; later calls wait for the same load. */
  ensureLoaded(): Promise<void> {
    this.loading ??= this.refresh();
    return this.loading;
  }

  private async refresh(): Promise<void> {
    this.list = await (await store()).listContacts(this.db);
    this.loaded = true;
  }

  async save(contact: Contact): Promise<void> {
    await (await store()).saveContact(this.db, contact);
    await this.refresh();
  }

  async remove(id: string): Promise<void> {
    await (await store()).deleteContact(this.db, id);
    await this.refresh();
  }
}

let shared: ContactsState | null = null;

/** The one contacts state of this tab, created when a screen first shows contacts. */
export function contactsState(db: Database): ContactsState {
  shared ??= new ContactsState(db);
  return shared;
}
