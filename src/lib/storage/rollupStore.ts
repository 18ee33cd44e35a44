/**
 * Reporting rounds and importing files into one. An import is all or nothing: the checked
 * files' units and records merge by id (`planMerge`: new ones added, newer edits replacing
 * older ones) and the round notes each file, in one transaction; if any part fails (a full
 * disk), the device keeps exactly what it had. Each sending unit is placed under the round's
 * receiving unit, when it has one.
 */
import type { CheckedFile } from '../domain/exchange';
import {
  placeUnderReceiver,
  planMerge,
  rollupSchema,
  type Dated,
  type ReceivedFile,
  type Rollup,
} from '../domain/rollup';
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

/** Stores a round, with its receiving unit when that is new. */
export async function saveRollup(db: Database, round: Rollup, newUnits: readonly Unit[] = []): Promise<void> {
  const record = rollupSchema.parse(round);
  const units = newUnits.map((unit) => unitSchema.parse(unit));
  await writeTransaction(db, ['rollups', 'units'], async (tx) => {
    for (const unit of units) await tx.objectStore('units').put(unit);
    await tx.objectStore('rollups').put(record);
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
  /** One line per file, in the order given, as noted in the round. */
  files: ReceivedFile[];
  /** What was written, as stored: the round, and every unit and record added or replaced. */
  round: Rollup;
  units: Unit[];
  records: LedgerEntry[];
  added: number;
  replaced: number;
  unchanged: number;
}

/**
 * Merges `files` into the device and notes them in the round `roundId`, in one transaction.
 * Each file's counts say what it changed after the files before it in the same import.
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
      // What the device holds of each id this import touches (read once, or as written).
      const known = { units: new Map<string, Unit>(), ledger: new Map<string, LedgerEntry>() };
      // Which ids the device has: only those are read back to compare edit times.
      const present = {
        units: new Set(await tx.objectStore('units').getAllKeys()),
        ledger: new Set(await tx.objectStore('ledger').getAllKeys()),
      };
      const written = { units: new Map<string, Unit>(), ledger: new Map<string, LedgerEntry>() };
      // Writes are issued without waiting file by file (IndexedDB keeps their order), and all
      // awaited before the round is noted.
      const writes: Array<Promise<unknown>> = [];
      const write = <S extends 'units' | 'ledger'>(
        store: S,
        record: S extends 'units' ? Unit : LedgerEntry,
      ) => {
        writes.push(...issue([() => tx.objectStore(store).put(record as never)], writes));
        known[store].set(record.id, record as never);
        written[store].set(record.id, record as never);
      };
      const read = async <S extends 'units' | 'ledger'>(store: S, ids: readonly string[]) => {
        const wanted = ids.filter((id) => !known[store].has(id) && present[store].has(id));
        const found = await all(wanted.map((id) => () => tx.objectStore(store).get(id)));
        for (const record of found) if (record) known[store].set(record.id, record as never);
      };
      const received: ReceivedFile[] = [];
      const totals = { added: 0, replaced: 0, unchanged: 0 };
      try {
        for (const { checked, hash, fileName } of files) {
          let added = 0;
          let replaced = 0;
          for (const [store, incoming] of [
            ['units', checked.units],
            ['ledger', checked.records],
          ] as const) {
            await read(store, [...new Set(incoming.map((r) => r.id))]);
            const plan = planMerge(known[store] as ReadonlyMap<string, Dated>, incoming as readonly Dated[]);
            // Parsed already: a CheckedFile's units and records passed their schemas.
            for (const record of plan.writes) write(store, record as never);
            if (store === 'ledger') {
              added = plan.added;
              replaced = plan.replaced;
              totals.unchanged += plan.unchanged;
            }
          }
          // The sender goes under the round's receiving unit, so the receiver's figures add it in.
          const sender = known.units.get(checked.exportingUnit.id);
          if (sender && round.receiverId) {
            const chain = new Map<string, Unit>([[sender.id, sender]]);
            for (let id: string | undefined = round.receiverId; id && !chain.has(id);) {
              await read('units', [id]);
              const unit = known.units.get(id);
              if (!unit) break;
              chain.set(id, unit);
              id = unit.parentId;
            }
            const placed = placeUnderReceiver(sender, round.receiverId, chain, now);
            if (placed) write('units', placed);
          }
          totals.added += added;
          totals.replaced += replaced;
          received.push({
            hash,
            fileName: fileName.slice(0, 260),
            unitId: checked.exportingUnit.id,
            unitName: checked.exportingUnit.name.trim().slice(0, 120),
            exportedAt: checked.file.exportedAt,
            importedAt: now.toISOString(),
            records: checked.records.length,
            added,
            replaced,
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
      const updated = rollupSchema.parse({
        ...round,
        files: [...round.files, ...received],
        updatedAt: now.toISOString(),
      });
      await tx.objectStore('rollups').put(updated);
      return {
        files: received,
        round: updated,
        units: [...written.units.values()],
        records: [...written.ledger.values()],
        ...totals,
      };
    },
    { durability: 'relaxed' },
  );
  announceChange('units');
  announceChange('ledger');
  announceChange('rollups');
  return result;
}
