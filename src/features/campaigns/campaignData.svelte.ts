/** What the campaign screens read: the units and the ledger (`LedgerData`), and the campaigns. */
import type { Campaign } from '../../lib/domain/campaign.schema';
import { listCampaigns } from '../../lib/storage/campaignStore';
import type { DataStoreName } from '../../lib/storage/schema';
import { LedgerData } from '../ledger/ledgerData.svelte';

export class CampaignData extends LedgerData {
  campaigns = $state<Campaign[]>([]);
  protected override readonly watched: readonly DataStoreName[] = ['units', 'ledger', 'campaigns'];

  protected override async load(): Promise<void> {
    const [, campaigns] = await Promise.all([super.load(), listCampaigns(this.db)]);
    this.campaigns = campaigns;
  }

  campaign(id: string): Campaign | undefined {
    return this.campaigns.find((c) => c.id === id);
  }
}
