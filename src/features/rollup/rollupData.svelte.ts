/** What the roll-up screens read: the units and the ledger (`LedgerData`), and the reporting rounds. */
import type { LedgerEntry } from '../../lib/domain/ledger.schema';
import type { Rollup } from '../../lib/domain/rollup';
import type { Unit } from '../../lib/domain/unit.schema';
import { listRollups } from '../../lib/storage/rollupStore';
import type { DataStoreName } from '../../lib/storage/schema';
import { LedgerData } from '../ledger/ledgerData.svelte';

export class RollupData extends LedgerData {
  rollups = $state.raw<Rollup[]>([]);
  protected override readonly watched: readonly DataStoreName[] = ['units', 'ledger', 'rollups'];

  protected override async load(): Promise<void> {
    const [, rollups] = await Promise.all([super.load(), listRollups(this.db)]);
    this.rollups = rollups;
  }

  /** Takes in what an import wrote: its units and records, and the round as updated. */
  absorbImport(written: { round: Rollup; units: readonly Unit[]; records: readonly LedgerEntry[] }): void {
    this.absorb(written.units, written.records);
    this.rollups = this.rollups.map((r) => (r.id === written.round.id ? written.round : r));
  }

  rollup(id: string): Rollup | undefined {
    return this.rollups.find((r) => r.id === id);
  }
}
