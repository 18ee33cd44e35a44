/**
 * Units: enterprises, schools, classes and the bodies above them. They are written with the
 * records that introduce them (`ledgerStore.saveEntry`), in the same transaction, or by the
 * school screens (`schoolStore.ts`).
 */
import { unitSchema, type Unit, type UnitKind } from '../domain/unit.schema';
import type { Database } from './connection';
import { getAllParsed } from './readParsed';

/** Every unit (or every unit of one kind), by name in Vietnamese order. */
export async function listUnits(db: Database, kind?: UnitKind): Promise<Unit[]> {
  const units = kind
    ? await getAllParsed(db, 'units', unitSchema, { name: 'byKind', range: IDBKeyRange.only(kind) })
    : await getAllParsed(db, 'units', unitSchema);
  return units.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
