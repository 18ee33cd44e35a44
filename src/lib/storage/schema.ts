/**
 * The database's stores and their record types, for typed access through idb. Records are
 * still parsed with their zod schema on every read (`readParsed.ts`): these types say what
 * we write, not what we will find.
 */
import type { DBSchema, StoreNames } from 'idb';
import type { Attempt } from '../domain/attempt.schema';
import type { Profile } from '../domain/profile.schema';
import type { QuizSession } from '../domain/quizSession.schema';

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
  attempts: { key: string; value: Attempt; indexes: { byProfile: string } };
  /** The quiz in progress of each profile, keyed by profile id. */
  sessions: { key: string; value: QuizSession };
  settings: { key: string; value: SettingRecord };
  quarantine: { key: number; value: QuarantinedRecord };
}

/** The stores whose records are validated on read (all but the quarantine itself). */
export type DataStoreName = Exclude<StoreNames<ChungTayDB>, 'quarantine'>;
