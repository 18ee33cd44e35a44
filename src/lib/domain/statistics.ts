/**
 * Participation statistics over the ledger and the quiz attempts, for a period, a unit and
 * everything under it, an audience and a kind of record: the key figures a unit reports
 * upward, and the series the statistics screen charts (participants per month, by audience,
 * by unit). Pure functions, so the screen, its exports and a roll-up compute the same.
 */
import type { Audience } from '../content/ids';
import { attemptScore, type Attempt } from './attempt.schema';
import type { LedgerEntry } from './ledger.schema';
import { compareCheck, type Share } from './tally';
import type { Unit } from './unit.schema';

export interface StatisticsFilter {
  /** First and last day, YYYY-MM-DD, both included; empty for no bound. */
  from: string;
  to: string;
  /** A unit and everything under it; empty for all. */
  unitId: string;
  audience: Audience | '';
  kind: LedgerEntry['kind'] | '';
}

export const noFilter: StatisticsFilter = { from: '', to: '', unitId: '', audience: '', kind: '' };

/** Whether `unitId` is `ancestorId` or lies under it (the tree is free-form; a loop ends the walk). */
export function isWithin(
  unitId: string,
  ancestorId: string,
  units: Pick<ReadonlyMap<string, Unit>, 'get'>,
): boolean {
  const seen = new Set<string>();
  for (let current = units.get(unitId); current && !seen.has(current.id);) {
    if (current.id === ancestorId) return true;
    seen.add(current.id);
    current = current.parentId ? units.get(current.parentId) : undefined;
  }
  return unitId === ancestorId;
}

export function filterEntries(
  entries: readonly LedgerEntry[],
  filter: StatisticsFilter,
  units: readonly Unit[],
): LedgerEntry[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  return entries.filter(
    (e) =>
      (!filter.from || e.date >= filter.from) &&
      (!filter.to || e.date <= filter.to) &&
      (!filter.kind || e.kind === filter.kind) &&
      (!filter.audience || e.audience === filter.audience) &&
      (!filter.unitId || isWithin(e.unitId, filter.unitId, byId)),
  );
}

export interface KeyFigures {
  records: number;
  sessions: number;
  /** People reached by every record: session participants, students, campaign activities' people. */
  participants: number;
  /** Women, where sessions counted them. */
  women: number;
  /** Students reached by school activities. */
  students: number;
  /** Quiz attempts finished in the period, and their average score (0–1; null without attempts). */
  attempts: number;
  averageScore: number | null;
  /** The sessions' knowledge checks, all answers together: right before, right after, the change. */
  check: { before: Share; after: Share; change: number | null };
}

/** Attempts finished inside the period (the unit, audience and kind filters do not apply to them). */
export function filterAttempts(
  attempts: readonly Attempt[],
  filter: Pick<StatisticsFilter, 'from' | 'to'>,
): Attempt[] {
  return attempts.filter((a) => {
    const day = a.finishedAt.slice(0, 10);
    return (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to);
  });
}

export function keyFigures(entries: readonly LedgerEntry[], attempts: readonly Attempt[]): KeyFigures {
  let sessions = 0;
  let participants = 0;
  let women = 0;
  let students = 0;
  const before = [];
  const after = [];
  for (const entry of entries) {
    participants += entry.participants;
    if (entry.kind === 'session') {
      sessions++;
      women += entry.women ?? 0;
      if (entry.check) {
        before.push(...entry.check.before);
        after.push(...entry.check.after);
      }
    } else if (entry.kind === 'school-activity') students += entry.participants;
  }
  const scores = attempts.map(attemptScore).filter((s) => s.total > 0);
  const comparison = compareCheck(before, after);
  return {
    records: entries.length,
    sessions,
    participants,
    women,
    students,
    attempts: attempts.length,
    averageScore:
      scores.length > 0 ? scores.reduce((sum, s) => sum + s.correct / s.total, 0) / scores.length : null,
    check: { before: comparison.before, after: comparison.after, change: comparison.change },
  };
}

/** Participants per calendar month (YYYY-MM), months without records included between the first and the last. */
export function participantsByMonth(
  entries: readonly LedgerEntry[],
): Array<{ month: string; participants: number }> {
  if (entries.length === 0) return [];
  const totals = new Map<string, number>();
  for (const e of entries)
    totals.set(e.date.slice(0, 7), (totals.get(e.date.slice(0, 7)) ?? 0) + e.participants);
  const months = [...totals.keys()].sort();
  const out: Array<{ month: string; participants: number }> = [];
  let [year, month] = (months[0] as string).split('-').map(Number) as [number, number];
  const last = months[months.length - 1] as string;
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    out.push({ month: key, participants: totals.get(key) ?? 0 });
    if (key >= last) break;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  return out;
}

/** Participants by audience; records without one (a primary school, some campaign activities) under `null`. */
export function participantsByAudience(
  entries: readonly LedgerEntry[],
): Array<{ audience: Audience | null; participants: number }> {
  const totals = new Map<Audience | null, number>();
  for (const e of entries)
    totals.set(e.audience ?? null, (totals.get(e.audience ?? null) ?? 0) + e.participants);
  return [...totals].map(([audience, participants]) => ({ audience, participants }));
}

/**
 * Participants by the direct children of `parentId` (each with everything under it), or by
 * the top-level units when it is empty; records of the parent itself are their own row, and
 * records outside it are left out.
 */
export function participantsByUnit(
  entries: readonly LedgerEntry[],
  units: readonly Unit[],
  parentId = '',
): Array<{ unitId: string; participants: number; records: number }> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const rows = new Map<string, { unitId: string; participants: number; records: number }>();
  for (const e of entries) {
    if (parentId && !isWithin(e.unitId, parentId, byId)) continue;
    // Walk up to the unit directly under the parent (or to the root).
    let row = e.unitId;
    const seen = new Set<string>();
    for (
      let u = byId.get(e.unitId);
      u && !seen.has(u.id);
      u = u.parentId ? byId.get(u.parentId) : undefined
    ) {
      seen.add(u.id);
      if (u.id === parentId) break;
      row = u.id;
      if ((u.parentId ?? '') === parentId) break;
    }
    const current = rows.get(row) ?? { unitId: row, participants: 0, records: 0 };
    current.participants += e.participants;
    current.records++;
    rows.set(row, current);
  }
  return [...rows.values()].sort((a, b) => b.participants - a.participants);
}

export interface UnitRow {
  unitId: string;
  /** The unit it belongs to (empty at the top), so two units of one name stay apart. */
  parentId: string;
  /** Its own records and their people, not those of the units under it (they have their own rows). */
  records: number;
  participants: number;
}

/**
 * Every unit under `unitId` (itself included; every unit when it is empty) with its parent
 * and its own records, in tree order: each unit before the units under it, names in
 * Vietnamese order. So "by unit" shows the enterprises of an industrial zone, not only the
 * zone, and its rows add up to the total. Units without records are listed (a unit that did
 * nothing in the period is worth seeing), except classes: a school's coverage lists them.
 */
export function participantsEachUnit(
  entries: readonly LedgerEntry[],
  units: readonly Unit[],
  unitId = '',
): UnitRow[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const own = new Map<string, { records: number; participants: number }>();
  for (const e of entries) {
    const row = own.get(e.unitId) ?? { records: 0, participants: 0 };
    row.records++;
    row.participants += e.participants;
    own.set(e.unitId, row);
  }
  return unitTree(units)
    .map(({ unit }) => unit)
    .filter((unit) => !unitId || isWithin(unit.id, unitId, byId))
    .filter((unit) => unit.kind !== 'class' || own.has(unit.id))
    .map((unit) => ({
      unitId: unit.id,
      parentId: unit.parentId && byId.has(unit.parentId) ? unit.parentId : '',
      records: own.get(unit.id)?.records ?? 0,
      participants: own.get(unit.id)?.participants ?? 0,
    }));
}

/** Score bands of the quiz attempts, in percent of questions right (the last band includes 100). */
export const scoreBands = [
  [0, 20],
  [20, 40],
  [40, 60],
  [60, 80],
  [80, 100],
] as const;

/** How many attempts scored in each band. */
export function scoreDistribution(
  attempts: readonly Attempt[],
): Array<{ from: number; to: number; attempts: number }> {
  const rows = scoreBands.map(([from, to]) => ({ from, to, attempts: 0 }));
  for (const attempt of attempts) {
    const { correct, total } = attemptScore(attempt);
    if (total === 0) continue;
    const percent = (correct / total) * 100;
    const band = rows.findIndex((row, i) => percent < row.to || i === rows.length - 1);
    (rows[band] as { attempts: number }).attempts++;
  }
  return rows;
}

/** Units in tree order (each parent before its children, names in Vietnamese order), with their depth. */
export function unitTree(units: readonly Unit[]): Array<{ unit: Unit; depth: number }> {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string, Unit[]>();
  for (const unit of units) {
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : '';
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const out: Array<{ unit: Unit; depth: number }> = [];
  const seen = new Set<string>();
  const walk = (parent: string, depth: number) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    for (const unit of list) {
      if (seen.has(unit.id)) continue;
      seen.add(unit.id);
      out.push({ unit, depth });
      walk(unit.id, depth + 1);
    }
  };
  walk('', 0);
  // Units caught in a parent loop have no root: list them last rather than lose them.
  for (const unit of units) if (!seen.has(unit.id)) out.push({ unit, depth: 0 });
  return out;
}
