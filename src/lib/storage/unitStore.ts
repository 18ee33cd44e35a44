/**
 * Units: enterprises, schools, classes and the bodies above them. They are written with the
 * records that introduce them (`ledgerStore.saveEntry`), in the same transaction.
 */
import { unitSchema, type Unit } from '../domain/unit.schema';
import type { Database } from './connection';
import { getAllParsed } from './readParsed';

/** Every unit, by name in Vietnamese order. */
export async function listUnits(db: Database): Promise<Unit[]> {
  const units = await getAllParsed(db, 'units', unitSchema);
  return units.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
