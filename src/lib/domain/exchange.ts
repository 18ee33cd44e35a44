/**
 * The statistics file a unit sends upward, and reading one: JSON wrapped with its kind, its
 * format version, the unit that exported it and the time, the filter and the figures shown,
 * and, when the user asks for the detail (always in a file meant for a roll-up), the ledger
 * records behind them with the units they point at. A receiver reads a file whole: either
 * every part of it is right and it can be merged, or it is refused with the reason.
 */
import * as z from 'zod/mini';
import { audienceSchema } from '../content/ids';
import type { Attempt } from './attempt.schema';
import type { CoverageFigures } from './coverage';
import { ledgerEntrySchema, type LedgerEntry } from './ledger.schema';
import { schoolsCoverage, type School } from './school';
import { decodeText, type NotTextKind } from './textFile';
import {
  filterAttempts,
  filterEntries,
  keyFigures,
  participantsByAudience,
  participantsByMonth,
  participantsByUnit,
  participantsEachUnit,
  scoreDistribution,
  type KeyFigures,
  type StatisticsFilter,
} from './statistics';
import { unitNameMaxLength, unitSchema, type Unit } from './unit.schema';

export const statisticsFileKind = 'chung-tay/statistics';
/** Raise when the file's shape changes; a reader refuses a version newer than its own. */
export const statisticsFormatVersion = 1;

const kindSchema = z.enum(['session', 'school-activity', 'campaign-activity']);
const count = z.number().check(z.minimum(0));

export const statisticsFilterSchema = z.strictObject({
  from: z.union([z.literal(''), z.iso.date()]),
  to: z.union([z.literal(''), z.iso.date()]),
  unitId: z.union([z.literal(''), z.uuid()]),
  audience: z.union([z.literal(''), audienceSchema]),
  kind: z.union([z.literal(''), kindSchema]),
});

/** The key figures as a file holds them (shares 0–1, `null` where there is no data). */
export const figuresSchema = z.strictObject({
  records: count,
  sessions: count,
  participants: count,
  women: count,
  students: count,
  classes: count,
  classesReached: count,
  enrolled: count,
  studentsReached: count,
  attempts: count,
  averageScore: z.nullable(z.number()),
  checkBefore: z.nullable(z.number()),
  checkAfter: z.nullable(z.number()),
});
export type FileFigures = z.infer<typeof figuresSchema>;

export const exportingUnitSchema = z.strictObject({
  id: z.uuid(),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(unitNameMaxLength)),
  kind: z.string(),
});
export type ExportingUnit = z.infer<typeof exportingUnitSchema>;

export const statisticsFileSchema = z.strictObject({
  kind: z.literal(statisticsFileKind),
  formatVersion: z.int().check(z.minimum(1)),
  exportingUnit: z.nullable(exportingUnitSchema),
  exportedAt: z.iso.datetime(),
  filter: statisticsFilterSchema,
  figures: figuresSchema,
  byMonth: z.array(z.strictObject({ month: z.string(), participants: count })),
  byAudience: z.array(z.strictObject({ audience: z.nullable(audienceSchema), participants: count })),
  byUnit: z.array(
    z.strictObject({ unitId: z.uuid(), name: z.string(), participants: count, records: count }),
  ),
  scores: z.array(z.strictObject({ from: count, to: count, attempts: count })),
  /** The detail: present when asked for, and required for a roll-up. */
  units: z.optional(z.array(z.unknown())),
  records: z.optional(z.array(z.unknown())),
});
export type StatisticsFile = z.infer<typeof statisticsFileSchema>;

/** A file that passed every check: its records and units parsed. */
export interface CheckedFile {
  file: StatisticsFile;
  exportingUnit: ExportingUnit;
  units: Unit[];
  /**
   * The sending unit and every unit under it in the file, each parent before its children:
   * the only units a roll-up may add or change (`rollup.ts`: `planFileMerge`). Units above
   * the sender travel with the file to name where it sits, and are never written.
   */
  subtree: Unit[];
  records: LedgerEntry[];
}

export type FileProblem =
  | { kind: 'empty' }
  | { kind: 'csv' }
  | { kind: 'not-json' }
  | { kind: 'backup' }
  | { kind: 'wrong-kind' }
  | { kind: 'newer'; version: number }
  | { kind: 'wrong-shape' }
  | { kind: 'no-detail' }
  | { kind: 'no-unit' }
  | { kind: 'bad-records'; count: number; first: number }
  | { kind: 'bad-units'; count: number; first: number }
  | { kind: 'unknown-unit'; count: number }
  | { kind: 'duplicate'; of: string }
  // The roll-up's trust rules (src/README: "Roll-up trust rules").
  | { kind: 'sender-missing' }
  | { kind: 'duplicate-id'; what: 'units' | 'records'; first: number }
  | { kind: 'unit-cycle'; name: string }
  | { kind: 'outside-sender'; count: number }
  | { kind: 'future'; today: string }
  | { kind: 'created-after-updated'; what: 'units' | 'records'; first: number }
  // Found against the device's own units when the file is merged (`planFileMerge`).
  | { kind: 'receiver'; name: string }
  | { kind: 'foreign-unit'; name: string }
  | { kind: 'foreign-record'; count: number }
  // What the file really is, when its bytes are not text this app reads (`textFile.ts`).
  | { kind: 'not-text'; what: Exclude<NotTextKind, 'empty' | EightBit> }
  | { kind: 'encoding'; encoding: EightBit };

type EightBit = 'windows-1258' | 'tcvn3' | 'unknown-8bit';
const eightBit: readonly string[] = ['windows-1258', 'tcvn3', 'unknown-8bit'] satisfies EightBit[];

/**
 * A file's bytes as text, or why it is not a file to read: empty, an old 8-bit encoding (the
 * sender must save it as UTF-8), or not text at all (an XLSX, a PDF… named .json).
 */
export function fileText(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; problem: FileProblem } {
  const decoded = decodeText(bytes);
  if (decoded.ok) return { ok: true, text: decoded.text };
  if (decoded.kind === 'empty') return { ok: false, problem: { kind: 'empty' } };
  if (eightBit.includes(decoded.kind))
    return { ok: false, problem: { kind: 'encoding', encoding: decoded.kind as EightBit } };
  return {
    ok: false,
    problem: { kind: 'not-text', what: decoded.kind as Exclude<NotTextKind, 'empty' | EightBit> },
  };
}

export type FileCheck = { ok: true; checked: CheckedFile } | { ok: false; problem: FileProblem };

/** Each item parsed, or the 1-based numbers of those that fail (every item is parsed once). */
function parseAll<T>(items: readonly unknown[], schema: z.ZodMiniType<T>): { ok: T[]; bad: number[] } {
  const ok: T[] = [];
  const bad: number[] = [];
  items.forEach((item, i) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) ok.push(parsed.data);
    else bad.push(i + 1);
  });
  return { ok, bad };
}

/** How far ahead of the device's clock a time in a file may be (time zones, a clock a little fast). */
export const futureToleranceMs = 24 * 60 * 60 * 1000;

/**
 * Reads a file meant for a roll-up: JSON of this kind and a version this app reads, with the
 * exporting unit and the detail, every record and unit valid, and every record's unit in the
 * file. Then the trust rules that need only the file: the sender is among its units, ids are
 * unique, the units' parent chains have no loop, every record lies under the sender, no time
 * is more than a day ahead of `now` (the device's clock), and nothing was updated before it
 * was created. The first problem found is the reason it is refused.
 */
export function checkStatisticsFile(text: string, fileName: string, now: Date): FileCheck {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') return { ok: false, problem: { kind: 'empty' } };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    const csv = /\.(csv|tsv|txt)$/i.test(fileName) || /^[^{[][^\n]*[,;\t]/.test(body);
    return { ok: false, problem: { kind: csv ? 'csv' : 'not-json' } };
  }
  const head = raw as { kind?: unknown; format?: unknown; formatVersion?: unknown } | null;
  if (head && typeof head === 'object' && head.format === 'chung-tay/backup')
    return { ok: false, problem: { kind: 'backup' } };
  if (!head || typeof head !== 'object' || head.kind !== statisticsFileKind)
    return { ok: false, problem: { kind: 'wrong-kind' } };
  if (typeof head.formatVersion === 'number' && head.formatVersion > statisticsFormatVersion)
    return { ok: false, problem: { kind: 'newer', version: head.formatVersion } };
  const parsed = statisticsFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: { kind: 'wrong-shape' } };
  const file = parsed.data;
  if (!file.records || !file.units) return { ok: false, problem: { kind: 'no-detail' } };
  if (!file.exportingUnit) return { ok: false, problem: { kind: 'no-unit' } };
  const records = parseAll(file.records, ledgerEntrySchema);
  if (records.bad.length > 0)
    return {
      ok: false,
      problem: { kind: 'bad-records', count: records.bad.length, first: records.bad[0] as number },
    };
  const units = parseAll(file.units, unitSchema);
  if (units.bad.length > 0)
    return {
      ok: false,
      problem: { kind: 'bad-units', count: units.bad.length, first: units.bad[0] as number },
    };
  const unitIds = new Set(units.ok.map((u) => u.id));
  const orphans = records.ok.filter(
    (r) =>
      !unitIds.has(r.unitId) ||
      (r.kind === 'school-activity' && r.classes.some((c) => !unitIds.has(c.unitId))),
  ).length;
  if (orphans > 0) return { ok: false, problem: { kind: 'unknown-unit', count: orphans } };
  const trust = checkTrust(file.exportingUnit, units.ok, records.ok, file.exportedAt, now);
  if ('kind' in trust) return { ok: false, problem: trust };
  return {
    ok: true,
    checked: {
      file,
      exportingUnit: file.exportingUnit,
      units: units.ok,
      subtree: trust.subtree,
      records: records.ok,
    },
  };
}

/** The 1-based number of the first item whose id came earlier, or 0. */
function firstRepeatedId(items: ReadonlyArray<{ id: string }>): number {
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    if (seen.has(item.id)) return i + 1;
    seen.add(item.id);
  }
  return 0;
}

/** The 1-based number of the first item updated before it was created, or 0. */
function firstOutOfOrder(items: ReadonlyArray<{ createdAt: string; updatedAt: string }>): number {
  const i = items.findIndex((item) => Date.parse(item.createdAt) > Date.parse(item.updatedAt));
  return i + 1;
}

/** The file-only trust rules; the sender's subtree, parents first, when they hold. */
function checkTrust(
  sender: ExportingUnit,
  units: readonly Unit[],
  records: readonly LedgerEntry[],
  exportedAt: string,
  now: Date,
): { subtree: Unit[] } | FileProblem {
  const byId = new Map(units.map((u) => [u.id, u]));
  if (!byId.has(sender.id)) return { kind: 'sender-missing' };
  for (const [what, items] of [
    ['units', units],
    ['records', records],
  ] as const) {
    const first = firstRepeatedId(items);
    if (first > 0) return { kind: 'duplicate-id', what, first };
  }
  // Every unit's chain up the file's tree ends (at a unit with no parent, or a parent not in
  // the file); a unit met twice on the way is a loop, its own parent included.
  const depth = new Map<string, number>();
  for (const unit of units) {
    const chain: Unit[] = [];
    const onChain = new Set<string>();
    let current: Unit | undefined = unit;
    while (current && !depth.has(current.id)) {
      if (onChain.has(current.id)) return { kind: 'unit-cycle', name: current.name };
      onChain.add(current.id);
      chain.push(current);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    let d = current ? (depth.get(current.id) ?? 0) + 1 : 0;
    for (const link of chain.reverse()) depth.set(link.id, d++);
  }
  const under = new Set<string>([sender.id]);
  const subtree = units
    .filter((u) => (depth.get(u.id) ?? 0) >= (depth.get(sender.id) ?? 0))
    .sort((a, b) => (depth.get(a.id) ?? 0) - (depth.get(b.id) ?? 0))
    .filter((u) => {
      if (u.id !== sender.id && !(u.parentId && under.has(u.parentId))) return false;
      under.add(u.id);
      return true;
    });
  const outside = records.filter(
    (r) =>
      !under.has(r.unitId) || (r.kind === 'school-activity' && r.classes.some((c) => !under.has(c.unitId))),
  ).length;
  if (outside > 0) return { kind: 'outside-sender', count: outside };
  const limit = now.getTime() + futureToleranceMs;
  const future = (at: string) => Date.parse(at) > limit;
  if (
    future(exportedAt) ||
    units.some((u) => future(u.updatedAt) || future(u.createdAt)) ||
    records.some((r) => future(r.updatedAt) || future(r.createdAt))
  )
    return { kind: 'future', today: now.toISOString() };
  for (const [what, items] of [
    ['units', units],
    ['records', records],
  ] as const) {
    const first = firstOutOfOrder(items);
    if (first > 0) return { kind: 'created-after-updated', what, first };
  }
  return { subtree };
}

/**
 * The units a file must carry for its records: each record's unit, the classes a school
 * activity reached, and every unit above them (so the tree arrives whole), each once.
 */
export function unitsFor(records: readonly LedgerEntry[], units: readonly Unit[]): Unit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out = new Map<string, Unit>();
  const add = (id: string | undefined) => {
    for (let u = id ? byId.get(id) : undefined; u && !out.has(u.id);) {
      out.set(u.id, u);
      u = u.parentId ? byId.get(u.parentId) : undefined;
    }
  };
  for (const record of records) {
    add(record.unitId);
    if (record.kind === 'school-activity') for (const c of record.classes) add(c.unitId);
  }
  return [...out.values()];
}

// ---------------------------------------------------------------------------------------
// What the statistics screen shows, and the file made of it.

export interface StatisticsSummary {
  filter: StatisticsFilter;
  entries: LedgerEntry[];
  figures: KeyFigures;
  coverage: { schools: Array<{ school: School; coverage: CoverageFigures }>; total: CoverageFigures };
  byMonth: ReturnType<typeof participantsByMonth>;
  byAudience: ReturnType<typeof participantsByAudience>;
  /** Participants by the units directly under the filter's unit, each with everything under it (the chart). */
  byUnit: ReturnType<typeof participantsByUnit>;
  /** Every unit under the filter's unit with its parent and its own records (the table and the exports). */
  eachUnit: ReturnType<typeof participantsEachUnit>;
  scores: ReturnType<typeof scoreDistribution>;
}

/**
 * Everything the statistics screen shows for a filter, computed once: the records in it, the
 * key figures, the school coverage (each school's year that contains the period's last day,
 * else `today`), and the series its charts draw. The exports write exactly this.
 */
export function statisticsSummary(
  data: { units: readonly Unit[]; entries: readonly LedgerEntry[]; attempts: readonly Attempt[] },
  filter: StatisticsFilter,
  today: string,
): StatisticsSummary {
  const entries = filterEntries(data.entries, filter, data.units);
  return {
    filter,
    entries,
    figures: keyFigures(entries, filterAttempts(data.attempts, filter)),
    coverage: schoolsCoverage(data.units, data.entries, filter.unitId, filter.to || today),
    byMonth: participantsByMonth(entries),
    byAudience: participantsByAudience(entries),
    byUnit: participantsByUnit(entries, data.units, filter.unitId),
    eachUnit: participantsEachUnit(entries, data.units, filter.unitId),
    scores: scoreDistribution(filterAttempts(data.attempts, filter)),
  };
}

/**
 * A record as it leaves the device: counts, not people. Who led a session or delivered an
 * activity, and free-text notes (which may name someone), stay on the device; the backup
 * keeps them.
 */
export function withoutNames(entry: LedgerEntry): LedgerEntry {
  if (entry.kind === 'session') {
    const { facilitator: _facilitator, notes: _notes, ...rest } = entry;
    return rest;
  }
  if (entry.kind === 'school-activity') {
    const { deliveredBy: _deliveredBy, notes: _notes, ...rest } = entry;
    return rest;
  }
  const { notes: _notes, ...rest } = entry;
  return rest;
}

/** The file of a summary: the aggregates, and with `detail` the records and their units. */
export function statisticsFile(
  summary: StatisticsSummary,
  units: readonly Unit[],
  exportingUnit: Unit | undefined,
  now: Date,
  detail: boolean,
): StatisticsFile {
  const { figures, coverage } = summary;
  const names = new Map(units.map((u) => [u.id, u.name]));
  return {
    kind: statisticsFileKind,
    formatVersion: statisticsFormatVersion,
    exportingUnit: exportingUnit
      ? { id: exportingUnit.id, name: exportingUnit.name, kind: exportingUnit.kind }
      : null,
    exportedAt: now.toISOString(),
    filter: { ...summary.filter },
    figures: {
      records: figures.records,
      sessions: figures.sessions,
      participants: figures.participants,
      women: figures.women,
      students: figures.students,
      classes: coverage.total.classes,
      classesReached: coverage.total.classesReached,
      enrolled: coverage.total.enrolled,
      studentsReached: coverage.total.studentsReached,
      attempts: figures.attempts,
      averageScore: figures.averageScore,
      checkBefore: figures.check.before.share,
      checkAfter: figures.check.after.share,
    },
    byMonth: summary.byMonth,
    byAudience: summary.byAudience,
    byUnit: summary.byUnit.map((row) => ({ ...row, name: names.get(row.unitId) ?? '' })),
    scores: summary.scores,
    ...(detail
      ? { units: unitsFor(summary.entries, units), records: summary.entries.map(withoutNames) }
      : {}),
  };
}

/**
 * The unit a file says it comes from: the one filtered on, else the one top-level unit all
 * its records lie under; none when they lie under several.
 */
export function exportingUnitOf(
  entries: readonly LedgerEntry[],
  units: readonly Unit[],
  unitId: string,
): Unit | undefined {
  const byId = new Map(units.map((u) => [u.id, u]));
  if (unitId) return byId.get(unitId);
  const roots = new Set<string>();
  for (const entry of entries) {
    let unit = byId.get(entry.unitId);
    const seen = new Set<string>();
    while (unit?.parentId && byId.has(unit.parentId) && !seen.has(unit.id)) {
      seen.add(unit.id);
      unit = byId.get(unit.parentId);
    }
    if (unit) roots.add(unit.id);
  }
  return roots.size === 1 ? byId.get([...roots][0] as string) : undefined;
}
