/**
 * Writes a stored-format fixture (`tests/fixtures/storage-vN.json`) into a fresh database
 * created by the migrations up to version N only, as a device on that release had it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import * as z from 'zod/mini';
import { migrations, runMigrations } from '../../../src/lib/storage/migrations';

const fixtureSchema = z.object({
  version: z.int(),
  stores: z.record(z.string(), z.array(z.unknown())),
});

export function readFixture(version: number) {
  const path = join(import.meta.dirname, `../../fixtures/storage-v${version}.json`);
  return fixtureSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export async function databaseFromFixture(version: number, name = 'chung-tay'): Promise<IDBFactory> {
  const fixture = readFixture(version);
  const factory = new IDBFactory();
  const steps = migrations.filter((step) => step.version <= version);
  // idb's openDB uses the global factory; point it at this one for the set-up only.
  const previous = globalThis.indexedDB;
  globalThis.indexedDB = factory;
  try {
    const db = await openDB(name, version, {
      upgrade: (database, oldVersion, _newVersion, tx) =>
        runMigrations(database as never, tx as never, oldVersion, steps),
    });
    for (const [store, records] of Object.entries(fixture.stores)) {
      const tx = db.transaction(store, 'readwrite');
      await Promise.all([...records.map((record) => tx.store.put(record)), tx.done]);
    }
    db.close();
  } finally {
    globalThis.indexedDB = previous;
  }
  return factory;
}
