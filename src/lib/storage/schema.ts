/**
 * The database's stores and their record types, for typed access through idb. Records are
 * still parsed with their zod schema on every read (`readParsed.ts`): these types say what
 * we write, not what we will find.
 */
import type { DBSchema, StoreNames } from 'idb';
import type { Attempt } from '../domain/attempt.schema';
import type { Campaign } from '../domain/campaign.schema';
import type { Contact } from '../domain/contact.schema';
import type { Bank, OwnQuiz } from '../domain/ownContent.schema';
import type { LedgerEntry } from '../domain/ledger.schema';
import type { Profile } from '../domain/profile.schema';
import type { Progress } from '../domain/progress.schema';
import type { Rollup } from '../domain/rollup';
import type { QuizSession } from '../domain/quizSession.schema';
import type { SessionDraft } from '../domain/sessionDraft.schema';
import type { Unit } from '../domain/unit.schema';

export const databaseName = 'chung-tay';

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** A record that no longer matched its schema, moved aside so the rest of the data still opens. */
export interface QuarantinedRecord {
  id?: number;
  store: string;
  key: IDBValidKey;
  value: unknown;
  reason: string;
  setAsideAt: string;
}

export interface ChungTayDB extends DBSchema {
  profiles: { key: string; value: Profile };
  /** `byProfile` is [profileId, finishedAt]: a learner's attempts in time order. */
  attempts: { key: string; value: Attempt; indexes: { byProfile: [string, string] } };
  /** Each learner's progress summary, keyed by profile id (derived from attempts). */
  progress: { key: string; value: Progress };
  /** The quiz in progress of each profile, keyed by profile id. */
  sessions: { key: string; value: QuizSession };
  settings: { key: string; value: SettingRecord };
  /** The unit's own help contacts (since version 2). */
  contacts: { key: string; value: Contact };
  /**
   * Enterprises, schools, classes and the bodies above them (since version 3); schools and
   * classes carry their details, indexed by kind (since version 4).
   */
  units: { key: string; value: Unit; indexes: { byParent: string; byKind: string } };
  /**
   * The participation ledger (since version 3): sessions, school activities (since
   * version 4), campaign activities (since version 5). Indexed by date, by [unitId, date] and by [kind, date].
   */
  ledger: {
    key: string;
    value: LedgerEntry;
    indexes: { byDate: string; byUnit: [string, string]; byKind: [string, string] };
  };
  /** June action-month campaigns, one per unit and year, indexed by year (since version 5). */
  campaigns: { key: string; value: Campaign; indexes: { byYear: number } };
  /** Reporting rounds of a roll-up, with the files each accepted (since version 6). */
  rollups: { key: string; value: Rollup };
  /** The unit's own question banks, each holding its questions (since version 8). */
  banks: { key: string; value: Bank };
  /** Quizzes built from own banks (since version 8). */
  ownQuizzes: { key: string; value: OwnQuiz };
  /** Work in progress that must survive a closed tab, by key (`session`) (since version 3). */
  drafts: { key: string; value: SessionDraft };
  quarantine: { key: number; value: QuarantinedRecord };
}

/** All of one profile's entries in an index whose key starts with the profile id. */
export function profileRange(profileId: string): IDBKeyRange {
  // Arrays sort after strings, so [id, []] is above every [id, "…"].
  return IDBKeyRange.bound([profileId], [profileId, []]);
}

/** The stores whose records are validated on read (all but the quarantine itself). */
export type DataStoreName = Exclude<StoreNames<ChungTayDB>, 'quarantine'>;
