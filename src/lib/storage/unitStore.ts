/**
 * Units: enterprises, schools, classes and the bodies above them.
 */
import { unitSchema, type Unit } from '../domain/unit.schema';
import { announceChange } from './changes';
import type { Database } from './connection';
import { getAllParsed } from './readParsed';
import { writeTransaction } from './storageErrors';

/** Every unit, by name in Vietnamese order. */
export async function listUnits(db: Database): Promise<Unit[]> {
  const units = await getAllParsed(db, 'units', unitSchema);
  return units.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export async function saveUnit(db: Database, unit: Unit): Promise<void> {
  const record = unitSchema.parse(unit);
  await writeTransaction(db, ['units'], (tx) => tx.objectStore('units').put(record));
  announceChange('units');
}
