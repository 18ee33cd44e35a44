/**
 * What the school screens read: every unit and the ledger, loaded together and reloaded
 * when this tab writes or another tab changes them, and a save that reports failure in the
 * user's terms (a full disk, or any other refusal) while the form keeps what was typed.
 */
import type { LedgerEntry } from '../../lib/domain/ledger.schema';
import { isSchool, type School } from '../../lib/domain/school';
import type { Unit } from '../../lib/domain/unit.schema';
import { onOtherTabChange } from '../../lib/storage/changes';
import type { Database } from '../../lib/storage/connection';
import { listEntries } from '../../lib/storage/ledgerStore';
import { StorageFullError } from '../../lib/storage/storageErrors';
import { listUnits } from '../../lib/storage/unitStore';

export type SaveFailure = 'full' | 'failed' | null;

export class SchoolData {
  units = $state<Unit[]>([]);
  entries = $state<LedgerEntry[]>([]);
  loaded = $state(false);
  failure = $state<SaveFailure>(null);
  readonly schools = $derived(this.units.filter(isSchool));

  constructor(private readonly db: Database) {}

  async refresh(): Promise<void> {
    const [units, entries] = await Promise.all([listUnits(this.db), listEntries(this.db)]);
    this.units = units;
    this.entries = entries;
    this.loaded = true;
  }

  /** Loads now and whenever another tab changes units or the ledger; returns the unsubscribe. */
  watch(): () => void {
    void this.refresh();
    return onOtherTabChange((store) => {
      if (store === 'units' || store === 'ledger') void this.refresh();
    });
  }

  school(id: string): School | undefined {
    return this.schools.find((school) => school.id === id);
  }

  /** Runs a write, then reloads; resolves to whether it was stored. */
  async save(write: (db: Database) => Promise<unknown>): Promise<boolean> {
    this.failure = null;
    try {
      await write(this.db);
    } catch (error) {
      console.error('Could not save', error);
      this.failure = error instanceof StorageFullError ? 'full' : 'failed';
      return false;
    }
    await this.refresh();
    return true;
  }
}
