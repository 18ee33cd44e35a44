/**
 * What the screens over the participation ledger read (schools, the action month): every
 * unit and the ledger, loaded together and reloaded after this tab writes and when another
 * tab changes them, and a save that reports failure in the user's terms (a full disk, or
 * any other refusal) while the form keeps what was typed. Areas extend it with their stores.
 */
import type { LedgerEntry } from '../../lib/domain/ledger.schema';
import type { Unit } from '../../lib/domain/unit.schema';
import { onArrival, onOtherTabChange } from '../../lib/storage/changes';
import type { Database } from '../../lib/storage/connection';
import { listEntries } from '../../lib/storage/ledgerStore';
import type { DataStoreName } from '../../lib/storage/schema';
import { tryWrite, type WriteFailure } from '../../lib/storage/storageErrors';
import { listUnits } from '../../lib/storage/unitStore';

export class LedgerData {
  // Raw: replaced whole on every load, never changed in place, and a device may hold
  // 100,000 records, which deep proxies would slow down for every reader.
  units = $state.raw<Unit[]>([]);
  entries = $state.raw<LedgerEntry[]>([]);
  loaded = $state(false);
  failure = $state<WriteFailure | null>(null);
  /** The stores whose changes in another tab reload this. */
  protected readonly watched: readonly DataStoreName[] = ['units', 'ledger'];

  constructor(protected readonly db: Database) {}

  /** Reads what this shows; a subclass adds its own stores. */
  protected async load(): Promise<void> {
    const [units, entries] = await Promise.all([listUnits(this.db), listEntries(this.db)]);
    this.units = units;
    this.entries = entries;
  }

  async refresh(): Promise<void> {
    await this.load();
    this.loaded = true;
  }

  /**
   * Loads now and whenever another tab changes what this shows, or a sync brings records in;
   * returns the unsubscribe.
   */
  watch(): () => void {
    void this.refresh();
    const changed = (store: DataStoreName) => {
      if (this.watched.includes(store)) void this.refresh();
    };
    const stops = [onOtherTabChange(changed), onArrival(changed)];
    return () => stops.forEach((stop) => stop());
  }

  unitName(id: string): string {
    return this.units.find((u) => u.id === id)?.name ?? '';
  }

  /**
   * Takes in records this tab has just written (a large import), replacing those with the
   * same id, without reading the whole ledger back.
   */
  absorb(units: readonly Unit[], entries: readonly LedgerEntry[]): void {
    const merge = <T extends { id: string }>(current: readonly T[], incoming: readonly T[]): T[] => {
      if (incoming.length === 0) return current as T[];
      const byId = new Map(current.map((item) => [item.id, item]));
      for (const item of incoming) byId.set(item.id, item);
      return [...byId.values()];
    };
    this.units = merge(this.units, units);
    this.entries = merge(this.entries, entries);
  }

  /** Runs a write, then reloads; resolves to whether it was stored. */
  async save(write: (db: Database) => Promise<unknown>): Promise<boolean> {
    this.failure = await tryWrite(() => write(this.db));
    if (this.failure) return false;
    await this.refresh();
    return true;
  }
}
