/**
 * Action-month campaigns. A campaign is saved with the unit it introduces; logging one of
 * its activities writes the ledger record and marks the planned activity it carries out as
 * done, in one transaction.
 */
import { campaignSchema, type Campaign } from '../domain/campaign.schema';
import { ledgerEntrySchema, type CampaignActivityEntry } from '../domain/ledger.schema';
import { unitSchema, type Unit } from '../domain/unit.schema';
import { announceChange } from './changes';
import type { Database } from './connection';
import { getAllParsed, getParsed } from './readParsed';
import { writeTransaction } from './storageErrors';

/** Every campaign, the latest year first. */
export async function listCampaigns(db: Database): Promise<Campaign[]> {
  const campaigns = await getAllParsed(db, 'campaigns', campaignSchema);
  return campaigns.sort((a, b) => b.year - a.year || a.createdAt.localeCompare(b.createdAt));
}

export async function getCampaign(db: Database, id: string): Promise<Campaign | undefined> {
  return getParsed(db, 'campaigns', campaignSchema, id);
}

export async function saveCampaign(
  db: Database,
  campaign: Campaign,
  newUnits: readonly Unit[] = [],
): Promise<void> {
  const record = campaignSchema.parse(campaign);
  const units = newUnits.map((unit) => unitSchema.parse(unit));
  await writeTransaction(db, ['campaigns', 'units'], async (tx) => {
    for (const unit of units) await tx.objectStore('units').put(unit);
    await tx.objectStore('campaigns').put(record);
  });
  if (units.length > 0) announceChange('units');
  announceChange('campaigns');
}

/** Stores what an activity counted; the campaign (its planned activity marked done) with it. */
export async function logCampaignActivity(
  db: Database,
  entry: CampaignActivityEntry,
  campaign: Campaign,
): Promise<void> {
  const record = ledgerEntrySchema.parse(entry);
  const updated = campaignSchema.parse(campaign);
  await writeTransaction(db, ['campaigns', 'ledger'], async (tx) => {
    await tx.objectStore('ledger').put(record);
    await tx.objectStore('campaigns').put(updated);
  });
  announceChange('ledger');
  announceChange('campaigns');
}
