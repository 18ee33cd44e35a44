/** What the statistics and roll-up screens read: the units and the ledger (`LedgerData`), and every quiz attempt. */
import type { Attempt } from '../../lib/domain/attempt.schema';
import { listAllAttempts } from '../../lib/storage/attemptStore';
import type { DataStoreName } from '../../lib/storage/schema';
import { LedgerData } from '../ledger/ledgerData.svelte';

export class StatisticsData extends LedgerData {
  attempts = $state.raw<Attempt[]>([]);
  protected override readonly watched: readonly DataStoreName[] = ['units', 'ledger', 'attempts'];

  protected override async load(): Promise<void> {
    const [, attempts] = await Promise.all([super.load(), listAllAttempts(this.db)]);
    this.attempts = attempts;
  }
}
