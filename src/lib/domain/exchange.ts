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
import {
  filterAttempts,
  filterEntries,
  keyFigures,
  participantsByAudience,
  participantsByMonth,
  participantsByUnit,
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
  | { kind: 'duplicate'; of: string };

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

/**
 * Reads a file meant for a roll-up: JSON of this kind and a version this app reads, with the
 * exporting unit and the detail, every record and unit valid, and every record's unit in the
 * file. The first problem found is the reason it is refused.
 */
export function checkStatisticsFile(text: string, fileName = ''): FileCheck {
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
  return {
    ok: true,
    checked: { file, exportingUnit: file.exportingUnit, units: units.ok, records: records.ok },
  };
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
  byUnit: ReturnType<typeof participantsByUnit>;
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
