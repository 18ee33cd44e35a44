/**
 * The unit's own help contacts, loaded when first shown and kept in step with other tabs.
 */
import type { Contact } from '../../lib/domain/contact.schema';
import { onOtherTabChange } from '../../lib/storage/changes';
import type { Database } from '../../lib/storage/connection';
import { deleteContact, listContacts, saveContact } from '../../lib/storage/contactStore';

export class ContactsState {
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
    this.list = await listContacts(this.db);
    this.loaded = true;
  }

  async save(contact: Contact): Promise<void> {
    await saveContact(this.db, contact);
    await this.refresh();
  }

  async remove(id: string): Promise<void> {
    await deleteContact(this.db, id);
    await this.refresh();
  }
}
