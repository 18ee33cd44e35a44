/**
 * Rolling up many units' files: a reporting round (kỳ báo cáo) names the period, the
 * deadline and the units expected to send; each file received is checked whole
 * (`exchange.ts`) and its records and units merge into the device's by id — a record not
 * seen before is added, a newer edit (later `updatedAt`) replaces the older one, the same or
 * an older one changes nothing — so importing a file again leaves the data as it was. The
 * round keeps a line per file accepted, from which the reporting status is read.
 */
import * as z from 'zod/mini';
import type { CheckedFile, FileProblem } from './exchange';
import type { LedgerEntry } from './ledger.schema';
import { isCalendarDate, localDate } from './dates';
import { findUnit, nameKey } from './units';
import { isWithin, keyFigures, participantsByUnit, type KeyFigures } from './statistics';
import { unitNameMaxLength, type Unit, type UnitKind } from './unit.schema';

export const rollupLimits = { name: 160, unitName: 120, expected: 500, files: 5000 } as const;

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** A file accepted into a round. */
export const receivedFileSchema = z.strictObject({
  /** SHA-256 of the file's bytes, hex: the same file twice is refused. */
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  fileName: z.string().check(z.maxLength(260)),
  unitId: z.uuid(),
  unitName: text(rollupLimits.unitName),
  exportedAt: z.iso.datetime(),
  importedAt: z.iso.datetime(),
  records: z.int().check(z.minimum(0)),
  added: z.int().check(z.minimum(0)),
  replaced: z.int().check(z.minimum(0)),
});
export type ReceivedFile = z.infer<typeof receivedFileSchema>;

export const rollupSchema = z
  .strictObject({
    id: z.uuid(),
    name: text(rollupLimits.name),
    /** The period reported on, both days included. */
    from: z.iso.date(),
    to: z.iso.date(),
    /** The last day a file counts as on time. */
    deadline: z.iso.date(),
    /**
     * The unit that rolls these files up (the user's own: a KCN union, a commune, an
     * education office): each sending unit is placed under it, so its statistics and its own
     * file for the level above add them in.
     */
    receiverId: z.optional(z.uuid()),
    /** The units expected to send, by name as the receiver knows them. */
    expected: z.array(text(rollupLimits.unitName)).check(z.maxLength(rollupLimits.expected)),
    files: z.array(receivedFileSchema).check(z.maxLength(rollupLimits.files)),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .check(z.refine((r) => r.from <= r.to, { message: 'period ends before it starts', path: ['to'] }));
export type Rollup = z.infer<typeof rollupSchema>;

// ---------------------------------------------------------------------------------------
// Merging.

export interface Dated {
  id: string;
  updatedAt: string;
}

export interface MergePlan<T extends Dated> {
  /** What to write: new records and newer edits. */
  writes: T[];
  added: number;
  replaced: number;
  /** The same edit already here, or an older one: nothing to do. */
  unchanged: number;
}

/**
 * Which incoming records change the device: those it lacks and those edited later than its
 * copy. Within one batch the latest edit of an id wins, so the order files come in does not
 * matter.
 */
export function planMerge<T extends Dated>(
  existing: ReadonlyMap<string, Dated>,
  incoming: readonly T[],
): MergePlan<T> {
  const latest = new Map<string, T>();
  for (const record of incoming) {
    const seen = latest.get(record.id);
    if (!seen || record.updatedAt > seen.updatedAt) latest.set(record.id, record);
  }
  const writes: T[] = [];
  let added = 0;
  let replaced = 0;
  for (const record of latest.values()) {
    const here = existing.get(record.id);
    if (!here) added++;
    else if (record.updatedAt > here.updatedAt) replaced++;
    else continue;
    writes.push(record);
  }
  return { writes, added, replaced, unchanged: incoming.length - added - replaced };
}

// ---------------------------------------------------------------------------------------
// The reporting status.

/** A file's local day of export (YYYY-MM-DD): what "sent by the deadline" is judged on. */
export function exportDay(exportedAt: string): string {
  return localDate(new Date(exportedAt));
}

export type ReportingState = 'on-time' | 'late' | 'missing';

export interface ReportingRow {
  name: string;
  state: ReportingState;
  /** The first file it sent (the one that settles on time or late), if any. */
  first?: ReceivedFile;
  files: number;
  /** The sending unit's id, when a file came. */
  unitId?: string;
  /** With no file: the day its first record of the period was made, when its records arrived by sync. */
  synced?: string;
}

/**
 * What arrived without a file (by sync): for each unit on the device, by name key, the local
 * day its first record dated in the round's period was made, counting the units under it.
 */
export function arrivedRecords(
  round: Pick<Rollup, 'from' | 'to' | 'expected'>,
  units: readonly Unit[],
  entries: readonly LedgerEntry[],
): Map<string, string> {
  const wanted = new Set(round.expected.map(nameKey));
  const keyOf = new Map<string, string>();
  for (const unit of units) {
    const key = nameKey(unit.name);
    if (wanted.has(key)) keyOf.set(unit.id, key);
  }
  const first = new Map<string, string>();
  if (keyOf.size === 0) return first;
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  // Each record once, up its chain of units: every expected unit it lies under.
  for (const entry of entries) {
    if (entry.date < round.from || entry.date > round.to) continue;
    const seen = new Set<string>();
    for (let id: string | undefined = entry.unitId; id && !seen.has(id); id = byId.get(id)?.parentId) {
      seen.add(id);
      const key = keyOf.get(id);
      const earliest = key === undefined ? undefined : first.get(key);
      if (key !== undefined && (earliest === undefined || entry.createdAt < earliest))
        first.set(key, entry.createdAt);
    }
  }
  return new Map([...first].map(([key, at]) => [key, localDate(new Date(at))]));
}

export interface ReportingStatus {
  rows: ReportingRow[];
  /** Files from units that are not on the expected list. */
  unexpected: ReportingRow[];
  counts: Record<ReportingState, number>;
}

/**
 * Which expected units sent a file, on time (exported by the deadline) or late, and which did
 * not. A unit that sent no file but whose records of the period arrived by sync (`arrived`,
 * from `arrivedRecords`) has reported too: on time when its first record was made by the
 * deadline.
 */
export function reportingStatus(
  round: Pick<Rollup, 'expected' | 'files' | 'deadline'>,
  arrived: ReadonlyMap<string, string> = new Map(),
): ReportingStatus {
  const sorted = [...round.files].sort((a, b) => a.exportedAt.localeCompare(b.exportedAt));
  const rowFor = (name: string, files: ReceivedFile[]): ReportingRow => {
    const first = files[0];
    const synced = arrived.get(nameKey(name));
    if (!first && synced)
      return { name, state: synced <= round.deadline ? 'on-time' : 'late', files: 0, synced };
    if (!first) return { name, state: 'missing', files: 0 };
    return {
      name,
      state: exportDay(first.exportedAt) <= round.deadline ? 'on-time' : 'late',
      first,
      files: files.length,
      unitId: first.unitId,
    };
  };
  // Files grouped by their sender's name key, each key worked out once.
  const byName = new Map<string, ReceivedFile[]>();
  for (const file of sorted) {
    const key = nameKey(file.unitName);
    byName.set(key, [...(byName.get(key) ?? []), file]);
  }
  const expectedKeys = new Set<string>();
  const rows = round.expected.map((name) => {
    const key = nameKey(name);
    expectedKeys.add(key);
    return rowFor(name, byName.get(key) ?? []);
  });
  const others = new Map<string, ReceivedFile[]>();
  for (const file of sorted)
    if (!expectedKeys.has(nameKey(file.unitName)))
      others.set(file.unitId, [...(others.get(file.unitId) ?? []), file]);
  const unexpected = [...others.values()].map((files) => rowFor((files[0] as ReceivedFile).unitName, files));
  const counts = { 'on-time': 0, late: 0, missing: 0 };
  for (const row of rows) counts[row.state]++;
  return { rows, unexpected, counts };
}

// ---------------------------------------------------------------------------------------
// Totals per unit.

export interface UnitTotals {
  unitId: string;
  name: string;
  figures: KeyFigures;
  /** Its child units (each with everything under it), the most people first. */
  children: Array<{ unitId: string; name: string; participants: number; records: number }>;
}

/**
 * The period's totals of each unit that sent a file, and of its child units, and the grand
 * total: every record under any sender, counted once even when one sender's unit lies
 * under another's.
 */
export function rollupTotals(
  round: Pick<Rollup, 'files' | 'from' | 'to'>,
  entries: readonly LedgerEntry[],
  units: readonly Unit[],
): { senders: UnitTotals[]; total: KeyFigures } {
  const names = new Map(units.map((u) => [u.id, u.name]));
  const parents = new Map(units.map((u) => [u.id, u.parentId]));
  const senderIds = [...new Set(round.files.map((f) => f.unitId))];
  const mine = new Map(senderIds.map((id) => [id, [] as LedgerEntry[]]));
  const counted: LedgerEntry[] = [];
  // One pass: each record of the period goes to every sender it lies under (a walk up the
  // tree, cut short after as many steps as there are units, so a loop ends it).
  for (const entry of entries) {
    if (entry.date < round.from || entry.date > round.to) continue;
    let under = false;
    let id: string | undefined = entry.unitId;
    for (let steps = 0; id && steps <= units.length; steps++) {
      const list = mine.get(id);
      if (list) {
        list.push(entry);
        under = true;
      }
      id = parents.get(id);
    }
    if (under) counted.push(entry);
  }
  const senders = senderIds.map((unitId) => {
    const records = mine.get(unitId) ?? [];
    return {
      unitId,
      name: names.get(unitId) ?? round.files.find((f) => f.unitId === unitId)?.unitName ?? '',
      figures: keyFigures(records, []),
      children: participantsByUnit(records, units, unitId)
        .filter((row) => row.unitId !== unitId)
        .map((row) => ({ ...row, name: names.get(row.unitId) ?? '' })),
    };
  });
  senders.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { senders, total: keyFigures(counted, []) };
}

// ---------------------------------------------------------------------------------------
// The round's form.

export interface RollupInput {
  name: string;
  from: string;
  to: string;
  deadline: string;
  /** The receiving unit, by name (found on the device, or made with `receiverKind`); may be empty. */
  receiver: string;
  receiverKind: UnitKind;
  /** The expected units, one name per line (pasted from a list or typed). */
  expected: string;
}
export type RollupField = Exclude<keyof RollupInput, 'receiverKind'>;
export type RollupProblem = 'required' | 'invalid' | 'too-long' | 'before-start' | 'before-end' | 'too-many';
export type RollupProblems = Partial<Record<RollupField, RollupProblem>>;

/** The expected names of the form, trimmed, each once (the first spelling kept). */
export function expectedNames(text: string): string[] {
  const names: string[] = [];
  const keys = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const name = line.trim().replace(/\s+/g, ' ');
    const key = nameKey(name);
    if (name && !keys.has(key)) {
      keys.add(key);
      names.push(name);
    }
  }
  return names;
}

export function emptyRollupInput(today: string): RollupInput {
  // The first half of this year, due on 1 July: a common reporting round.
  const year = today.slice(0, 4);
  return {
    name: '',
    from: `${year}-01-01`,
    to: `${year}-06-30`,
    deadline: `${year}-07-01`,
    receiver: '',
    receiverKind: 'industrial-zone',
    expected: '',
  };
}

export function checkRollupInput(input: RollupInput): RollupProblems {
  const problems: RollupProblems = {};
  const name = input.name.trim();
  if (!name) problems.name = 'required';
  else if (name.length > rollupLimits.name) problems.name = 'too-long';
  for (const field of ['from', 'to', 'deadline'] as const) {
    const value = input[field].trim();
    if (!value) problems[field] = 'required';
    else if (!isCalendarDate(value)) problems[field] = 'invalid';
  }
  if (!problems.from && !problems.to && input.to.trim() < input.from.trim()) problems.to = 'before-start';
  if (!problems.to && !problems.deadline && input.deadline.trim() < input.to.trim())
    problems.deadline = 'before-end';
  if (input.receiver.trim().length > unitNameMaxLength) problems.receiver = 'too-long';
  const names = expectedNames(input.expected);
  if (names.length > rollupLimits.expected) problems.expected = 'too-many';
  else if (names.some((n) => n.length > rollupLimits.unitName)) problems.expected = 'too-long';
  return problems;
}

/** The round a checked form makes, or `existing` with the form's changes (its files kept), and the receiving unit when new. */
export function toRollup(
  input: RollupInput,
  units: readonly Unit[],
  context: { newId: () => string; now: Date; existing?: Rollup },
): { round: Rollup; created: Unit[] } {
  const at = context.now.toISOString();
  const receiverName = input.receiver.trim().replace(/\s+/g, ' ');
  const found = receiverName ? findUnit(receiverName, units) : undefined;
  const created: Unit[] =
    receiverName && !found
      ? [{ id: context.newId(), name: receiverName, kind: input.receiverKind, createdAt: at, updatedAt: at }]
      : [];
  const receiverId = found?.id ?? created[0]?.id;
  const round: Rollup = {
    id: context.existing?.id ?? context.newId(),
    name: input.name.trim().replace(/\s+/g, ' '),
    from: input.from.trim(),
    to: input.to.trim(),
    deadline: input.deadline.trim(),
    ...(receiverId ? { receiverId } : {}),
    expected: expectedNames(input.expected),
    files: context.existing?.files ?? [],
    createdAt: context.existing?.createdAt ?? at,
    updatedAt: at,
  };
  return { round, created };
}

export function toRollupInput(round: Rollup, units: readonly Unit[]): RollupInput {
  const receiver = units.find((u) => u.id === round.receiverId);
  return {
    receiver: receiver?.name ?? '',
    receiverKind: receiver?.kind ?? 'industrial-zone',
    name: round.name,
    from: round.from,
    to: round.to,
    deadline: round.deadline,
    expected: round.expected.join('\n'),
  };
}

/**
 * The sending unit placed under the round's receiving unit (a copy with the new parent and
 * `now` as its edit time), or nothing when it has none or is there already. A unit is never
 * placed under itself or under one of its own units.
 */
export function placeUnderReceiver(
  sender: Unit,
  receiverId: string | undefined,
  units: Pick<ReadonlyMap<string, Unit>, 'get'>,
  now: Date,
): Unit | null {
  if (!receiverId || sender.id === receiverId || sender.parentId === receiverId) return null;
  if (isWithin(receiverId, sender.id, units)) return null;
  // Already somewhere under the receiver (a commune's unit that the commune's own file
  // brought in): it stays there, so the commune's totals keep it.
  if (isWithin(sender.id, receiverId, units)) return null;
  // Never back in time: a sender's clock may run ahead, and an older stamp would let its own
  // copy win again at the next import, so the same file would change the unit every time.
  const at = now.toISOString();
  return { ...sender, parentId: receiverId, updatedAt: at > sender.updatedAt ? at : sender.updatedAt };
}

// ---------------------------------------------------------------------------------------
// The trust rules of a merge (src/README: "Roll-up trust rules").

/** What a file changes on the device, once its trust rules hold. */
export interface FileMergePlan {
  units: Unit[];
  records: LedgerEntry[];
  added: number;
  replaced: number;
  unchanged: number;
}

export interface DeviceView {
  /** The device's units, as the files before this one in the import left them. */
  units: ReadonlyMap<string, Unit>;
  /** The device's copy of each record the file names, as the files before it left it. */
  records: ReadonlyMap<string, LedgerEntry>;
}

export interface MergeContext {
  /** The round's receiving unit: it and every unit above it are never changed by a file. */
  receiverId?: string;
  /** Every unit that has sent a file to this device (in any round, and earlier in this import). */
  senders: ReadonlySet<string>;
  now: Date;
}

/** The later of two ISO instants. */
export const laterOf = (a: string, b: string) => (a > b ? a : b);

/**
 * What one checked file may change, or why it may change nothing. A file speaks for its
 * sending unit and the units under it, and nothing else:
 * - the receiving unit and the units above it are never changed;
 * - a unit the device already has may be changed only when it is the sender or lies under it
 *   on the device, and the sender itself only when it came here by a file (sent one, or lay
 *   under a unit that did); a unit this device made itself is never the file's to change;
 * - one exception, so that a commune and a unit under it may both send: a unit that sent its
 *   own file may be moved under the sender whose file holds it (the commune rolled it up);
 * - the sender's own parent is the device's business: a new sender goes under the receiving
 *   unit, a known one stays where it is unless it lies outside the receiver's tree;
 * - a record the device already has may be replaced only when its unit lies under the sender.
 * Within those rules the newer edit (`updatedAt`) wins and the same or an older one changes
 * nothing, so importing a file again changes nothing.
 */
export function planFileMerge(
  checked: Pick<CheckedFile, 'exportingUnit' | 'subtree' | 'records'>,
  device: DeviceView,
  context: MergeContext,
): { ok: true; plan: FileMergePlan } | { ok: false; problem: FileProblem } {
  const senderId = checked.exportingUnit.id;
  const at = context.now.toISOString();
  const changed = new Map<string, Unit>();
  // The device's units as this file would leave them.
  const view = { get: (id: string) => changed.get(id) ?? device.units.get(id) };

  const guarded = new Set<string>();
  for (let id = context.receiverId; id && !guarded.has(id); id = device.units.get(id)?.parentId)
    guarded.add(id);
  // Whether a known unit came by a file: it sent one, or lies under a unit that did.
  const cameByFile = (id: string) => {
    const seen = new Set<string>();
    for (let u = view.get(id); u && !seen.has(u.id); u = u.parentId ? view.get(u.parentId) : undefined) {
      if (context.senders.has(u.id)) return true;
      seen.add(u.id);
    }
    return false;
  };

  for (const unit of checked.subtree) {
    const here = view.get(unit.id);
    if (guarded.has(unit.id)) return { ok: false, problem: { kind: 'receiver', name: (here ?? unit).name } };
    if (unit.id === senderId) {
      const { parentId: _parent, ...own } = unit;
      if (!here) {
        changed.set(
          unit.id,
          context.receiverId
            ? { ...own, parentId: context.receiverId, updatedAt: laterOf(at, own.updatedAt) }
            : own,
        );
        continue;
      }
      if (!cameByFile(unit.id)) return { ok: false, problem: { kind: 'foreign-unit', name: here.name } };
      let next: Unit =
        unit.updatedAt > here.updatedAt
          ? { ...own, ...(here.parentId ? { parentId: here.parentId } : {}) }
          : here;
      const placed = placeUnderReceiver(next, context.receiverId, view, context.now);
      if (placed) next = placed;
      if (next !== here) changed.set(unit.id, next);
      continue;
    }
    if (!here) {
      changed.set(unit.id, unit);
    } else if (isWithin(unit.id, senderId, view)) {
      if (unit.updatedAt > here.updatedAt) changed.set(unit.id, unit);
    } else if (context.senders.has(unit.id)) {
      // A unit that sent its own file, rolled up by this sender before: it moves under it.
      const newer = unit.updatedAt > here.updatedAt ? unit : here;
      const { parentId: _parent, ...rest } = newer;
      changed.set(unit.id, {
        ...rest,
        ...(unit.parentId ? { parentId: unit.parentId } : {}),
        updatedAt: laterOf(at, laterOf(here.updatedAt, unit.updatedAt)),
      });
    } else {
      return { ok: false, problem: { kind: 'foreign-unit', name: here.name } };
    }
  }

  // A record the device has may be replaced only when its unit lies under the sender (as this
  // file leaves the units); then the newer edit wins, as in every merge.
  const foreign = checked.records.filter((record) => {
    const here = device.records.get(record.id);
    return here !== undefined && !isWithin(here.unitId, senderId, view);
  }).length;
  if (foreign > 0) return { ok: false, problem: { kind: 'foreign-record', count: foreign } };
  const { writes, added, replaced, unchanged } = planMerge(device.records, checked.records);
  return { ok: true, plan: { units: [...changed.values()], records: writes, added, replaced, unchanged } };
}
