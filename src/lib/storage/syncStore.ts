/**
 * What sync keeps in the kit's own database (issue 19): the connection (server, database,
 * account, on or paused), the last finished sync, and the ledger records deleted here that the
 * server has not yet been told of. These are device settings that a backup never carries
 * (`backup.ts` keeps only the settings a restore accepts), so an account's password is never
 * in a file. Pulled records are written through `applyPull`, in one transaction.
 */
import * as z from 'zod/mini';
import { campaignSchema, type Campaign } from '../domain/campaign.schema';
import { ledgerEntrySchema, type LedgerEntry } from '../domain/ledger.schema';
import { rollupSchema, type Rollup } from '../domain/rollup';
import { syncSettingsSchema, type Adoption, type PullPlan } from '../domain/sync';
import { unitSchema } from '../domain/unit.schema';
import { announceArrival, announceChange } from './changes';
import type { Database } from './connection';
import { getSetting, syncConnectionKey, syncDeletionsKey, syncStatusKey } from './settingsStore';
import { writeTransaction } from './storageErrors';

export const syncConnectionSchema = z.strictObject({
  settings: syncSettingsSchema,
  /** 'on': sync whenever the network is there; 'paused': kept, not synced until resumed. */
  state: z.enum(['on', 'paused']),
  /** The account's unit as the server named it at sign-in. */
  account: z.strictObject({ unitId: z.uuid(), access: z.enum(['write', 'read']) }),
});
export type SyncConnection = z.infer<typeof syncConnectionSchema>;

export const syncStatusSchema = z.strictObject({
  /** When the last sync finished (ISO instant). */
  finishedAt: z.optional(z.iso.datetime()),
  /** The local copy's change sequence the device has applied up to. */
  pulledSeq: z.optional(z.union([z.string(), z.number()])),
  /** The local copy's sequence when the last push finished: later changes wait to go up. */
  pushedSeq: z.optional(z.union([z.string(), z.number()])),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

const deletionsSchema = z.array(z.uuid());

export async function getSyncConnection(db: Database): Promise<SyncConnection | undefined> {
  return getSetting(db, syncConnectionKey, syncConnectionSchema);
}

export async function getSyncStatus(db: Database): Promise<SyncStatus> {
  return (await getSetting(db, syncStatusKey, syncStatusSchema)) ?? {};
}

export async function getSyncDeletions(db: Database): Promise<string[]> {
  return (await getSetting(db, syncDeletionsKey, deletionsSchema)) ?? [];
}

/** Saves the connection and, when it is a new one, forgets the old one's progress. */
export async function saveSyncConnection(
  db: Database,
  connection: SyncConnection,
  fresh: boolean,
): Promise<void> {
  const value = syncConnectionSchema.parse(connection);
  await writeTransaction(db, ['settings'], async (tx) => {
    const store = tx.objectStore('settings');
    await store.put({ key: syncConnectionKey, value });
    if (fresh) {
      await store.delete(syncStatusKey);
      await store.delete(syncDeletionsKey);
    }
  });
  announceChange('settings');
}

/** Turns sync off: the connection and its progress are forgotten; every record stays. */
export async function forgetSyncConnection(db: Database): Promise<void> {
  await writeTransaction(db, ['settings'], async (tx) => {
    const store = tx.objectStore('settings');
    for (const key of [syncConnectionKey, syncStatusKey, syncDeletionsKey]) await store.delete(key);
  });
  announceChange('settings');
}

export async function saveSyncStatus(db: Database, status: SyncStatus): Promise<void> {
  const value = syncStatusSchema.parse(status);
  await writeTransaction(db, ['settings'], (tx) =>
    tx.objectStore('settings').put({ key: syncStatusKey, value }),
  );
}

/** Clears the deletions the server has now been told of (others made meanwhile stay). */
export async function clearSyncDeletions(db: Database, sent: readonly string[]): Promise<void> {
  await writeTransaction(db, ['settings'], async (tx) => {
    const store = tx.objectStore('settings');
    const record = await store.get(syncDeletionsKey);
    const parsed = deletionsSchema.safeParse(record?.value);
    const left = (parsed.success ? parsed.data : []).filter((id) => !sent.includes(id));
    if (left.length > 0) await store.put({ key: syncDeletionsKey, value: left });
    else await store.delete(syncDeletionsKey);
  });
}

/**
 * Writes what a pull brought, in one transaction: units first, then records; deleted records
 * removed. A quota error aborts the whole of it, and the next sync brings it again.
 */
export async function applyPull(
  db: Database,
  plan: Pick<PullPlan, 'units' | 'records' | 'campaigns' | 'rounds' | 'deletions'>,
): Promise<void> {
  const count =
    plan.units.length +
    plan.records.length +
    plan.campaigns.length +
    plan.rounds.length +
    plan.deletions.length;
  if (count === 0) return;
  const units = plan.units.map((unit) => unitSchema.parse(unit));
  const records = plan.records.map((record) => ledgerEntrySchema.parse(record));
  const campaigns = plan.campaigns.map((campaign) => campaignSchema.parse(campaign));
  const rounds = plan.rounds.map((round) => rollupSchema.parse(round));
  await writeTransaction(db, ['units', 'ledger', 'campaigns', 'rollups'], async (tx) => {
    const unitStore = tx.objectStore('units');
    for (const unit of units) await unitStore.put(unit);
    const ledger = tx.objectStore('ledger');
    for (const record of records) await ledger.put(record);
    for (const id of plan.deletions) await ledger.delete(id);
    const campaignStore = tx.objectStore('campaigns');
    for (const campaign of campaigns) await campaignStore.put(campaign);
    const roundStore = tx.objectStore('rollups');
    for (const round of rounds) await roundStore.put(round);
  });
  if (units.length > 0) announceArrival('units');
  if (records.length + plan.deletions.length > 0) announceArrival('ledger');
  if (campaigns.length > 0) announceArrival('campaigns');
  if (rounds.length > 0) announceArrival('rollups');
}

/** The device's copy of each of these ledger records, campaigns and rounds that it holds and can read. */
export async function copiesById(
  db: Database,
  ids: { records: readonly string[]; campaigns: readonly string[]; rounds: readonly string[] },
): Promise<{
  records: Map<string, LedgerEntry>;
  campaigns: Map<string, Campaign>;
  rounds: Map<string, Rollup>;
}> {
  const tx = db.transaction(['ledger', 'campaigns', 'rollups'], 'readonly');
  const records = new Map<string, LedgerEntry>();
  const campaigns = new Map<string, Campaign>();
  const rounds = new Map<string, Rollup>();
  await Promise.all([
    ...ids.rounds.map(async (id) => {
      const parsed = rollupSchema.safeParse(await tx.objectStore('rollups').get(id));
      if (parsed.success) rounds.set(id, parsed.data);
    }),
    ...ids.records.map(async (id) => {
      const parsed = ledgerEntrySchema.safeParse(await tx.objectStore('ledger').get(id));
      if (parsed.success) records.set(id, parsed.data);
    }),
    ...ids.campaigns.map(async (id) => {
      const parsed = campaignSchema.safeParse(await tx.objectStore('campaigns').get(id));
      if (parsed.success) campaigns.set(id, parsed.data);
    }),
  ]);
  await tx.done;
  return { records, campaigns, rounds };
}

/**
 * Brings the device's earlier work under its account's unit (`planAdoption`), in one
 * transaction: the moved units, records and campaigns are written, merged units removed, and
 * a reporting round whose receiving unit was merged points at the account's unit instead.
 */
export async function adoptUnits(db: Database, adoption: Adoption, accountUnitId: string): Promise<void> {
  const units = adoption.units.map((unit) => unitSchema.parse(unit));
  const records = adoption.records.map((record) => ledgerEntrySchema.parse(record));
  const campaigns = adoption.campaigns.map((campaign) => campaignSchema.parse(campaign));
  let roundsMoved = 0;
  await writeTransaction(db, ['units', 'ledger', 'campaigns', 'rollups'], async (tx) => {
    for (const unit of units) await tx.objectStore('units').put(unit);
    for (const id of adoption.removed) await tx.objectStore('units').delete(id);
    for (const record of records) await tx.objectStore('ledger').put(record);
    for (const campaign of campaigns) await tx.objectStore('campaigns').put(campaign);
    if (adoption.removed.length === 0) return;
    const rounds = tx.objectStore('rollups');
    for (const raw of await rounds.getAll()) {
      const round = rollupSchema.safeParse(raw);
      if (!round.success || !round.data.receiverId || !adoption.removed.includes(round.data.receiverId))
        continue;
      await rounds.put({ ...round.data, receiverId: accountUnitId });
      roundsMoved++;
    }
  });
  announceChange('units');
  if (records.length > 0) announceChange('ledger');
  if (campaigns.length > 0) announceChange('campaigns');
  if (roundsMoved > 0) announceChange('rollups');
}
