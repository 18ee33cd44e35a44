/**
 * Sync with a province's CouchDB (issue 19), the pure part: how a unit, a ledger record, a
 * campaign or a reporting round becomes a synced document and back, which of a document's
 * revisions counts, and what a batch pulled from the server may change on the device. The
 * bridge that moves documents (`features/sync/syncEngine.ts`) and the server's own rules
 * (`server/couchdb/designDoc.mjs`) sit on either side.
 *
 * A synced document is `{ _id: '<type>:<record id>', type, record, scope, writer }` (type
 * `unit`, `ledger`, `campaign` or `round`): `scope` is the chain of unit ids from the top down
 * to the record's unit (for a unit, itself; for a round, its receiving unit), `writer` the
 * account that wrote it. The server lets an account write only documents whose scope holds
 * its unit, and a round only when its unit receives it (so a round syncs among the devices of
 * that unit alone); the device applies the same rules as a roll-up file to what it pulls:
 * the shape and times are checked, the chain must agree with the record's units, and by id
 * the later `updatedAt` wins, so a record that came both by file and by sync is one record.
 */
import * as z from 'zod/mini';
import { futureToleranceMs } from './exchange';
import { campaignSchema, type Campaign } from './campaign.schema';
import { ledgerEntrySchema, type LedgerEntry } from './ledger.schema';
import { laterOf, planMerge, rollupSchema, type Rollup } from './rollup';
import { nameKey } from './units';
import { unitSchema, type Unit } from './unit.schema';

export type SyncType = 'unit' | 'ledger' | 'campaign' | 'round';

/** At most this many units from the top to a record's unit (the server checks the same). */
export const maxScopeDepth = 32;

const scopeSchema = z.array(z.uuid()).check(z.minLength(1), z.maxLength(maxScopeDepth));
const writerSchema = z.string().check(z.minLength(1), z.maxLength(200));

/** A synced document carrying one record of the kit, parsed with the record's own schema. */
const syncedDocSchema = <T extends SyncType, R extends z.ZodMiniType>(type: T, record: R) =>
  z.looseObject({ _id: z.string(), type: z.literal(type), record, scope: scopeSchema, writer: writerSchema });

export const syncedUnitDocSchema = syncedDocSchema('unit', unitSchema);
export const syncedLedgerDocSchema = syncedDocSchema('ledger', ledgerEntrySchema);
/** An action-month campaign: its plan and report's narrative (what happened is ledger records). */
export const syncedCampaignDocSchema = syncedDocSchema('campaign', campaignSchema);
/** A reporting round of the account's own unit (its receiving unit), shared by that unit's devices. */
export const syncedRoundDocSchema = syncedDocSchema('round', rollupSchema);
export type SyncedUnitDoc = z.infer<typeof syncedUnitDocSchema>;
export type SyncedLedgerDoc = z.infer<typeof syncedLedgerDocSchema>;
export type SyncedCampaignDoc = z.infer<typeof syncedCampaignDocSchema>;
export type SyncedRoundDoc = z.infer<typeof syncedRoundDocSchema>;
export type SyncedDoc = SyncedUnitDoc | SyncedLedgerDoc | SyncedCampaignDoc | SyncedRoundDoc;

export const docId = (type: SyncType, id: string) => `${type}:${id}`;

/** The record id a document id names, with its type, or nothing for other documents (design docs…). */
export function parseDocId(id: string): { type: SyncType; id: string } | undefined {
  const match = /^(unit|ledger|campaign|round):(.+)$/.exec(id);
  return match ? { type: match[1] as SyncType, id: match[2]! } : undefined;
}

/** The chain of unit ids from the top down to `unitId`, or nothing when a unit is missing or the chain loops. */
export function scopeOf(unitId: string, units: ReadonlyMap<string, Unit>): string[] | undefined {
  const chain: string[] = [];
  for (let id: string | undefined = unitId; id !== undefined; id = units.get(id)?.parentId) {
    if (!units.has(id) || chain.includes(id) || chain.length >= maxScopeDepth) return undefined;
    chain.unshift(id);
  }
  return chain;
}

/** The account's unit and whether it may write, from the roles the server gives it. */
export interface SyncAccount {
  unitId: string;
  access: 'write' | 'read';
}

export function accountOf(roles: readonly string[]): SyncAccount | undefined {
  const uuid = z.uuid();
  for (const [prefix, access] of [
    ['unit:', 'write'],
    ['reader:', 'read'],
  ] as const) {
    const role = roles.find((r) => r.startsWith(prefix) && uuid.safeParse(r.slice(prefix.length)).success);
    if (role) return { unitId: role.slice(prefix.length), access };
  }
  return undefined;
}

/** What sync carries of the kit's stores under a unit's tree. */
export interface SyncedStores {
  units: readonly Unit[];
  records: readonly LedgerEntry[];
  campaigns: readonly Campaign[];
}

/**
 * The documents this device should hold on the server, each signed by `writer`: for an
 * account that writes, its units, ledger records and campaigns that lie under the account's
 * unit (the only ones the server lets it write); for any account, the reporting rounds whose
 * receiving unit is the account's unit. Units above the account's unit, and anything outside
 * its tree (a roll-up from files, a unit made before sync), stay on the device.
 */
export function docsToPush(
  stores: SyncedStores & { rounds: readonly Rollup[] },
  account: SyncAccount,
  writer: string,
): SyncedDoc[] {
  const accountUnitId = account.unitId;
  const byId = new Map(stores.units.map((unit) => [unit.id, unit]));
  const scopes = new Map<string, string[] | undefined>();
  const scope = (unitId: string) => {
    if (!scopes.has(unitId)) scopes.set(unitId, scopeOf(unitId, byId));
    const chain = scopes.get(unitId);
    return chain?.includes(accountUnitId) ? chain : undefined;
  };
  const docs: SyncedDoc[] = [];
  const ownChain = scope(accountUnitId);
  for (const round of stores.rounds) {
    if (ownChain && round.receiverId === accountUnitId)
      docs.push({ _id: docId('round', round.id), type: 'round', record: round, scope: ownChain, writer });
  }
  if (account.access !== 'write') return docs;
  for (const unit of stores.units) {
    const chain = scope(unit.id);
    if (chain && unit.id !== accountUnitId)
      docs.push({ _id: docId('unit', unit.id), type: 'unit', record: unit, scope: chain, writer });
  }
  for (const record of stores.records) {
    const chain = scope(record.unitId);
    if (chain) docs.push({ _id: docId('ledger', record.id), type: 'ledger', record, scope: chain, writer });
  }
  for (const campaign of stores.campaigns) {
    const chain = scope(campaign.unitId);
    if (chain)
      docs.push({
        _id: docId('campaign', campaign.id),
        type: 'campaign',
        record: campaign,
        scope: chain,
        writer,
      });
  }
  return docs;
}

/** Whether two documents carry the same record and chain (so nothing is to be written; who signed does not matter). */
export function sameContent(
  a: Pick<SyncedDoc, 'record' | 'scope'>,
  b: Pick<SyncedDoc, 'record' | 'scope'>,
): boolean {
  return JSON.stringify([a.record, a.scope]) === JSON.stringify([b.record, b.scope]);
}

/**
 * Which of a document's revisions counts, the same way on every device: the record edited
 * last (`updatedAt`), and between equal times the revision CouchDB itself picks as winner
 * (the first one given), which every replica agrees on. The other revisions are not removed:
 * a conflict loses no record, the losing revision stays on the server and in the local copy.
 */
export function resolveRevisions<T extends { record: { updatedAt: string } }>(
  winner: T,
  conflicts: readonly T[],
): T {
  let chosen = winner;
  for (const doc of conflicts) if (doc.record.updatedAt > chosen.record.updatedAt) chosen = doc;
  return chosen;
}

/** What a pulled batch changes on the device. */
export interface PullPlan {
  units: Unit[];
  records: LedgerEntry[];
  campaigns: Campaign[];
  rounds: Rollup[];
  /** Ledger records deleted on the server that the device still holds. */
  deletions: string[];
  /** Documents that were not the kit's shape, or broke its rules: left out, counted. */
  refused: number;
}

/** The device's copies a pull is weighed against (only those of the ids pulled are needed). */
export interface PullDevice {
  units: ReadonlyMap<string, Unit>;
  records: ReadonlyMap<string, LedgerEntry>;
  campaigns?: ReadonlyMap<string, Campaign>;
  rounds?: ReadonlyMap<string, Rollup>;
}

/**
 * What documents pulled from the server may change, under the file merge's rules: each must
 * be the kit's shape; no time may be more than a day ahead of `now` nor an edit before its
 * creation; its chain must be the chain of units the device knows for it (with the batch's
 * units), so an account that claims another unit's enterprise as its own, or writes a record
 * under a chain that is not the real one, changes nothing here; then by id the later
 * `updatedAt` wins, so a batch pulled again, or the same record brought by a file, changes
 * nothing. A record whose unit the device does not know is left out.
 */
export function planPull(
  docs: readonly unknown[],
  deleted: readonly string[],
  device: PullDevice,
  now: Date,
): PullPlan {
  const limit = new Date(now.getTime() + futureToleranceMs).toISOString();
  const saneTimes = (r: { createdAt: string; updatedAt: string }) =>
    r.createdAt <= r.updatedAt && r.updatedAt <= limit;
  const schemas = {
    unit: syncedUnitDocSchema,
    ledger: syncedLedgerDocSchema,
    campaign: syncedCampaignDocSchema,
    round: syncedRoundDocSchema,
  };
  const units: SyncedUnitDoc[] = [];
  const records: SyncedLedgerDoc[] = [];
  const campaigns: SyncedCampaignDoc[] = [];
  const rounds: SyncedRoundDoc[] = [];
  let refused = 0;
  for (const raw of docs) {
    const type = (raw as { type?: unknown } | null)?.type;
    const schema =
      typeof type === 'string' && Object.hasOwn(schemas, type) ? schemas[type as SyncType] : undefined;
    const parsed = schema?.safeParse(raw);
    const doc = parsed?.success ? (parsed.data as SyncedDoc) : undefined;
    if (!doc || doc._id !== docId(doc.type, doc.record.id) || !saneTimes(doc.record)) refused++;
    else if (doc.type === 'unit') units.push(doc);
    else if (doc.type === 'ledger') records.push(doc);
    else if (doc.type === 'campaign') campaigns.push(doc);
    else rounds.push(doc);
  }
  const sameChain = (a: readonly string[] | undefined, b: readonly string[]) =>
    a !== undefined && a.length === b.length && a.every((id, i) => id === b[i]);

  const unitPlan = planMerge(
    device.units,
    units.map((doc) => doc.record),
  );
  const merged = new Map(device.units);
  for (const unit of unitPlan.writes) merged.set(unit.id, unit);
  const scopeByUnit = new Map(units.map((doc) => [doc.record.id, doc.scope]));
  const unitWrites = unitPlan.writes.filter((unit) =>
    sameChain(scopeOf(unit.id, merged), scopeByUnit.get(unit.id)!),
  );
  const placedRecords = records.filter((doc) => sameChain(scopeOf(doc.record.unitId, merged), doc.scope));
  const placedCampaigns = campaigns.filter((doc) => sameChain(scopeOf(doc.record.unitId, merged), doc.scope));
  const recordPlan = planMerge(
    device.records,
    placedRecords.map((doc) => doc.record),
  );
  const campaignPlan = planMerge(
    device.campaigns ?? new Map(),
    placedCampaigns.map((doc) => doc.record),
  );
  // A round is placed at its receiving unit.
  const placedRounds = rounds.filter(
    (doc) =>
      doc.record.receiverId !== undefined && sameChain(scopeOf(doc.record.receiverId, merged), doc.scope),
  );
  const roundPlan = planMerge(
    device.rounds ?? new Map(),
    placedRounds.map((doc) => doc.record),
  );
  return {
    units: unitWrites,
    records: recordPlan.writes,
    campaigns: campaignPlan.writes,
    rounds: roundPlan.writes,
    deletions: deleted.filter((id) => device.records.has(id)),
    refused:
      refused +
      (unitPlan.writes.length - unitWrites.length) +
      (records.length - placedRecords.length) +
      (campaigns.length - placedCampaigns.length) +
      (rounds.length - placedRounds.length),
  };
}

/** Why a sync did not finish, in terms the status line can say. */
export const syncProblems = [
  'unreachable',
  'password',
  'no-unit',
  'refused',
  'not-found',
  'full',
  'server',
] as const;
export type SyncProblem = (typeof syncProblems)[number];

/** A problem for an HTTP status (or none, for a network failure). */
export function problemOfStatus(status: number | undefined): SyncProblem {
  if (status === undefined || status === 0) return 'unreachable';
  if (status === 401) return 'password';
  if (status === 403) return 'refused';
  if (status === 404) return 'not-found';
  return 'server';
}

/** The connection a user types in Settings, checked. */
export const syncSettingsSchema = z.strictObject({
  /** The server's address, e.g. https://couch.example.gov.vn (https, or http on this machine). */
  url: z.string().check(z.maxLength(300)),
  database: z.string().check(z.regex(/^[a-z][a-z0-9_$()+/-]{0,200}$/)),
  login: z.string().check(z.minLength(1), z.maxLength(100)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

export const syncFields = ['url', 'database', 'login', 'password'] as const;
export type SyncField = (typeof syncFields)[number];
export type SyncFieldProblem = 'required' | 'invalid';

/** The typed connection's problems, per field; empty when it may be tried. */
export function checkSyncSettings(input: SyncSettings): Partial<Record<SyncField, SyncFieldProblem>> {
  const problems: Partial<Record<SyncField, SyncFieldProblem>> = {};
  for (const field of syncFields) if (!input[field].trim()) problems[field] = 'required';
  if (!problems.url && !serverAddress(input.url)) problems.url = 'invalid';
  if (!problems.database && !syncSettingsSchema.shape.database.safeParse(input.database.trim()).success)
    problems.database = 'invalid';
  return problems;
}

/**
 * The server's address without a trailing slash, when it is one the app may reach: https, or
 * http only on this machine (a district laptop running its own server, and the tests).
 */
export function serverAddress(typed: string): string | undefined {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    return undefined;
  }
  if (url.username || url.password || url.search || url.hash) return undefined;
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return undefined;
  return url.href.replace(/\/+$/, '');
}

/** What `planAdoption` changes. */
export interface Adoption {
  /** The device's top units that are not yet under the account's unit. */
  roots: Unit[];
  units: Unit[];
  records: LedgerEntry[];
  campaigns: Campaign[];
  /** Units merged into the account's unit, to remove (and to re-point anything else at). */
  removed: string[];
}

/** The device's top units not under the account's unit (none until the account's unit has arrived). */
export function adoptionRoots(units: readonly Unit[], accountUnitId: string): Unit[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  if (!byId.has(accountUnitId)) return [];
  const top = scopeOf(accountUnitId, byId)?.[0];
  return units.filter((unit) => !unit.parentId && unit.id !== top && unit.id !== accountUnitId);
}

/**
 * Bringing a device's earlier work under its account's unit, so it goes up: each unit at the
 * top of the device's own tree (one with no parent, other than the account's chain) is placed
 * under the account's unit, and one with the account unit's own name (the officer had typed
 * the commune as a parent before sync) is merged into it — its units, records and campaigns
 * move to the account's unit and it is removed. Every change is an edit made `now`, so it
 * wins over older copies and is sent.
 */
export function planAdoption(stores: SyncedStores, accountUnitId: string, now: Date): Adoption {
  const account = stores.units.find((unit) => unit.id === accountUnitId);
  const roots = adoptionRoots(stores.units, accountUnitId);
  if (!account || roots.length === 0)
    return { roots: [], units: [], records: [], campaigns: [], removed: [] };
  const at = now.toISOString();
  const merged = new Set(
    roots.filter((root) => nameKey(root.name) === nameKey(account.name)).map((r) => r.id),
  );
  const units: Unit[] = [];
  for (const unit of stores.units) {
    if (merged.has(unit.id)) continue;
    if (roots.includes(unit) || (unit.parentId && merged.has(unit.parentId)))
      units.push({ ...unit, parentId: accountUnitId, updatedAt: laterOf(at, unit.updatedAt) });
  }
  const moved = <T extends { unitId: string; updatedAt: string }>(items: readonly T[]): T[] =>
    items
      .filter((item) => merged.has(item.unitId))
      .map((item) => ({ ...item, unitId: accountUnitId, updatedAt: laterOf(at, item.updatedAt) }));
  return {
    roots,
    units,
    records: moved(stores.records),
    campaigns: moved(stores.campaigns),
    removed: [...merged],
  };
}
