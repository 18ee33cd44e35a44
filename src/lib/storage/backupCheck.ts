/**
 * The consistency rules a backup must meet before it may replace the device's data, beyond
 * each record's own schema: bounded size and nesting (measured without recursion, before
 * zod or the structured clone of a write ever see the record), one record per key in each
 * store, the settings the app really writes, and references that resolve: every attempt,
 * progress summary and quiz in progress belongs to a stored profile; every ledger record, the
 * classes a school activity reached, every campaign and a round's receiving unit name a
 * stored unit; every unit's parent is stored and the parents form no loop.
 *
 * Some references may legitimately point nowhere, because the app itself leaves them so and
 * reads them with a fallback: the active-profile setting (another tab may delete that
 * profile; `ProfilesState.load` then picks none), a campaign activity's campaign (a roll-up
 * brings in other units' records, never their campaigns), a draft's `editingId` and a
 * round's file lines (each keeps the sender's name; a class that sent an empty file may be
 * deleted later). Those are not checked.
 */
import * as z from 'zod/mini';
import type { Attempt } from '../domain/attempt.schema';
import type { Campaign } from '../domain/campaign.schema';
import type { Contact } from '../domain/contact.schema';
import type { LedgerEntry } from '../domain/ledger.schema';
import type { Profile } from '../domain/profile.schema';
import type { Progress } from '../domain/progress.schema';
import type { QuizSession } from '../domain/quizSession.schema';
import type { Rollup } from '../domain/rollup';
import type { Bank, OwnQuiz } from '../domain/ownContent.schema';
import type { SessionDraft } from '../domain/sessionDraft.schema';
import type { Unit } from '../domain/unit.schema';
import type { DataStoreName, SettingRecord } from './schema';
import { activeProfileKey, activeRoleKey, roleSchema } from './settingsStore';

export const backupLimits = {
  /** The whole file, in bytes (or characters of its text): far above a real device's data, below what a tab can parse. */
  fileBytes: 256 * 1024 * 1024,
  /** One record's JSON, in characters. A round with 5,000 file lines is about 4 MB. */
  recordChars: 2 * 1024 * 1024,
  rollupChars: 8 * 1024 * 1024,
  /** A bank of 5,000 questions of the longest kind is about 6 MB. */
  bankChars: 16 * 1024 * 1024,
  settingChars: 64 * 1024,
  /** Objects and arrays inside one another; the deepest real record (a session's tallies) is 5. */
  depth: 16,
} as const;

/** The most characters one record of `store` may take as JSON. */
export function recordLimit(store: DataStoreName): number {
  if (store === 'settings') return backupLimits.settingChars;
  if (store === 'rollups') return backupLimits.rollupChars;
  if (store === 'banks') return backupLimits.bankChars;
  return backupLimits.recordChars;
}

/**
 * The settings the app writes, each with the shape of its value. Only these restore: a key
 * the app never reads would sit on the device unseen. (The interface language is kept by the
 * browser per device, not in the database, so a backup never carries one.)
 */
export const settingSchemas: Readonly<Record<string, z.ZodMiniType>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, z.ZodMiniType>, {
    [activeProfileKey]: z.uuid(),
    [activeRoleKey]: roleSchema,
  }),
);

/** Whether `key` is a setting the app writes. */
export function isKnownSetting(key: unknown): key is string {
  return typeof key === 'string' && Object.hasOwn(settingSchemas, key);
}

export const settingRecordSchema = z.strictObject({ key: z.string(), value: z.unknown() }).check(
  z.refine(
    (record) => isKnownSetting(record.key) && settingSchemas[record.key]!.safeParse(record.value).success,
    {
      message: 'unknown setting or a value of the wrong shape',
      path: ['value'],
    },
  ),
);

export type ShapeFault = 'too-deep' | 'too-large' | 'bad-key';

/**
 * Walks a parsed JSON value without recursion and says what is wrong with its shape, or
 * `null`: nested deeper than `depth`, longer than about `maxChars` characters of JSON, or
 * holding a key named `__proto__` (which an object literal or a copy would turn into a
 * prototype, silently changing the record). Stops at the first fault, so a huge or deep value
 * costs no more than the limit.
 */
export function shapeFault(
  value: unknown,
  maxChars: number,
  depth: number = backupLimits.depth,
): ShapeFault | null {
  // Two parallel stacks (values and their levels): no object per node on a 100,000-record file.
  const values: unknown[] = [value];
  const levels: number[] = [1];
  let chars = 0;
  while (values.length > 0) {
    const item = values.pop();
    const level = levels.pop() ?? 1;
    if (typeof item === 'string') chars += item.length + 2;
    else if (item === null || typeof item !== 'object') chars += String(item).length;
    else {
      if (level > depth) return 'too-deep';
      if (Array.isArray(item)) {
        chars += 2 + item.length;
        if (chars > maxChars) return 'too-large';
        for (const element of item as unknown[]) {
          values.push(element);
          levels.push(level + 1);
        }
      } else {
        const keys = Object.keys(item);
        chars += 2 + keys.length;
        for (const key of keys) {
          if (key === '__proto__') return 'bad-key';
          chars += key.length + 3;
          values.push((item as Record<string, unknown>)[key]);
          levels.push(level + 1);
        }
      }
    }
    if (chars > maxChars) return 'too-large';
  }
  return null;
}

/** Each store's records, parsed, as they will be written. */
export interface RestoredStores {
  profiles: Profile[];
  attempts: Attempt[];
  progress: Progress[];
  sessions: QuizSession[];
  settings: SettingRecord[];
  contacts: Contact[];
  units: Unit[];
  ledger: LedgerEntry[];
  drafts: SessionDraft[];
  campaigns: Campaign[];
  rollups: Rollup[];
  banks: Bank[];
  ownQuizzes: OwnQuiz[];
}

/** Each store's key path (`migrations.ts`): two records with the same key would leave one. */
export const storeKeys: Readonly<Record<DataStoreName, string>> = {
  profiles: 'id',
  attempts: 'id',
  progress: 'profileId',
  sessions: 'profileId',
  settings: 'key',
  contacts: 'id',
  units: 'id',
  ledger: 'id',
  drafts: 'key',
  campaigns: 'id',
  rollups: 'id',
  banks: 'id',
  ownQuizzes: 'id',
};

/** A rule some records of one store break: how many, and the 1-based number of the first. */
export interface RecordFault {
  kind: 'duplicate-id' | 'missing-profile' | 'missing-unit' | 'unit-cycle' | 'missing-bank';
  store: DataStoreName;
  count: number;
  first: number;
}

/**
 * The indexes in `records` of those whose key an earlier record already has: IndexedDB would
 * keep only the last of them, so fewer records would be stored than the file counts.
 */
export function repeatedKeys(store: DataStoreName, records: readonly unknown[]): number[] {
  const key = storeKeys[store];
  const seen = new Set<unknown>();
  const repeated: number[] = [];
  for (const [i, record] of records.entries()) {
    if (typeof record !== 'object' || record === null || !Object.hasOwn(record, key)) continue;
    const value = (record as Record<string, unknown>)[key];
    if (seen.has(value)) repeated.push(i);
    else seen.add(value);
  }
  return repeated;
}

/** The 1-based numbers of the units whose parent chain comes back to a unit already on it (their own parent included). */
function unitsInCycles(units: readonly Unit[]): number[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  // 'done': the chain above ends; 'cycle': it loops.
  const settled = new Map<string, 'done' | 'cycle'>();
  for (const unit of units) {
    const chain: string[] = [];
    const onChain = new Set<string>();
    let current: Unit | undefined = unit;
    let outcome: 'done' | 'cycle' = 'done';
    while (current) {
      const known = settled.get(current.id);
      if (known) {
        outcome = known;
        break;
      }
      if (onChain.has(current.id)) {
        outcome = 'cycle';
        break;
      }
      onChain.add(current.id);
      chain.push(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    // A unit leading into a loop is not on it, but its chain never ends either: both are refused.
    for (const id of chain) settled.set(id, outcome);
  }
  return units.flatMap((u, i) => (settled.get(u.id) === 'cycle' ? [i + 1] : []));
}

/** Every reference rule the parsed stores break, one fault per rule and store. */
export function referenceFaults(stores: RestoredStores): RecordFault[] {
  const faults: RecordFault[] = [];
  const note = (kind: RecordFault['kind'], store: DataStoreName, numbers: number[]) => {
    if (numbers.length > 0) faults.push({ kind, store, count: numbers.length, first: numbers[0] ?? 0 });
  };
  const failing = <T>(records: readonly T[], broken: (record: T) => boolean) =>
    records.flatMap((record, i) => (broken(record) ? [i + 1] : []));

  const profiles = new Set(stores.profiles.map((p) => p.id));
  const units = new Set(stores.units.map((u) => u.id));
  // Deleting a profile deletes its attempts, summary and quiz in progress with it (`profileStore.ts`).
  note(
    'missing-profile',
    'attempts',
    failing(stores.attempts, (a) => !profiles.has(a.profileId)),
  );
  note(
    'missing-profile',
    'progress',
    failing(stores.progress, (p) => !profiles.has(p.profileId)),
  );
  note(
    'missing-profile',
    'sessions',
    failing(stores.sessions, (s) => !profiles.has(s.profileId)),
  );
  // Units are never deleted, but for a class nothing reached (`schoolStore.ts`); a roll-up brings each record's units with it.
  note(
    'missing-unit',
    'units',
    failing(stores.units, (u) => u.parentId !== undefined && !units.has(u.parentId)),
  );
  note('unit-cycle', 'units', unitsInCycles(stores.units));
  note(
    'missing-unit',
    'ledger',
    failing(
      stores.ledger,
      (e) =>
        !units.has(e.unitId) || (e.kind === 'school-activity' && e.classes.some((c) => !units.has(c.unitId))),
    ),
  );
  note(
    'missing-unit',
    'campaigns',
    failing(stores.campaigns, (c) => !units.has(c.unitId)),
  );
  // Senders are placed under the receiving unit: a missing one would hang them under nothing.
  note(
    'missing-unit',
    'rollups',
    failing(stores.rollups, (r) => r.receiverId !== undefined && !units.has(r.receiverId)),
  );
  // A quiz draws from its banks; deleting a bank takes it out of every quiz (`bankStore.ts`).
  const banks = new Set(stores.banks.map((b) => b.id));
  note(
    'missing-bank',
    'ownQuizzes',
    failing(stores.ownQuizzes, (q) => q.bankIds.some((id) => !banks.has(id))),
  );
  return faults;
}
