/**
 * What the campaign screens read: the campaigns, the units and the ledger, reloaded after
 * this tab writes and when another tab changes them; a save that reports failure in the
 * user's terms while the form keeps what was typed.
 */
import type { Campaign } from '../../lib/domain/campaign.schema';
import type { LedgerEntry } from '../../lib/domain/ledger.schema';
import type { Unit } from '../../lib/domain/unit.schema';
import { listCampaigns } from '../../lib/storage/campaignStore';
import { onOtherTabChange } from '../../lib/storage/changes';
import type { Database } from '../../lib/storage/connection';
import { listEntries } from '../../lib/storage/ledgerStore';
import { tryWrite, type WriteFailure } from '../../lib/storage/storageErrors';
import { listUnits } from '../../lib/storage/unitStore';

export class CampaignData {
  campaigns = $state<Campaign[]>([]);
  units = $state<Unit[]>([]);
  entries = $state<LedgerEntry[]>([]);
  loaded = $state(false);
  failure = $state<WriteFailure | null>(null);

  constructor(private readonly db: Database) {}

  async refresh(): Promise<void> {
    const [campaigns, units, entries] = await Promise.all([
      listCampaigns(this.db),
      listUnits(this.db),
      listEntries(this.db),
    ]);
    this.campaigns = campaigns;
    this.units = units;
    this.entries = entries;
    this.loaded = true;
  }

  watch(): () => void {
    void this.refresh();
    return onOtherTabChange((store) => {
      if (store === 'campaigns' || store === 'units' || store === 'ledger') void this.refresh();
    });
  }

  campaign(id: string): Campaign | undefined {
    return this.campaigns.find((c) => c.id === id);
  }

  unitName(id: string): string {
    return this.units.find((u) => u.id === id)?.name ?? '';
  }

  async save(write: (db: Database) => Promise<unknown>): Promise<boolean> {
    this.failure = await tryWrite(() => write(this.db));
    if (this.failure) return false;
    await this.refresh();
    return true;
  }
}
