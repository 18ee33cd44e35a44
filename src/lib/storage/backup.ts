/**
 * Backing up the whole device to one file and restoring it on another, losslessly: every
 * record of every store (the set-aside ones excepted), as stored, wrapped with the format,
 * the storage version and the time. A restore checks the whole file first — its size before
 * it is parsed, its wrapper and store names, every record's size, nesting and schema
 * (older versions' records parse because every change to a record has been an addition, but
 * for derived records, which are left out and rebuilt: `derivedBefore`),
 * one record per key, the settings the app writes, and references that resolve
 * (`backupCheck.ts`) — so that what the confirmation counts is exactly what is written, and a
 * write that could only fail is refused as a problem first. It then replaces the device's
 * data in one transaction: all of it or, on any failure, none.
 */
import * as z from 'zod/mini';
import { attemptSchema } from '../domain/attempt.schema';
import { campaignSchema } from '../domain/campaign.schema';
import { contactSchema } from '../domain/contact.schema';
import { ledgerEntrySchema } from '../domain/ledger.schema';
import { bankSchema, ownQuizSchema } from '../domain/ownContent.schema';
import { profileSchema } from '../domain/profile.schema';
import { progressSchema } from '../domain/progress.schema';
import { quizSessionSchema } from '../domain/quizSession.schema';
import { sessionDraftSchema } from '../domain/sessionDraft.schema';
import { rollupSchema } from '../domain/rollup';
import { unitSchema } from '../domain/unit.schema';
import {
  backupLimits,
  isKnownSetting,
  recordLimit,
  referenceFaults,
  repeatedKeys,
  settingRecordSchema,
  shapeFault,
  type RecordFault,
  type RestoredStores,
} from './backupCheck';
import { announceChange } from './changes';
import type { Database } from './connection';
import { latestVersion } from './migrations';
import type { DataStoreName } from './schema';
import { writeTransaction } from './storageErrors';

export const backupFormat = 'chung-tay/backup';

/** The schema of every store's records, as a backup holds them. */
export const storeSchemas: Record<DataStoreName, z.ZodMiniType> = {
  profiles: profileSchema,
  attempts: attemptSchema,
  progress: progressSchema,
  sessions: quizSessionSchema,
  settings: settingRecordSchema,
  contacts: contactSchema,
  units: unitSchema,
  ledger: ledgerEntrySchema,
  drafts: sessionDraftSchema,
  campaigns: campaignSchema,
  rollups: rollupSchema,
  banks: bankSchema,
  ownQuizzes: ownQuizSchema,
};
/**
 * Stores whose records a backup older than the given storage version holds in a shape this
 * version no longer reads, and that a restore may leave out because they are derived from
 * other records: progress summaries before version 7 mixed practice and contest bests, and
 * are rebuilt from the restored attempts on first read (as the migration to 7 does).
 */
const derivedBefore: Partial<Record<DataStoreName, number>> = { progress: 7 };

/** Every store a backup holds, in the order it lists them. */
export const storeNames = Object.keys(storeSchemas) as DataStoreName[];
const isStoreName = (name: string): name is DataStoreName => Object.hasOwn(storeSchemas, name);

/** The wrapper; `stores` is read key by key (`checkBackup`), since a record schema drops a `__proto__` key unseen. */
const wrapperSchema = z.strictObject({
  format: z.literal(backupFormat),
  /** The storage version that wrote it (`migrations.ts`). */
  version: z.int().check(z.minimum(1)),
  exportedAt: z.iso.datetime(),
  stores: z.unknown(),
});
const wrapperKeys = new Set(['format', 'version', 'exportedAt', 'stores']);

export interface Backup {
  format: typeof backupFormat;
  version: number;
  exportedAt: string;
  stores: Partial<Record<DataStoreName, unknown[]>>;
}

/** A backup that passed `checkBackup`: every store's records, parsed, exactly as they will be written. */
export interface RestorableBackup extends Omit<Backup, 'stores'> {
  stores: RestoredStores;
}

/** Every record of every store, as stored. */
export async function makeBackup(db: Database, now: Date): Promise<Backup> {
  const tx = db.transaction(storeNames, 'readonly');
  const stores: Backup['stores'] = {};
  for (const name of storeNames) stores[name] = await tx.objectStore(name).getAll();
  await tx.done;
  // Only the settings a restore accepts: a device's own (the sync account and its password) stay on it.
  stores.settings = (stores.settings ?? []).filter((record) =>
    isKnownSetting((record as { key?: unknown }).key),
  );
  return { format: backupFormat, version: latestVersion, exportedAt: now.toISOString(), stores };
}

/** What is wrong with some records of one store: how many, and the 1-based number of the first. */
export type RecordProblem =
  | {
      kind: 'bad-records' | 'too-deep' | 'unknown-setting' | RecordFault['kind'];
      store: DataStoreName;
      count: number;
      first: number;
    }
  | { kind: 'record-too-large'; store: DataStoreName; count: number; first: number; limit: number };

export type BackupProblem =
  | { kind: 'not-json' }
  | { kind: 'not-backup' }
  | { kind: 'newer'; version: number }
  /** The file is larger than any device's backup (`size` and `limit` in bytes). */
  | { kind: 'too-large'; size: number; limit: number }
  /** A store this app does not have (`__proto__` included). */
  | { kind: 'unknown-store'; store: string }
  /** Not one record: restoring it would only wipe the device. */
  | { kind: 'empty' }
  | RecordProblem;

/** Every kind of problem, each with a message under `backup.problem` (a test checks both languages). */
const problemKinds: Record<BackupProblem['kind'], true> = {
  'not-json': true,
  'not-backup': true,
  newer: true,
  'too-large': true,
  'unknown-store': true,
  empty: true,
  'bad-records': true,
  'too-deep': true,
  'record-too-large': true,
  'unknown-setting': true,
  'duplicate-id': true,
  'missing-profile': true,
  'missing-unit': true,
  'unit-cycle': true,
  'missing-bank': true,
};
export const backupProblemKinds = Object.keys(problemKinds) as Array<BackupProblem['kind']>;

export type CheckedBackup =
  | { ok: true; backup: RestorableBackup; counts: Record<DataStoreName, number>; records: number }
  | { ok: false; problems: BackupProblem[] };

/** Whether a file of `bytes` may be read at all: check before reading its text. */
export function checkBackupSize(bytes: number): BackupProblem | null {
  return bytes > backupLimits.fileBytes
    ? { kind: 'too-large', size: bytes, limit: backupLimits.fileBytes }
    : null;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a backup file's text: either every record is right and consistent with the others,
 * and the result holds exactly what `restoreBackup` will write, or nothing will be restored
 * and every problem found is listed (record problems name the store and the first record).
 */
export function checkBackup(text: string): CheckedBackup {
  const refuse = (...problems: BackupProblem[]): CheckedBackup => ({ ok: false, problems });
  const tooLarge = checkBackupSize(text.length);
  if (tooLarge) return refuse(tooLarge);
  let raw: unknown;
  try {
    // Chromium's JSON.parse does not recurse, so a deeply nested file parses and `shapeFault`
    // refuses it; where a parser does recurse, its overflow lands here: refused all the same.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return refuse({ kind: 'not-json' });
  }
  if (!isPlainObject(raw) || !Object.keys(raw).every((key) => wrapperKeys.has(key)))
    return refuse({ kind: 'not-backup' });
  const wrapper = wrapperSchema.safeParse(raw);
  if (!wrapper.success || !isPlainObject(raw.stores)) return refuse({ kind: 'not-backup' });
  const { format, version, exportedAt } = wrapper.data;
  if (version > latestVersion) return refuse({ kind: 'newer', version });

  const given = raw.stores;
  const unknownStores = Object.keys(given).filter((name) => !isStoreName(name));
  // Named in the message, so a few of them, each cut short.
  if (unknownStores.length > 0)
    return refuse(
      ...unknownStores
        .slice(0, 5)
        .map((store) => ({ kind: 'unknown-store' as const, store: store.slice(0, 60) })),
    );
  const lists = new Map<DataStoreName, unknown[]>();
  for (const name of storeNames) {
    const list = Object.hasOwn(given, name) ? given[name] : [];
    if (!Array.isArray(list)) return refuse({ kind: 'not-backup' });
    lists.set(name, list);
  }
  if ([...lists.values()].every((list) => list.length === 0)) return refuse({ kind: 'empty' });

  const problems: BackupProblem[] = [];
  const parsed = {} as Record<DataStoreName, unknown[]>;
  for (const name of storeNames) {
    const records = version < (derivedBefore[name] ?? 0) ? [] : (lists.get(name) ?? []);
    const limit = recordLimit(name);
    const faults = {
      'too-deep': [] as number[],
      'record-too-large': [] as number[],
      'unknown-setting': [] as number[],
      'bad-records': [] as number[],
    };
    const ok: unknown[] = [];
    // The 1-based number in the file of each record in `ok`.
    const okNumbers: number[] = [];
    for (const [i, record] of records.entries()) {
      // Size and nesting first: zod and the write's structured clone both recurse.
      const fault = shapeFault(record, limit);
      if (fault) {
        faults[
          fault === 'too-deep' ? 'too-deep' : fault === 'too-large' ? 'record-too-large' : 'bad-records'
        ].push(i + 1);
        continue;
      }
      if (name === 'settings' && isPlainObject(record) && !isKnownSetting(record.key)) {
        faults['unknown-setting'].push(i + 1);
        continue;
      }
      const result = storeSchemas[name].safeParse(record);
      if (result.success) {
        ok.push(result.data);
        okNumbers.push(i + 1);
      } else faults['bad-records'].push(i + 1);
    }
    for (const [kind, numbers] of Object.entries(faults) as Array<[keyof typeof faults, number[]]>) {
      if (numbers.length === 0) continue;
      const head = { store: name, count: numbers.length, first: numbers[0] ?? 0 };
      problems.push(kind === 'record-too-large' ? { kind, ...head, limit } : { kind, ...head });
    }
    // Among the records that are right: a damaged copy is already named above.
    const repeated = repeatedKeys(name, ok).map((i) => okNumbers[i] ?? 0);
    if (repeated.length > 0)
      problems.push({ kind: 'duplicate-id', store: name, count: repeated.length, first: repeated[0] ?? 0 });
    parsed[name] = ok;
  }
  // References are judged only between records that are right themselves.
  if (problems.length > 0) return refuse(...problems);
  const stores = parsed as unknown as RestoredStores;
  const references = referenceFaults(stores);
  if (references.length > 0) return refuse(...references);

  const counts = Object.fromEntries(storeNames.map((name) => [name, parsed[name].length])) as Record<
    DataStoreName,
    number
  >;
  return {
    ok: true,
    backup: { format, version, exportedAt, stores },
    counts,
    records: Object.values(counts).reduce((sum, n) => sum + n, 0),
  };
}

/**
 * Replaces everything on the device with a checked backup, in one transaction. Resolves to
 * how many records each store now holds: the counts `checkBackup` gave.
 */
export async function restoreBackup(
  db: Database,
  backup: RestorableBackup,
): Promise<Record<DataStoreName, number>> {
  const written = await writeTransaction(db, storeNames, async (tx) => {
    const counts = {} as Record<DataStoreName, number>;
    for (const name of storeNames) {
      const store = tx.objectStore(name);
      await store.clear();
      for (const record of backup.stores[name]) await store.put(record as never);
      counts[name] = await store.count();
    }
    return counts;
  });
  for (const name of storeNames) announceChange(name);
  return written;
}
