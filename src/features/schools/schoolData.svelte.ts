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
import { tryWrite, type WriteFailure } from '../../lib/storage/storageErrors';
import { listUnits } from '../../lib/storage/unitStore';

export class SchoolData {
  units = $state<Unit[]>([]);
  entries = $state<LedgerEntry[]>([]);
  loaded = $state(false);
  failure = $state<WriteFailure | null>(null);
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
    this.failure = await tryWrite(() => write(this.db));
    if (this.failure) return false;
    await this.refresh();
    return true;
  }
}
