/**
 * The bridge between the kit's own database and a province's CouchDB (issue 19), loaded only
 * on a device where sync is on, with PouchDB (browser edition, IndexedDB adapter) in it.
 *
 * The kit keeps its records where they are (idb, `lib/storage`); PouchDB holds a local copy
 * of the synced documents (`chung-tay-sync-<database>`) and does the replication, checkpoints,
 * retries and revision trees. Signing in (`/_session`) gives the account's unit from its
 * roles. Then one cycle:
 *   1. write to the copy what the kit's database holds newer under the account's unit (units,
 *      ledger records, action-month campaigns, the reporting rounds of its own unit; a reading
 *      account, those rounds only) and the deletions noted since, signed with the account —
 *      first, so that an edit made here while another device edited the same record becomes
 *      a conflict in the copy (both kept) instead of being overwritten by the pull;
 *   2. pull the account's tree from the server into the copy (filter `chung-tay/scope`);
 *   3. apply what changed in the copy to the kit's database, under `planPull`'s rules, a
 *      conflicted document taking its revision edited last (`resolveRevisions`);
 *   4. push the copy to the server; what the server refuses is counted and told, not retried
 *      until something changes.
 */
import PouchDB, { type Database as Pouch, type Doc } from 'pouchdb-browser';
import {
  accountOf,
  docId,
  docsToPush,
  parseDocId,
  planPull,
  problemOfStatus,
  resolveRevisions,
  sameContent,
  type PullPlan,
  type SyncAccount,
  type SyncedDoc,
  type SyncProblem,
  type SyncSettings,
} from '../../lib/domain/sync';
import { listCampaigns } from '../../lib/storage/campaignStore';
import type { Database } from '../../lib/storage/connection';
import { listEntries } from '../../lib/storage/ledgerStore';
import { listRollups } from '../../lib/storage/rollupStore';
import { StorageFullError } from '../../lib/storage/storageErrors';
import {
  applyPull,
  clearSyncDeletions,
  copiesById,
  getSyncDeletions,
  getSyncStatus,
  saveSyncStatus,
} from '../../lib/storage/syncStore';
import { listUnits } from '../../lib/storage/unitStore';

/** A cycle that could not finish, with what to tell the user. */
export class SyncError extends Error {
  constructor(readonly problem: SyncProblem) {
    super(problem);
  }
}

export interface CycleResult {
  finishedAt: string;
  pulled: number;
  pushed: number;
  /** Documents the server refused to take. */
  refused: number;
  /** Documents from the server the device did not take (not the kit's shape or rules). */
  ignored: number;
}

const batchSize = 500;
/** HTTP Basic credentials, UTF-8 as CouchDB reads them. */
const basic = (settings: SyncSettings) =>
  `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${settings.login}:${settings.password}`)))}`;

/** Signs in and returns the account's unit; the password is sent, never logged or kept elsewhere. */
export async function signIn(settings: SyncSettings): Promise<SyncAccount> {
  let response: Response;
  try {
    response = await fetch(`${settings.url}/_session`, {
      headers: { authorization: basic(settings), accept: 'application/json' },
      credentials: 'omit',
    });
  } catch {
    throw new SyncError('unreachable');
  }
  if (!response.ok) throw new SyncError(problemOfStatus(response.status));
  const session = (await response.json().catch(() => null)) as {
    userCtx?: { name?: string; roles?: unknown };
  } | null;
  const roles = session?.userCtx?.roles;
  if (!session?.userCtx?.name) throw new SyncError('password');
  const account = Array.isArray(roles)
    ? accountOf(roles.filter((r): r is string => typeof r === 'string'))
    : undefined;
  if (!account) throw new SyncError('no-unit');
  return account;
}

export class SyncSession {
  readonly local: Pouch;
  private readonly remote: Pouch;
  /** Step 1 ran in the cycle just ended: `waiting` need not compare the stores again. */
  private copyCurrent = false;

  constructor(
    private readonly db: Database,
    private readonly settings: SyncSettings,
    private readonly account: SyncAccount,
    /** The local copy's name (tests give each simulated device its own). */
    copyName: string = localName(settings),
  ) {
    this.local = new PouchDB(copyName);
    const authorization = basic(settings);
    this.remote = new PouchDB(`${settings.url}/${settings.database}`, {
      skip_setup: true,
      // The header on every request; no cookie, nothing in the URL.
      fetch: (url, init) => {
        const headers = new Headers(init?.headers);
        headers.set('authorization', authorization);
        return fetch(url, { ...init, headers, credentials: 'omit' });
      },
    });
  }

  /** One whole cycle (steps 1–4 above). */
  async cycle(now: () => Date = () => new Date()): Promise<CycleResult> {
    // A copy that has never pulled (sync just turned on, or on again) takes the server's
    // documents first: the device's records then go in as edits of what the server holds, not
    // as rival revisions of records edited elsewhere meanwhile.
    this.copyCurrent = false;
    const fresh = (await getSyncStatus(this.db)).pulledSeq === undefined;
    const prepared = !fresh ? await this.prepare() : { deletions: [] as string[] };
    const { applied, ignored } = await this.pull(now);
    if (fresh) prepared.deletions = (await this.prepare()).deletions;
    const pushed = await this.push();
    const finishedAt = now().toISOString();
    const status = await getSyncStatus(this.db);
    await saveSyncStatus(this.db, { ...status, finishedAt, pushedSeq: (await this.local.info()).update_seq });
    await clearSyncDeletions(this.db, prepared.deletions);
    return {
      finishedAt,
      pulled: applied,
      pushed: pushed.docs_written,
      refused: pushed.doc_write_failures,
      ignored,
    };
  }

  /**
   * Step 4. A reading account sends only its own rounds, named one by one, and nothing at all
   * when it has none: a province's copy holds every document of its units, and going through
   * them each cycle would cost it seconds.
   */
  private async push(): Promise<{ docs_written: number; doc_write_failures: number }> {
    if (this.account.access === 'write')
      return this.guard(this.local.replicate.to(this.remote, { batch_size: batchSize }));
    const { rows } = await this.local.allDocs({
      startkey: 'round:',
      endkey: 'round:\uffff',
      include_docs: true,
    });
    const mine = rows.flatMap((row) => (row.doc?.writer === this.settings.login ? [row.id] : []));
    if (mine.length === 0) return { docs_written: 0, doc_write_failures: 0 };
    return this.guard(this.local.replicate.to(this.remote, { batch_size: batchSize, doc_ids: mine }));
  }

  /** Steps 2 and 3. */
  private async pull(now: () => Date): Promise<{ applied: number; ignored: number }> {
    const above = await this.unitsAbove();
    await this.guard(
      this.local.replicate.from(this.remote, {
        batch_size: batchSize,
        filter: 'chung-tay/scope',
        query_params: { unit: this.account.unitId, above: above.join(',') },
      }),
    );
    return this.applyChanges(now());
  }

  /**
   * How many of this device's edits wait to go up: what the copy took from it since the last
   * push finished, and what the kit's database holds that the copy has not yet taken.
   */
  async waiting({ afterCycle = false } = {}): Promise<number> {
    const status = await getSyncStatus(this.db);
    const writer = this.settings.login;
    const sinceCopy = await this.local.changes({
      since: status.pushedSeq ?? 0,
      filter: (doc) => doc.writer === writer || doc._deleted === true,
    });
    // Asked right after a cycle that got as far as step 1, the copy holds everything the device
    // had (an edit made since sets off the next cycle): the kit's stores are not read again.
    const { docs } = afterCycle && this.copyCurrent ? { docs: [] } : await this.toWrite();
    const ids = new Set(sinceCopy.results.map((change) => change.id));
    for (const doc of docs) ids.add(doc._id);
    if (this.account.access !== 'write') return ids.size;
    return ids.size + (await getSyncDeletions(this.db)).filter((id) => !ids.has(docId('ledger', id))).length;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.local.close(), this.remote.close()]);
  }

  /** The ids of the units above the account's unit, from its document on the server. */
  private async unitsAbove(): Promise<string[]> {
    try {
      const doc = await this.remote.get(docId('unit', this.account.unitId));
      const scope = Array.isArray(doc.scope)
        ? doc.scope.filter((id): id is string => typeof id === 'string')
        : [];
      return scope.slice(0, -1);
    } catch (error) {
      throw new SyncError(problemOfStatus(statusOf(error)));
    }
  }

  private async guard<T>(replication: Promise<T>): Promise<T> {
    try {
      return await replication;
    } catch (error) {
      // The local copy refused by a full disk: said as such, not as a server error.
      const { name, reason, message } = (error ?? {}) as Record<string, unknown>;
      if (/quota/i.test(`${String(name)} ${String(reason)} ${String(message)}`)) throw new SyncError('full');
      throw new SyncError(problemOfStatus(statusOf(error)));
    }
  }

  /** Step 3: the copy's changes since the last applied, into the kit's database, a page at a time. */
  private async applyChanges(now: Date): Promise<{ applied: number; ignored: number }> {
    let since = (await getSyncStatus(this.db)).pulledSeq ?? 0;
    let applied = 0;
    let ignored = 0;
    // The copy's units first, all of them: a record's unit may have changed after it, and so
    // come later in the feed than the record that needs it.
    const peek = await this.local.changes({ since, limit: 1 });
    if (peek.results.length > 0) {
      const { rows } = await this.local.allDocs({
        startkey: 'unit:',
        endkey: 'unit:\uffff',
        include_docs: true,
        conflicts: true,
      });
      const docs = await Promise.all(rows.flatMap((row) => (row.doc ? [this.resolved(row.doc)] : [])));
      const units = new Map((await listUnits(this.db)).map((unit) => [unit.id, unit]));
      const plan = planPull(docs, [], { units, records: new Map() }, now);
      await this.write(plan);
      applied += plan.units.length;
    }
    for (;;) {
      const page = await this.local.changes({ since, limit: batchSize, include_docs: true, conflicts: true });
      if (page.results.length === 0) break;
      const docs: Doc[] = [];
      const deleted: string[] = [];
      for (const change of page.results) {
        const named = parseDocId(change.id);
        if (!named) continue;
        if (change.deleted) {
          if (named.type === 'ledger') deleted.push(named.id);
        } else if (change.doc) docs.push(await this.resolved(change.doc));
      }
      const units = new Map((await listUnits(this.db)).map((unit) => [unit.id, unit]));
      const idsOf = (type: string) =>
        docs.flatMap((doc) => (doc.type === type ? [parseDocId(doc._id)?.id ?? ''] : []));
      const { records, campaigns, rounds } = await copiesById(this.db, {
        records: [...idsOf('ledger'), ...deleted],
        campaigns: idsOf('campaign'),
        rounds: idsOf('round'),
      });
      const plan = planPull(docs, deleted, { units, records, campaigns, rounds }, now);
      await this.write(plan);
      applied +=
        plan.units.length +
        plan.records.length +
        plan.campaigns.length +
        plan.rounds.length +
        plan.deletions.length;
      ignored += plan.refused;
      since = page.last_seq;
      await saveSyncStatus(this.db, { ...(await getSyncStatus(this.db)), pulledSeq: since });
    }
    return { applied, ignored };
  }

  private async write(plan: PullPlan): Promise<void> {
    try {
      await applyPull(this.db, plan);
    } catch (error) {
      throw new SyncError(error instanceof StorageFullError ? 'full' : 'server');
    }
  }

  /** A document with conflicts, as the revision edited last. */
  private async resolved(doc: Doc): Promise<Doc> {
    const conflicts = doc._conflicts ?? [];
    if (conflicts.length === 0) return doc;
    const others = await Promise.all(conflicts.map((rev) => this.local.get(doc._id, { rev })));
    const dated = (d: Doc) => ({
      doc: d,
      record: { updatedAt: String((d.record as { updatedAt?: unknown } | undefined)?.updatedAt ?? '') },
    });
    return resolveRevisions(dated(doc), others.map(dated)).doc;
  }

  /** What the copy lacks or holds older, from the kit's database, and the copy's current revisions. */
  private async toWrite(): Promise<{ docs: Array<SyncedDoc & { _rev?: string }> }> {
    const [units, records, campaigns, rounds] = await Promise.all([
      listUnits(this.db),
      this.account.access === 'write' ? listEntries(this.db) : [],
      this.account.access === 'write' ? listCampaigns(this.db) : [],
      listRollups(this.db),
    ]);
    const wanted = docsToPush({ units, records, campaigns, rounds }, this.account, this.settings.login);
    const docs: Array<SyncedDoc & { _rev?: string }> = [];
    for (let start = 0; start < wanted.length; start += batchSize) {
      const slice = wanted.slice(start, start + batchSize);
      const { rows } = await this.local.allDocs({
        keys: slice.map((d) => d._id),
        include_docs: true,
        conflicts: true,
      });
      for (const [i, row] of rows.entries()) {
        const doc = slice[i]!;
        const here = row.doc ? ((await this.resolved(row.doc)) as unknown as SyncedDoc) : undefined;
        if (here && (sameContent(here, doc) || here.record.updatedAt > doc.record.updatedAt)) continue;
        docs.push(row.value?.rev ? { ...doc, _rev: row.value.rev } : doc);
      }
    }
    return { docs };
  }

  /** Step 1: the kit's newer records and the noted deletions into the copy. */
  private async prepare(): Promise<{ deletions: string[] }> {
    const { docs } = await this.toWrite();
    // A reading account's deletions are its own: the server takes none (they are forgotten).
    const deletions = await getSyncDeletions(this.db);
    const tombstones: Doc[] = [];
    if (deletions.length > 0 && this.account.access === 'write') {
      const { rows } = await this.local.allDocs({ keys: deletions.map((id) => docId('ledger', id)) });
      for (const row of rows)
        if (row.value && !row.value.deleted)
          tombstones.push({ _id: row.id, _rev: row.value.rev, _deleted: true });
    }
    for (let start = 0; start < docs.length; start += batchSize)
      await this.local.bulkDocs(docs.slice(start, start + batchSize) as unknown as Doc[]);
    if (tombstones.length > 0) await this.local.bulkDocs(tombstones);
    this.copyCurrent = true;
    return { deletions };
  }
}

/** The local copy's database name, one per server and database. */
export function localName(settings: Pick<SyncSettings, 'url' | 'database'>): string {
  return `chung-tay-sync-${new URL(settings.url).host}-${settings.database}`;
}

/** Removes the local copy (sync turned off); the kit's own records are not touched. */
export async function destroyLocalCopy(settings: Pick<SyncSettings, 'url' | 'database'>): Promise<void> {
  await new PouchDB(localName(settings)).destroy();
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number') return status;
  // PouchDB reports a network failure without a status.
  return undefined;
}
