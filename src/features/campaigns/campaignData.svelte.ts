/**
 * What the campaign screens read and write: the units and the ledger (`LedgerData`), and the
 * campaigns. Every change a screen makes goes through a method here, which builds the record
 * with the rules of `lib/domain/campaign.ts`, stores it, and reloads; each resolves to whether
 * it was stored, and a failure is left in `failure` for the screen to show while its form keeps
 * what was typed. Inputs are expected already checked (`checkCampaignInput`, …): the screen
 * shows the problems, this only writes.
 */
import {
  toCampaign,
  toCampaignActivityEntry,
  toPlannedActivity,
  withStatus,
  type CampaignInput,
  type LogInput,
  type PlannedInput,
} from '../../lib/domain/campaign';
import type { Campaign, PlannedStatus } from '../../lib/domain/campaign.schema';
import type { CampaignActivityEntry } from '../../lib/domain/ledger.schema';
import { listCampaigns, logCampaignActivity, saveCampaign } from '../../lib/storage/campaignStore';
import type { Database } from '../../lib/storage/connection';
import { deleteEntry } from '../../lib/storage/ledgerStore';
import type { DataStoreName } from '../../lib/storage/schema';
import { LedgerData } from '../ledger/ledgerData.svelte';

/** The parts of the report the user writes, besides its date. */
export type NarrativeField = 'reportDate' | 'assessment' | 'difficulties' | 'proposals';

/** Where new ids and times come from (tests give fixed ones). */
export interface CampaignClock {
  now: () => Date;
  newId: () => string;
}

const systemClock: CampaignClock = { now: () => new Date(), newId: () => crypto.randomUUID() };

export class CampaignData extends LedgerData {
  campaigns = $state<Campaign[]>([]);
  protected override readonly watched: readonly DataStoreName[] = ['units', 'ledger', 'campaigns'];

  constructor(
    db: Database,
    private readonly clock: CampaignClock = systemClock,
  ) {
    super(db);
  }

  protected override async load(): Promise<void> {
    const [, campaigns] = await Promise.all([super.load(), listCampaigns(this.db)]);
    this.campaigns = campaigns;
  }

  campaign(id: string): Campaign | undefined {
    return this.campaigns.find((c) => c.id === id);
  }

  /** The activities logged for a campaign, oldest first. */
  activitiesOf(campaignId: string): CampaignActivityEntry[] {
    return this.entries
      .filter(
        (e): e is CampaignActivityEntry => e.kind === 'campaign-activity' && e.campaignId === campaignId,
      )
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  /** Stores a new campaign (and its issuing unit when new); resolves to it, or undefined if not stored. */
  async createCampaign(input: CampaignInput): Promise<Campaign | undefined> {
    const { campaign, created } = toCampaign(input, this.units, {
      newId: this.clock.newId,
      now: this.clock.now(),
    });
    return (await this.save((db) => saveCampaign(db, campaign, created))) ? campaign : undefined;
  }

  /** Stores an edited set-up; the plan and the narrative stay as they are. */
  async saveSetup(campaignId: string, input: CampaignInput): Promise<boolean> {
    const existing = this.campaign(campaignId);
    if (!existing) return false;
    const { campaign, created } = toCampaign(input, this.units, {
      newId: this.clock.newId,
      now: this.clock.now(),
      existing,
    });
    return this.save((db) => saveCampaign(db, campaign, created));
  }

  /** Adds an activity to the plan. */
  addPlanned(campaignId: string, input: PlannedInput): Promise<boolean> {
    return this.update(campaignId, (campaign) => ({
      ...campaign,
      planned: [...campaign.planned, toPlannedActivity(input, this.clock.newId())],
    }));
  }

  /** Changes a planned activity's status (planned, done, cancelled). */
  updatePlanned(campaignId: string, plannedId: string, status: PlannedStatus): Promise<boolean> {
    return this.update(campaignId, (campaign) => withStatus(campaign, plannedId, status, this.clock.now()));
  }

  /** Takes an activity off the plan (what was logged for it stays in the ledger). */
  removePlanned(campaignId: string, plannedId: string): Promise<boolean> {
    return this.update(campaignId, (campaign) => ({
      ...campaign,
      planned: campaign.planned.filter((p) => p.id !== plannedId),
    }));
  }

  /**
   * Stores what an activity counted in the ledger; the planned activity it carries out, if
   * any, is marked done in the same transaction. Resolves to the record, or undefined.
   */
  async logActivity(campaignId: string, input: LogInput): Promise<CampaignActivityEntry | undefined> {
    const campaign = this.campaign(campaignId);
    if (!campaign) return undefined;
    const now = this.clock.now();
    const entry = toCampaignActivityEntry(input, campaign, { id: this.clock.newId(), now });
    const next = input.plannedId ? withStatus(campaign, input.plannedId, 'done', now) : campaign;
    return (await this.save((db) => logCampaignActivity(db, entry, next))) ? entry : undefined;
  }

  /** Deletes a logged activity from the ledger. */
  deleteActivity(entryId: string): Promise<boolean> {
    return this.save((db) => deleteEntry(db, entryId));
  }

  /** Keeps one part of the report as written (trimmed); an empty one is removed. */
  saveNarrative(campaignId: string, field: NarrativeField, value: string): Promise<boolean> {
    return this.update(campaignId, (campaign) => {
      const narrative: Campaign['narrative'] = { ...campaign.narrative };
      const text = value.trim();
      if (text) narrative[field] = text;
      else delete narrative[field];
      return { ...campaign, narrative };
    });
  }

  /** Stores the campaign as `change` makes it, stamped now. */
  private update(campaignId: string, change: (campaign: Campaign) => Campaign): Promise<boolean> {
    const campaign = this.campaign(campaignId);
    if (!campaign) return Promise.resolve(false);
    const next = { ...change(campaign), updatedAt: this.clock.now().toISOString() };
    return this.save((db) => saveCampaign(db, next));
  }
}
