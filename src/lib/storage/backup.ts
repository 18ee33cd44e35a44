/**
 * Backing up the whole device to one file and restoring it on another, losslessly: every
 * record of every store (the set-aside ones excepted), as stored, wrapped with the format,
 * the storage version and the time. A restore checks the whole file first (its wrapper and
 * every record against today's schema; older versions' records parse because every change
 * to a record has been an addition) and then replaces the device's data in one transaction:
 * all of it or, on any failure, none.
 */
import * as z from 'zod/mini';
import { attemptSchema } from '../domain/attempt.schema';
import { campaignSchema } from '../domain/campaign.schema';
import { contactSchema } from '../domain/contact.schema';
import { ledgerEntrySchema } from '../domain/ledger.schema';
import { profileSchema } from '../domain/profile.schema';
import { progressSchema } from '../domain/progress.schema';
import { quizSessionSchema } from '../domain/quizSession.schema';
import { sessionDraftSchema } from '../domain/sessionDraft.schema';
import { rollupSchema } from '../domain/rollup';
import { unitSchema } from '../domain/unit.schema';
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
  settings: z.object({ key: z.string(), value: z.unknown() }),
  contacts: contactSchema,
  units: unitSchema,
  ledger: ledgerEntrySchema,
  drafts: sessionDraftSchema,
  campaigns: campaignSchema,
  rollups: rollupSchema,
};
const storeNames = Object.keys(storeSchemas) as DataStoreName[];

export const backupSchema = z.strictObject({
  format: z.literal(backupFormat),
  /** The storage version that wrote it (`migrations.ts`). */
  version: z.int().check(z.minimum(1)),
  exportedAt: z.iso.datetime(),
  stores: z.partialRecord(z.enum(storeNames as [DataStoreName, ...DataStoreName[]]), z.array(z.unknown())),
});
export type Backup = z.infer<typeof backupSchema>;

/** Every record of every store, as stored. */
export async function makeBackup(db: Database, now: Date): Promise<Backup> {
  const tx = db.transaction(storeNames, 'readonly');
  const stores: Backup['stores'] = {};
  for (const name of storeNames) stores[name] = await tx.objectStore(name).getAll();
  await tx.done;
  return { format: backupFormat, version: latestVersion, exportedAt: now.toISOString(), stores };
}

export type BackupProblem =
  | { kind: 'not-json' }
  | { kind: 'not-backup' }
  | { kind: 'newer'; version: number }
  | { kind: 'bad-records'; store: string; count: number; first: number };

export type CheckedBackup =
  | { ok: true; backup: Backup; counts: Partial<Record<DataStoreName, number>> }
  | { ok: false; problems: BackupProblem[] };

/** Reads a backup file's text: either every record is right, or nothing will be restored. */
export function checkBackup(text: string): CheckedBackup {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problems: [{ kind: 'not-json' }] };
  }
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: [{ kind: 'not-backup' }] };
  const backup = parsed.data;
  if (backup.version > latestVersion)
    return { ok: false, problems: [{ kind: 'newer', version: backup.version }] };
  const problems: BackupProblem[] = [];
  const counts: Partial<Record<DataStoreName, number>> = {};
  for (const name of storeNames) {
    const records = backup.stores[name] ?? [];
    const bad = records.flatMap((record, i) => (storeSchemas[name].safeParse(record).success ? [] : [i + 1]));
    if (bad.length > 0)
      problems.push({ kind: 'bad-records', store: name, count: bad.length, first: bad[0] ?? 0 });
    counts[name] = records.length;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, backup, counts };
}

/** Replaces everything on the device with a checked backup, in one transaction. */
export async function restoreBackup(db: Database, backup: Backup): Promise<void> {
  await writeTransaction(db, storeNames, async (tx) => {
    for (const name of storeNames) {
      const store = tx.objectStore(name);
      await store.clear();
      for (const record of backup.stores[name] ?? []) await store.put(record as never);
    }
  });
  for (const name of storeNames) announceChange(name);
}
