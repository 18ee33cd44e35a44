/**
 * The unit's own help contacts, loaded when first shown and kept in step with other tabs.
 * Writes resolve to the failure to show (a full disk, or any other refusal) rather than
 * throwing, so the form keeps what was typed.
 */
import type { Contact } from '../../lib/domain/contact.schema';
import { onOtherTabChange } from '../../lib/storage/changes';
import type { Database } from '../../lib/storage/connection';
import { tryWrite, type WriteFailure } from '../../lib/storage/storageErrors';

// The contact store (and its schema) loads with the first screen that shows contacts, not at start-up.
const store = () => import('../../lib/storage/contactStore');

export class ContactsState {
  list = $state<Contact[]>([]);
  loaded = $state(false);
  /** Stops listening to other tabs (the tab's one instance never does; tests do). */
  readonly stop: () => void;
  private loading: Promise<void> | null = null;
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
    this.stop = onOtherTabChange((store) => {
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

  /** Adds or replaces a contact; resolves to null once stored, or to why it was not. */
  async save(contact: Contact): Promise<WriteFailure | null> {
    const failure = await tryWrite(async () => (await store()).saveContact(this.db, contact));
    if (!failure) await this.refresh();
    return failure;
  }

  /** Deletes a contact; resolves to null once done, or to why it was not. */
  async remove(id: string): Promise<WriteFailure | null> {
    const failure = await tryWrite(async () => (await store()).deleteContact(this.db, id));
    if (!failure) await this.refresh();
    return failure;
  }
}

let shared: ContactsState | null = null;

/** The one contacts state of this tab, created when a screen first shows contacts. */
export function contactsState(db: Database): ContactsState {
  shared ??= new ContactsState(db);
  return shared;
}
