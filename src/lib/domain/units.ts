/**
 * Finding and naming units: two names are the same unit when they differ only in case or
 * spacing (diacritics count), and a class is named with its school so two schools' 6A1 stay
 * apart.
 */
import type { Unit } from './unit.schema';

/** Names that differ only in case or spacing are the same unit; diacritics are not ignored. */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** What `sameName` compares: work it out once when matching many names. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

/**
 * How pickers name a unit: a class with its school, "6A1 (THCS Lê Lợi)", so two schools'
 * 6A1 stay apart; any other unit by its name.
 */
export function unitLabel(unit: Unit, units: readonly Unit[]): string {
  if (unit.kind !== 'class' || !unit.parentId) return unit.name;
  const school = units.find((u) => u.id === unit.parentId);
  return school ? `${unit.name} (${school.name})` : unit.name;
}

/** The unit a typed name means: a class's full label first, then a plain name. */
export function findUnit(typed: string, units: readonly Unit[]): Unit | undefined {
  return (
    units.find((unit) => unit.kind === 'class' && sameName(unitLabel(unit, units), typed)) ??
    units.find((unit) => sameName(unit.name, typed))
  );
}
