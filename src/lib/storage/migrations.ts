/**
 * Ordered, named schema migrations. The database version is the number of the last step;
 * opening an older database runs every later step in order, inside the upgrade transaction,
 * so an upgrade either completes or leaves the old data untouched.
 *
 * To add a store (a unit list, a participation ledger…): append a step that creates it, add
 * its record type to `schema.ts`, a fixture of the new format to `tests/fixtures/`, and a
 * repository module next to this one. Never edit a released step.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';

export interface Migration {
  version: number;
  name: string;
  // Steps see the database as it was at their version, not as `ChungTayDB` describes it now.
  upgrade(db: IDBPDatabase<unknown>, tx: IDBPTransaction<unknown, string[], 'versionchange'>): void;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'learner profiles, quiz attempts, progress summaries, quizzes in progress, settings, set-aside records',
    upgrade(db) {
      db.createObjectStore('profiles', { keyPath: 'id' });
      const attempts = db.createObjectStore('attempts', { keyPath: 'id' });
      attempts.createIndex('byProfile', ['profileId', 'finishedAt']);
      db.createObjectStore('progress', { keyPath: 'profileId' });
      db.createObjectStore('sessions', { keyPath: 'profileId' });
      db.createObjectStore('settings', { keyPath: 'key' });
      db.createObjectStore('quarantine', { keyPath: 'id', autoIncrement: true });
    },
  },
  {
    version: 2,
    name: 'local help contacts',
    upgrade(db) {
      db.createObjectStore('contacts', { keyPath: 'id' });
    },
  },
  {
    version: 3,
    name: 'units, the participation ledger, drafts',
    upgrade(db) {
      const units = db.createObjectStore('units', { keyPath: 'id' });
      units.createIndex('byParent', 'parentId');
      const ledger = db.createObjectStore('ledger', { keyPath: 'id' });
      ledger.createIndex('byDate', 'date');
      ledger.createIndex('byUnit', ['unitId', 'date']);
      ledger.createIndex('byKind', ['kind', 'date']);
      db.createObjectStore('drafts', { keyPath: 'key' });
    },
  },
  {
    version: 4,
    // Units gain school and class details and the ledger gains school activities: a tab of
    // version 3 would set those records aside as unreadable, so it is asked to reload instead.
    name: 'schools, classes and school activities',
    upgrade(_db, tx) {
      tx.objectStore('units').createIndex('byKind', 'kind');
    },
  },
  {
    version: 5,
    name: 'action-month campaigns (the ledger gains their activities)',
    upgrade(db) {
      const campaigns = db.createObjectStore('campaigns', { keyPath: 'id' });
      campaigns.createIndex('byYear', 'year');
    },
  },
  {
    version: 6,
    name: 'reporting rounds of a roll-up (the files each received)',
    upgrade(db) {
      db.createObjectStore('rollups', { keyPath: 'id' });
    },
  },
  {
    version: 7,
    name: 'progress summaries keep practice and contest bests apart',
    upgrade(_db, tx) {
      // A summary is derived from the attempts (`attemptStore.getProgress` rebuilds a missing one);
      // the old ones ranked a practice run against contests, so they go and are rebuilt on first read.
      void tx.objectStore('progress').clear();
    },
  },
  {
    version: 8,
    name: 'own question banks and the quizzes built from them',
    upgrade(db) {
      db.createObjectStore('banks', { keyPath: 'id' });
      db.createObjectStore('ownQuizzes', { keyPath: 'id' });
    },
  },
];

export const latestVersion = migrations[migrations.length - 1]?.version ?? 0;

/** Runs, in order, every step newer than `oldVersion`. */
export function runMigrations(
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
  oldVersion: number,
  steps: readonly Migration[] = migrations,
): void {
  for (const step of steps) {
    if (step.version > oldVersion) step.upgrade(db, tx);
  }
}
