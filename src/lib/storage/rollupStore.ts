/**
 * Reporting rounds and importing files into one. An import is all or nothing: the checked
 * files' units and records merge by id under the trust rules (`planFileMerge`: a file changes
 * only its sender's units and records; new ones are added, newer edits replace older ones)
 * and the round notes each file, in one transaction; if any part fails (a full disk), the
 * device keeps exactly what it had. Each new sending unit goes under the round's receiving
 * unit, when it has one.
 */
import type { CheckedFile, FileProblem } from '../domain/exchange';
import { planFileMerge, rollupSchema, type ReceivedFile, type Rollup } from '../domain/rollup';
import type { LedgerEntry } from '../domain/ledger.schema';
import { unitSchema, type Unit } from '../domain/unit.schema';
import { announceChange } from './changes';
import type { Database } from './connection';
import { getAllParsed, getParsed } from './readParsed';
import { writeTransaction } from './storageErrors';

/** Issues every request at once (IndexedDB runs them in order, without a round trip each) and waits for them all. */
async function all<T>(requests: ReadonlyArray<() => Promise<T>>): Promise<T[]> {
  return Promise.all(issue(requests));
}

/**
 * Issues requests; if issuing one throws, the ones issued before it (here and in `earlier`)
 * are still watched, so the abort that follows surfaces as this one failure.
 */
function issue<T>(
  requests: ReadonlyArray<() => Promise<T>>,
  earlier: ReadonlyArray<Promise<unknown>> = [],
): Array<Promise<T>> {
  const pending: Array<Promise<T>> = [];
  try {
    for (const request of requests) pending.push(request());
  } catch (error) {
    for (const promise of [...earlier, ...pending]) promise.catch(() => undefined);
    throw error;
  }
  return pending;
}

/** Every round, the latest period first. */
export async function listRollups(db: Database): Promise<Rollup[]> {
  const rounds = await getAllParsed(db, 'rollups', rollupSchema);
  return rounds.sort((a, b) => b.to.localeCompare(a.to) || b.createdAt.localeCompare(a.createdAt));
}

export async function getRollup(db: Database, id: string): Promise<Rollup | undefined> {
  return getParsed(db, 'rollups', rollupSchema, id);
}

/**
 * Stores a round's set-up, with its receiving unit when that is new. The files it has
 * received are the stored round's, read in the same transaction: a tab that shows an older
 * copy of the round (another tab imported since) never takes them away.
 */
export async function saveRollup(db: Database, round: Rollup, newUnits: readonly Unit[] = []): Promise<void> {
  rollupSchema.parse(round);
  const units = newUnits.map((unit) => unitSchema.parse(unit));
  await writeTransaction(db, ['rollups', 'units'], async (tx) => {
    const stored = await tx.objectStore('rollups').get(round.id);
    const files = stored ? rollupSchema.parse(stored).files : round.files;
    for (const unit of units) await tx.objectStore('units').put(unit);
    await tx.objectStore('rollups').put(rollupSchema.parse({ ...round, files }));
  });
  if (units.length > 0) announceChange('units');
  announceChange('rollups');
}

/** A file to import: checked, with what identifies it. */
export interface IncomingFile {
  checked: CheckedFile;
  hash: string;
  fileName: string;
}

export interface ImportResult {
  /** One line per file accepted, in the order given, as noted in the round. */
  files: ReceivedFile[];
  /**
   * Files refused when merged, by their place in the list given: one already in the round
   * (imported from another tab meanwhile), or one that breaks a trust rule against the
   * device's own units (`planFileMerge`). They changed nothing.
   */
  refused: Array<{ index: number; problem: FileProblem }>;
  /** What was written, as stored: the round, and every unit and record added or replaced. */
  round: Rollup;
  units: Unit[];
  records: LedgerEntry[];
  added: number;
  replaced: number;
  unchanged: number;
}

/**
 * Merges `files` into the device and notes them in the round `roundId`, in one transaction:
 * the round is read, checked against and written inside it, so two tabs importing or editing
 * the same round never lose each other's files. Each file's counts say what it changed after
 * the files before it in the same import.
 */
export async function importFiles(
  db: Database,
  roundId: string,
  files: readonly IncomingFile[],
  now: Date,
): Promise<ImportResult> {
  // Relaxed durability: committed once the browser has it, without waiting for the disk to
  // flush. An import can be repeated from its files; it is still all or nothing.
  const result = await writeTransaction(
    db,
    ['rollups', 'units', 'ledger'],
    async (tx) => {
      const stored = await tx.objectStore('rollups').get(roundId);
      const round = rollupSchema.parse(stored);
      // Every unit that sent a file to this device, in any round: what may be changed by files.
      const senders = new Set<string>();
      // Every round is parsed; one that no longer does adds no sender.
      for (const other of await tx.objectStore('rollups').getAll()) {
        const parsed = rollupSchema.safeParse(other);
        if (parsed.success) for (const file of parsed.data.files) senders.add(file.unitId);
      }
      const hashes = new Map(round.files.map((f) => [f.hash, f.fileName]));
      // The units (few: read whole, the trust rules walk their tree) and the records this
      // import touches, as stored or as written by a file before.
      const units = new Map<string, Unit>();
      for (const unit of await tx.objectStore('units').getAll()) units.set(unit.id, unit);
      const known = new Map<string, LedgerEntry>();
      const present = new Set(await tx.objectStore('ledger').getAllKeys());
      const written = { units: new Map<string, Unit>(), ledger: new Map<string, LedgerEntry>() };
      // Writes are issued without waiting file by file (IndexedDB keeps their order), and all
      // awaited before the round is noted.
      const writes: Array<Promise<unknown>> = [];
      const write = <S extends 'units' | 'ledger'>(
        store: S,
        record: S extends 'units' ? Unit : LedgerEntry,
      ) => {
        writes.push(...issue([() => tx.objectStore(store).put(record as never)], writes));
        if (store === 'units') units.set(record.id, record as Unit);
        else known.set(record.id, record as LedgerEntry);
        written[store].set(record.id, record as never);
      };
      const received: ReceivedFile[] = [];
      const refused: ImportResult['refused'] = [];
      const totals = { added: 0, replaced: 0, unchanged: 0 };
      try {
        for (const [index, { checked, hash, fileName }] of files.entries()) {
          const earlier = hashes.get(hash);
          if (earlier !== undefined) {
            refused.push({ index, problem: { kind: 'duplicate', of: earlier } });
            continue;
          }
          const wanted = checked.records
            .filter((r) => !known.has(r.id) && present.has(r.id))
            .map((r) => r.id);
          const found = await all(wanted.map((id) => () => tx.objectStore('ledger').get(id)));
          for (const record of found) if (record) known.set(record.id, record);
          // Parsed already: a CheckedFile's units and records passed their schemas.
          const merge = planFileMerge(
            checked,
            { units, records: known },
            {
              ...(round.receiverId ? { receiverId: round.receiverId } : {}),
              senders,
              now,
            },
          );
          if (!merge.ok) {
            refused.push({ index, problem: merge.problem });
            continue;
          }
          const { plan } = merge;
          for (const unit of plan.units) write('units', unit);
          for (const record of plan.records) write('ledger', record);
          senders.add(checked.exportingUnit.id);
          hashes.set(hash, fileName);
          totals.added += plan.added;
          totals.replaced += plan.replaced;
          totals.unchanged += plan.unchanged;
          received.push({
            hash,
            fileName: fileName.slice(0, 260),
            unitId: checked.exportingUnit.id,
            unitName: checked.exportingUnit.name.trim().slice(0, 120),
            exportedAt: checked.file.exportedAt,
            importedAt: now.toISOString(),
            records: checked.records.length,
            added: plan.added,
            replaced: plan.replaced,
          });
        }
        await Promise.all(writes);
      } catch (error) {
        // A write that failed (a full disk) aborted the transaction; the requests after it then
        // saw the abort. Report the cause, and leave no write's rejection unwatched.
        const settled = await Promise.allSettled(writes);
        const cause = settled.find(
          (r): r is PromiseRejectedResult =>
            r.status === 'rejected' && (r.reason as { name?: unknown } | null)?.name !== 'AbortError',
        );
        throw cause ? cause.reason : error;
      }
      const updated =
        received.length > 0
          ? rollupSchema.parse({
              ...round,
              files: [...round.files, ...received],
              updatedAt: now.toISOString(),
            })
          : round;
      if (received.length > 0) await tx.objectStore('rollups').put(updated);
      return {
        files: received,
        refused,
        round: updated,
        units: [...written.units.values()],
        records: [...written.ledger.values()],
        ...totals,
      };
    },
    { durability: 'relaxed' },
  );
  if (result.files.length > 0) {
    announceChange('units');
    announceChange('ledger');
    announceChange('rollups');
  }
  return result;
}
