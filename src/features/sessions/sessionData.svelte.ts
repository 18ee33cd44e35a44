/**
 * What the sessions screens read and write: the units and the sessions recorded in the ledger
 * (`LedgerData`, reloaded when another tab changes them), the sessions list's filter (the
 * statistics' own period, unit and audience rules, so both count the same sessions), and the
 * session record's save and delete. A save builds the record with `lib/domain/sessionRecord`
 * and stores it with the units it introduces and the end of its draft in one transaction;
 * each write resolves to whether it was stored and leaves a failure in `failure` for the
 * screen to show while the draft keeps what was typed.
 */
import type { SessionEntry, LedgerEntry } from '../../lib/domain/ledger.schema';
import type { SessionDraft } from '../../lib/domain/sessionDraft.schema';
import type { Series } from '../../lib/content/series.schema';
import { seriesProgress, type GroupProgress } from '../../lib/domain/series';
import { resolveUnit, toSessionEntry } from '../../lib/domain/sessionRecord';
import { filterEntries, type StatisticsFilter } from '../../lib/domain/statistics';
import type { Unit } from '../../lib/domain/unit.schema';
import type { Database } from '../../lib/storage/connection';
import { deleteEntry, getEntry, listEntries, saveEntry } from '../../lib/storage/ledgerStore';
import { listUnits } from '../../lib/storage/unitStore';
import { LedgerData } from '../ledger/ledgerData.svelte';

/** What the sessions list is filtered by (the kind is always `session`). */
export type SessionFilter = Pick<StatisticsFilter, 'from' | 'to' | 'unitId' | 'audience'>;

/** Where new ids and times come from (tests give fixed ones). */
export interface SessionClock {
  now: () => Date;
  newId: () => string;
}

const systemClock: SessionClock = { now: () => new Date(), newId: () => crypto.randomUUID() };

const isSession = (entry: LedgerEntry): entry is SessionEntry => entry.kind === 'session';

/** The people a list of sessions reached. */
export function sessionTotals(sessions: readonly SessionEntry[]): { participants: number; women: number } {
  return {
    participants: sessions.reduce((sum, s) => sum + s.participants, 0),
    women: sessions.reduce((sum, s) => sum + (s.women ?? 0), 0),
  };
}

export class SessionData extends LedgerData {
  /** The recorded sessions, newest first (`entries` holds only sessions here). */
  readonly sessions = $derived(this.entries.filter(isSession));

  constructor(
    db: Database,
    private readonly clock: SessionClock = systemClock,
  ) {
    super(db);
  }

  /** Reads the units and only the ledger's sessions (through the kind index, not every record). */
  protected override async load(): Promise<void> {
    const [units, entries] = await Promise.all([listUnits(this.db), listEntries(this.db, 'session')]);
    this.units = units;
    this.entries = entries;
  }

  session(id: string): SessionEntry | undefined {
    return this.sessions.find((s) => s.id === id);
  }

  /** The sessions in a period, of an audience, and held in a unit or anywhere under it. */
  filtered(filter: SessionFilter): SessionEntry[] {
    return filterEntries(this.sessions, { ...filter, kind: 'session' }, this.units).filter(isSession);
  }

  /** Where each group that had a step of the series stands in it, the most recent first. */
  seriesProgress(series: Pick<Series, 'sessions' | 'booster'>): GroupProgress[] {
    return seriesProgress(series, this.sessions);
  }

  /** A unit's name with the unit it belongs to, "Xưởng 2 (Công ty Phúc Hưng)"; undefined when unknown here. */
  unitLabel(id: string): string | undefined {
    const { unit, parent } = this.unitWithParent(id);
    if (!unit) return undefined;
    return parent ? `${unit.name} (${parent.name})` : unit.name;
  }

  /** A unit and the unit it belongs to, as far as this device knows them. */
  unitWithParent(id: string): { unit: Unit | undefined; parent: Unit | undefined } {
    const unit = this.units.find((u) => u.id === id);
    const parent = unit?.parentId ? this.units.find((u) => u.id === unit.parentId) : undefined;
    return { unit, parent };
  }

  /**
   * Stores the session a draft's form describes (a new one, or the one it edits, keeping its
   * creation time), with the unit and parent it names when they are new, and clears the
   * draft on disk in the same transaction. The form must be checked first
   * (`checkSessionInput`). Resolves to the record, or undefined when it was not stored.
   */
  async recordSession(draft: SessionDraft): Promise<SessionEntry | undefined> {
    const form = draft.form;
    if (!form) return undefined;
    let entry: SessionEntry | undefined;
    const stored = await this.save(async (db) => {
      const now = this.clock.now();
      const { unitId, created } = resolveUnit(form, this.units, this.clock.newId, now);
      const existing = draft.editingId ? await getEntry(db, draft.editingId) : undefined;
      const hasCheck = draft.check.before.length > 0 || draft.check.after.length > 0;
      entry = toSessionEntry(form, {
        id: draft.editingId ?? this.clock.newId(),
        unitId,
        now,
        ...(existing ? { createdAt: existing.createdAt } : {}),
        ...(hasCheck ? { check: draft.check } : {}),
        ...(draft.roomQuiz.length > 0 ? { roomQuiz: draft.roomQuiz } : {}),
      });
      await saveEntry(db, entry, created);
    });
    return stored ? entry : undefined;
  }

  /** Deletes a recorded session. */
  deleteSession(id: string): Promise<boolean> {
    return this.save((db) => deleteEntry(db, id));
  }
}
