/** What the roll-up screens read: the units and the ledger (`LedgerData`), and the reporting rounds. */
import type { Rollup } from '../../lib/domain/rollup';
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

  rollup(id: string): Rollup | undefined {
    return this.rollups.find((r) => r.id === id);
  }
}
