/**
 * Schools and their classes. A school is written with the commune it introduces, classes
 * are added many at a time, each in one transaction. A class that activities reached is
 * never deleted, only marked removed, so the figures already reported stay true.
 */
import { ledgerEntrySchema } from '../domain/ledger.schema';
import { unitSchema, type Unit } from '../domain/unit.schema';
import { announceChange } from './changes';
import type { Database } from './connection';
import { writeTransaction } from './storageErrors';

/** Stores units (a school and its new commune, or a batch of classes) together: all or none. */
export async function saveUnits(db: Database, units: readonly Unit[]): Promise<void> {
  const records = units.map((unit) => unitSchema.parse(unit));
  await writeTransaction(db, ['units'], async (tx) => {
    for (const unit of records) await tx.objectStore('units').put(unit);
  });
  announceChange('units');
}

/**
 * Removes a class: deleted when nothing in the ledger reached it, else kept with the day it
 * was removed. Resolves to what happened.
 */
export async function removeClass(db: Database, classId: string, today: string): Promise<'deleted' | 'kept'> {
  const outcome = await writeTransaction(db, ['units', 'ledger'], async (tx) => {
    const units = tx.objectStore('units');
    const found = unitSchema.safeParse(await units.get(classId));
    if (!found.success || !found.data.class) return 'deleted' as const;
    const unit = found.data;
    const details = found.data.class;
    const ledger = tx.objectStore('ledger').index('byUnit');
    const sessions = await ledger.count(IDBKeyRange.bound([classId], [classId, []]));
    let reached = sessions > 0;
    if (!reached && unit.parentId) {
      const atSchool = await ledger.getAll(IDBKeyRange.bound([unit.parentId], [unit.parentId, []]));
      reached = atSchool.some((record) => {
        const entry = ledgerEntrySchema.safeParse(record);
        // An unreadable record may still name the class: keep the class to be safe.
        if (!entry.success) return JSON.stringify(record).includes(classId);
        return entry.data.kind === 'school-activity' && entry.data.classes.some((c) => c.unitId === classId);
      });
    }
    if (!reached) {
      await units.delete(classId);
      return 'deleted' as const;
    }
    const removed: Unit = {
      ...unit,
      class: { ...details, removedOn: today },
      updatedAt: new Date().toISOString(),
    };
    await units.put(removed);
    return 'kept' as const;
  });
  announceChange('units');
  return outcome;
}
