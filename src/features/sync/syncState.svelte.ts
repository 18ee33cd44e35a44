/**
 * Sync as the user sees it (Settings, the status line): on, paused or off; when the last sync
 * finished; how many edits wait to go up; the last problem in plain words. The engine
 * (`syncEngine.ts`, with PouchDB) is loaded only once sync is turned on or found on at
 * start-up, so a device that never syncs never downloads it.
 *
 * While on, a cycle runs at once, every `interval` ms, when the network comes back, and a
 * moment after this device records or edits something. One tab syncs at a time (a Web Lock);
 * the others show the status it saves.
 */
import {
  adoptionRoots,
  checkSyncSettings,
  planAdoption,
  serverAddress,
  type SyncProblem,
  type SyncSettings,
} from '../../lib/domain/sync';
import type { Unit } from '../../lib/domain/unit.schema';
import { listCampaigns } from '../../lib/storage/campaignStore';
import { onAnyChange, onOtherTabChange } from '../../lib/storage/changes';
import type { Database } from '../../lib/storage/connection';
import { tryWrite, type WriteFailure } from '../../lib/storage/storageErrors';
import { listEntries } from '../../lib/storage/ledgerStore';
import { listUnits } from '../../lib/storage/unitStore';
import {
  adoptUnits,
  forgetSyncConnection,
  getSyncConnection,
  getSyncStatus,
  saveSyncConnection,
  type SyncConnection,
} from '../../lib/storage/syncStore';
import type { SyncSession } from './syncEngine';

export type SyncPhase = 'off' | 'on' | 'paused';

const interval = 30_000;
const afterEdit = 1_500;
const lockName = 'chung-tay-sync';

export class SyncState {
  phase = $state<SyncPhase>('off');
  connection = $state.raw<SyncConnection | null>(null);
  running = $state(false);
  /** Signing in from the form. */
  connecting = $state(false);
  problem = $state<SyncProblem | null>(null);
  failure = $state<WriteFailure | null>(null);
  online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  finishedAt = $state<string | null>(null);
  waiting = $state<number | null>(null);
  refused = $state(0);
  ignored = $state(0);
  /** The account's unit, once it has arrived. */
  accountUnit = $state.raw<Unit | null>(null);
  /** The device's top units not under the account's unit: what it made before sync, not sent. */
  outside = $state.raw<Unit[]>([]);
  adopting = $state(false);

  private db: Database | null = null;
  private session: SyncSession | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private soon: ReturnType<typeof setTimeout> | undefined;
  private stopWatching: (() => void) | undefined;
  private cycling: Promise<void> | null = null;
  private again = false;

  /** Reads the device's connection and starts syncing if it is on. */
  async load(db: Database): Promise<void> {
    if (this.db === db) return;
    this.db = db;
    const connection = await getSyncConnection(db);
    const status = await getSyncStatus(db);
    this.connection = connection ?? null;
    this.finishedAt = status.finishedAt ?? null;
    this.phase = connection ? connection.state : 'off';
    await this.readUnits();
    // Another tab may turn sync on, pause it or turn it off: this one follows.
    onOtherTabChange((store) => {
      if (store === 'settings') void this.follow();
    });
    if (this.phase === 'on') await this.start();
  }

  private async follow(): Promise<void> {
    const db = this.db;
    if (!db) return;
    const connection = (await getSyncConnection(db)) ?? null;
    const phase = connection ? connection.state : 'off';
    const same = (a: SyncConnection | null, b: SyncConnection | null) =>
      JSON.stringify(a && [a.settings, a.account]) === JSON.stringify(b && [b.settings, b.account]);
    // A new password from another tab restarts this one's session with it too.
    if (phase === this.phase && same(connection, this.connection)) return;
    await this.stop();
    this.connection = connection;
    this.phase = phase;
    this.problem = null;
    await this.readUnits();
    if (phase === 'on') await this.start();
  }

  /** Signs in with what was typed; on success saves the connection and starts. */
  async turnOn(db: Database, typed: SyncSettings): Promise<boolean> {
    this.db = db;
    this.problem = null;
    this.failure = null;
    const url = serverAddress(typed.url);
    if (Object.keys(checkSyncSettings(typed)).length > 0 || !url) return false;
    return this.signIn(
      db,
      { url, database: typed.database.trim(), login: typed.login.trim(), password: typed.password },
      'on',
    );
  }

  /**
   * Signs in again with a new password (the province changed it): the local copy and what
   * it has synced are kept, and sync stays on or paused as it was.
   */
  async changePassword(password: string): Promise<boolean> {
    const db = this.db;
    const connection = this.connection;
    if (!db || !connection || this.phase === 'off' || !password.trim()) return false;
    this.problem = null;
    this.failure = null;
    return this.signIn(db, { ...connection.settings, password }, this.phase);
  }

  /** Checks the account with the server, then saves the connection in `state` and (re)starts. */
  private async signIn(
    db: Database,
    settings: SyncSettings,
    state: SyncConnection['state'],
  ): Promise<boolean> {
    this.connecting = true;
    try {
      const { signIn } = await import('./syncEngine');
      const account = await signIn(settings);
      const previous = this.connection;
      // Another server, database, account or unit: a copy of its own, filled from the start.
      const fresh =
        !previous ||
        previous.settings.url !== settings.url ||
        previous.settings.database !== settings.database ||
        previous.settings.login !== settings.login ||
        previous.account.unitId !== account.unitId;
      const connection: SyncConnection = { settings, state, account };
      this.failure = await tryWrite(() => saveSyncConnection(db, connection, fresh));
      if (this.failure) return false;
      await this.stop();
      this.connection = connection;
      this.phase = state;
      if (fresh) this.finishedAt = null;
      await this.readUnits();
      if (state === 'on') await this.start();
      return true;
    } catch (error) {
      this.problem = problemOf(error);
      return false;
    } finally {
      this.connecting = false;
    }
  }

  async pause(): Promise<void> {
    await this.setState('paused');
    await this.stop();
  }

  async resume(): Promise<void> {
    await this.setState('on');
    await this.start();
  }

  /** Stops syncing and forgets the connection and the local copy; every record stays on the device. */
  async turnOff(): Promise<void> {
    const db = this.db;
    const connection = this.connection;
    if (!db || !connection) return;
    await this.stop();
    this.failure = await tryWrite(() => forgetSyncConnection(db));
    if (this.failure) return;
    const { destroyLocalCopy } = await import('./syncEngine');
    await destroyLocalCopy(connection.settings).catch(() => undefined);
    this.connection = null;
    this.phase = 'off';
    this.problem = null;
    this.finishedAt = null;
    this.waiting = null;
    this.refused = 0;
    this.ignored = 0;
    this.accountUnit = null;
    this.outside = [];
  }

  /**
   * Places the device's earlier units under the account's unit (one with its name merged into
   * it), so what was recorded before sync goes up too; then syncs.
   */
  async adopt(): Promise<void> {
    const db = this.db;
    const connection = this.connection;
    if (!db || !connection) return;
    this.adopting = true;
    try {
      const [units, records, campaigns] = await Promise.all([
        listUnits(db),
        listEntries(db),
        listCampaigns(db),
      ]);
      const adoption = planAdoption({ units, records, campaigns }, connection.account.unitId, new Date());
      if (adoption.roots.length === 0) return;
      this.failure = await tryWrite(() => adoptUnits(db, adoption, connection.account.unitId));
      await this.readUnits();
      if (!this.failure) await this.syncNow();
    } finally {
      this.adopting = false;
    }
  }

  private async readUnits(): Promise<void> {
    const db = this.db;
    const connection = this.connection;
    if (!db || !connection) return;
    const units = await listUnits(db);
    this.accountUnit = units.find((unit) => unit.id === connection.account.unitId) ?? null;
    this.outside =
      connection.account.access === 'write' ? adoptionRoots(units, connection.account.unitId) : [];
  }

  /** Runs a cycle now (or right after the one running). */
  syncNow(): Promise<void> {
    if (this.phase !== 'on') return Promise.resolve();
    if (this.cycling) {
      this.again = true;
      return this.cycling;
    }
    this.cycling = this.runCycle().finally(() => {
      this.cycling = null;
      if (this.again) {
        this.again = false;
        void this.syncNow();
      }
    });
    return this.cycling;
  }

  private async setState(state: SyncConnection['state']): Promise<void> {
    const db = this.db;
    const connection = this.connection;
    if (!db || !connection) return;
    const next = { ...connection, state };
    this.failure = await tryWrite(() => saveSyncConnection(db, next, false));
    if (this.failure) return;
    this.connection = next;
    this.phase = state;
  }

  private async start(): Promise<void> {
    const db = this.db;
    const connection = this.connection;
    if (!db || !connection || this.session) return;
    const { SyncSession } = await import('./syncEngine');
    this.session = new SyncSession(db, connection.settings, connection.account);
    this.timer = setInterval(() => void this.syncNow(), interval);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.stopWatching = onAnyChange((store) => {
      if (store !== 'ledger' && store !== 'units' && store !== 'campaigns' && store !== 'rollups') return;
      clearTimeout(this.soon);
      this.soon = setTimeout(() => void this.syncNow(), afterEdit);
    });
    await this.syncNow();
  }

  private async stop(): Promise<void> {
    this.again = false;
    clearInterval(this.timer);
    clearTimeout(this.soon);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.stopWatching?.();
    this.stopWatching = undefined;
    await this.cycling;
    await this.session?.close();
    this.session = null;
  }

  private readonly onOnline = () => {
    this.online = true;
    void this.syncNow();
  };

  private readonly onOffline = () => {
    this.online = false;
  };

  private async runCycle(): Promise<void> {
    const session = this.session;
    const db = this.db;
    if (!session || !db) return;
    this.online = navigator.onLine;
    this.running = true;
    try {
      const work = async () => {
        try {
          const result = await session.cycle();
          this.finishedAt = result.finishedAt;
          // PouchDB does not send a refused record again until it changes, and a record pulled and
          // not taken is not pulled again: both stay told (not cleared by the next, quiet cycle)
          // until sync is turned off and on.
          this.ignored += result.ignored;
          if (result.refused > 0) this.refused = result.refused;
          this.problem = this.refused > 0 ? 'refused' : null;
        } catch (error) {
          this.problem = problemOf(error);
        }
        this.waiting = await session.waiting({ afterCycle: true }).catch(() => null);
        await this.readUnits();
      };
      // One tab at a time; a tab that finds the lock taken leaves this cycle to it.
      if ('locks' in navigator)
        await navigator.locks.request(lockName, { ifAvailable: true }, (lock) => (lock ? work() : undefined));
      else await work();
      const status = await getSyncStatus(db);
      if (status.finishedAt) this.finishedAt = status.finishedAt;
    } finally {
      this.running = false;
    }
  }
}

function problemOf(error: unknown): SyncProblem {
  const problem = (error as { problem?: unknown } | null)?.problem;
  return typeof problem === 'string' ? (problem as SyncProblem) : 'server';
}

export const syncState = new SyncState();
