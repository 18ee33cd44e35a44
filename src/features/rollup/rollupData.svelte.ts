/**
 * What the roll-up screens read and write: the units and the ledger (`LedgerData`), and the
 * reporting rounds. Starting a round, saving its set-up and importing the files units send
 * go through the methods here; a save resolves to whether it was stored and leaves a failure
 * in `failure` for the form, while an import resolves to its whole report (each file's
 * outcome, or the room the files would need, or the write's failure). Inputs are expected
 * already checked (`checkRollupInput`): the screen shows the problems, this only writes.
 */
import type { LedgerEntry } from '../../lib/domain/ledger.schema';
import { toRollup, type Rollup, type RollupInput } from '../../lib/domain/rollup';
import type { Unit } from '../../lib/domain/unit.schema';
import type { Database } from '../../lib/storage/connection';
import { listRollups, saveRollup as storeRollup } from '../../lib/storage/rollupStore';
import { getSyncConnection } from '../../lib/storage/syncStore';
import type { DataStoreName } from '../../lib/storage/schema';
import { tryWrite, type WriteFailure } from '../../lib/storage/storageErrors';
import { isLargeWrite, neededFor } from '../../lib/storage/space';
import { LedgerData } from '../ledger/ledgerData.svelte';
import { importChecked, readFiles, type FileOutcome } from './rollupImport';

/** Where new ids and times come from (tests give fixed ones); an import checks files against `now`. */
export interface RollupClock {
  now: () => Date;
  newId: () => string;
}

const systemClock: RollupClock = { now: () => new Date(), newId: () => crypto.randomUUID() };

/** While importing: how many files are checked so far, of how many, and then the records being written. */
export interface ImportProgress {
  checked: number;
  total: number;
  /** Set once every file is checked: how many records are being written. */
  records: number | null;
}

/** What an import did: every file's outcome in the order given, or why nothing was written. */
export interface ImportReport {
  outcomes: FileOutcome[];
  /** The files would not fit on the device: what they need and what is left (nothing was written). */
  space: { needed: number; available: number } | null;
  /** A file could not be read, or the write failed (nothing was written). */
  failure: WriteFailure | null;
  /** The files were large and the user chose not to import them after all (nothing was written). */
  cancelled?: boolean;
}

/**
 * Asked before a large import (`isLargeWrite`) with what it needs on the device: resolves to
 * whether to go ahead. The caller tells the risk and offers a backup first.
 */
export type ConfirmLarge = (needed: number) => Promise<boolean>;

type Read = Awaited<ReturnType<typeof readFiles>>;
type Done = Awaited<ReturnType<typeof importChecked>>;

export class RollupData extends LedgerData {
  rollups = $state.raw<Rollup[]>([]);
  /**
   * The unit this device syncs as, when sync is set up and its unit has arrived: a round it
   * receives is shared with that unit's other devices.
   */
  syncedUnit = $state.raw<Unit | null>(null);
  /** Whether that account only reads: then what files bring stays on the device that imported them. */
  syncReadsOnly = $state(false);
  protected override readonly watched: readonly DataStoreName[] = ['units', 'ledger', 'rollups'];

  constructor(
    db: Database,
    private readonly clock: RollupClock = systemClock,
  ) {
    super(db);
  }

  protected override async load(): Promise<void> {
    const [, rollups, connection] = await Promise.all([
      super.load(),
      listRollups(this.db),
      getSyncConnection(this.db),
    ]);
    this.rollups = rollups;
    this.syncedUnit = this.units.find((unit) => unit.id === connection?.account.unitId) ?? null;
    this.syncReadsOnly = connection?.account.access === 'read';
  }

  rollup(id: string): Rollup | undefined {
    return this.rollups.find((r) => r.id === id);
  }

  /** Stores a new round (and its receiving unit when new); resolves to it, or undefined if not stored. */
  async createRollup(input: RollupInput): Promise<Rollup | undefined> {
    const { round, created } = toRollup(input, this.units, {
      newId: this.clock.newId,
      now: this.clock.now(),
    });
    return (await this.save((db) => storeRollup(db, round, created))) ? round : undefined;
  }

  /**
   * Stores a round's edited set-up (and its receiving unit when new). The files it has
   * received stay as stored, even those another tab imported since this one read it.
   */
  async saveRollup(roundId: string, input: RollupInput): Promise<boolean> {
    const existing = this.rollup(roundId);
    if (!existing) return false;
    const { round, created } = toRollup(input, this.units, {
      newId: this.clock.newId,
      now: this.clock.now(),
      existing,
    });
    return this.save((db) => storeRollup(db, round, created));
  }

  /**
   * Reads and checks `files` for the round `roundId`, makes sure they fit on the device and
   * imports those that pass in one transaction (`rollupImport.ts`). What was written is taken
   * in directly: reading 100,000 records back would take seconds. A file that cannot be read
   * or a full disk writes nothing; the report then lists only the files refused on reading.
   */
  async importFiles(
    roundId: string,
    files: readonly File[],
    onProgress: (progress: ImportProgress) => void = () => undefined,
    confirmLarge: ConfirmLarge = async () => true,
  ): Promise<ImportReport> {
    const round = this.rollup(roundId);
    if (!round || files.length === 0) return { outcomes: [], space: null, failure: null };
    // The device's clock: what a file's times are checked against.
    const now = this.clock.now();
    const step: { read?: Read; done?: Done; cancelled?: boolean } = {};
    let progress: ImportProgress = { checked: 0, total: files.length, records: null };
    const failure = await tryWrite(async () => {
      onProgress(progress);
      const read = await readFiles(files, round, now, (checked) => {
        progress = { ...progress, checked };
        onProgress(progress);
      });
      step.read = read;
      onProgress({
        ...progress,
        checked: files.length,
        records: read.incoming.reduce((n, f) => n + f.checked.records.length, 0),
      });
      // The browser cannot say how much room the disk has, and deletes the whole database when
      // it runs out in the middle of a write: a large import goes ahead only when the user says
      // so, with a backup offered first.
      if (
        read.incoming.length > 0 &&
        isLargeWrite(read.bytes) &&
        !(await confirmLarge(neededFor(read.bytes)))
      ) {
        step.cancelled = true;
        return;
      }
      step.done = await importChecked(this.db, round, read, now);
    });
    if (step.done) {
      const { outcomes, result, space } = step.done;
      if (result) this.absorbImport(result);
      return {
        outcomes,
        space: space && { needed: space.needed, available: space.available },
        failure: null,
      };
    }
    const refused = (step.read?.outcomes ?? []).filter(
      (o): o is FileOutcome => 'accepted' in o && !o.accepted,
    );
    if (step.cancelled) return { outcomes: refused, space: null, failure: null, cancelled: true };
    return { outcomes: refused, space: null, failure };
  }

  /** Takes in what an import wrote: its units and records, and the round as updated. */
  absorbImport(written: { round: Rollup; units: readonly Unit[]; records: readonly LedgerEntry[] }): void {
    this.absorb(written.units, written.records);
    this.rollups = this.rollups.map((r) => (r.id === written.round.id ? written.round : r));
  }
}
