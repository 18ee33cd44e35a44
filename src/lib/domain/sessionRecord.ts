/**
 * Rules for recording a facilitated session, applied to the form before anything is
 * written: each problem is tied to its field, so the form shows it inline, and nothing is
 * saved until there are none. Then the checked form becomes a ledger record.
 */
import type { Audience } from '../content/ids';
import { isCalendarDate } from './dates';
import {
  ageBands,
  maxParticipants,
  sessionLimits,
  type AgeBand,
  type QuestionTallies,
  type SessionEntry,
} from './ledger.schema';
import { tallyTotal } from './tally';
import { sameName, unitLabel, findUnit } from './units';
import { unitNameMaxLength, type Unit, type UnitKind } from './unit.schema';

/** What the session form holds: text as typed; numbers are parsed here. */
export interface SessionInput {
  date: string;
  startTime: string;
  unitName: string;
  /** Used when the unit is new. */
  unitKind: UnitKind;
  /** The new unit's parent (an industrial zone, a commune, a union…), by name; optional. */
  parentName: string;
  place: string;
  audience: Audience | '';
  participants: string;
  women: string;
  ageBands: Record<AgeBand, string>;
  durationMinutes: string;
  planId: string;
  topics: string[];
  materials: string[];
  leaflets: string;
  facilitator: string;
  notes: string;
}

export type SessionField = Exclude<keyof SessionInput, 'ageBands'> | `ageBands.${AgeBand}` | 'ageBands';

export type SessionProblem =
  | 'required'
  | 'invalid'
  | 'future'
  | 'negative'
  | 'whole-number'
  | 'too-small'
  | 'too-large'
  | 'too-long'
  | 'more-than-participants'
  | 'fewer-than-answers'
  | 'same-as-unit';

export type SessionProblems = Partial<Record<SessionField, SessionProblem>>;

export function emptySessionInput(today: string): SessionInput {
  return {
    date: today,
    startTime: '',
    unitName: '',
    unitKind: 'enterprise',
    parentName: '',
    place: '',
    audience: '',
    participants: '',
    women: '',
    ageBands: { under18: '', from18to30: '', from31to45: '', over45: '' },
    durationMinutes: '',
    planId: '',
    topics: [],
    materials: [],
    leaflets: '',
    facilitator: '',
    notes: '',
  };
}

/** A whole number typed in a field: undefined when blank, a problem when not a count. */
export function parseCount(value: string): number | undefined | 'negative' | 'whole-number' {
  const text = value.trim().replace(/[.\s](?=\d{3}\b)/g, ''); // "1.200" or "1 200" as typed in Vietnam
  if (!text) return undefined;
  if (/^-\d+$/.test(text)) return 'negative';
  if (!/^\d+$/.test(text)) return 'whole-number';
  return Number(text);
}

/**
 * @param today the local date, YYYY-MM-DD
 * @param answered the most answers any question of the session's checks or quiz received
 */
export function checkSessionInput(input: SessionInput, today: string, answered = 0): SessionProblems {
  const problems: SessionProblems = {};
  const date = input.date.trim();
  if (!date) problems.date = 'required';
  else if (!isCalendarDate(date)) problems.date = 'invalid';
  else if (date > today) problems.date = 'future';
  if (input.startTime.trim() && !/^([01]\d|2[0-3]):[0-5]\d$/.test(input.startTime.trim()))
    problems.startTime = 'invalid';

  const unitName = input.unitName.trim();
  if (!unitName) problems.unitName = 'required';
  else if (unitName.length > unitNameMaxLength) problems.unitName = 'too-long';
  const parentName = input.parentName.trim();
  if (parentName.length > unitNameMaxLength) problems.parentName = 'too-long';
  else if (parentName && unitName && sameName(parentName, unitName)) problems.parentName = 'same-as-unit';

  if (!input.audience) problems.audience = 'required';

  const counted = (
    field: SessionField,
    value: string,
    { required = false, min = 0, max = maxParticipants } = {},
  ) => {
    const parsed = parseCount(value);
    if (parsed === undefined) {
      if (required) problems[field] = 'required';
      return undefined;
    }
    if (typeof parsed === 'string') {
      problems[field] = parsed;
      return undefined;
    }
    if (parsed < min) problems[field] = 'too-small';
    else if (parsed > max) problems[field] = 'too-large';
    else return parsed;
    return undefined;
  };
  const participants = counted('participants', input.participants, { required: true, min: 1 });
  const women = counted('women', input.women);
  if (participants !== undefined && women !== undefined && women > participants) {
    problems.women = 'more-than-participants';
  }
  if (participants !== undefined && answered > participants) problems.participants = 'fewer-than-answers';
  let bandTotal = 0;
  for (const band of ageBands) {
    bandTotal += counted(`ageBands.${band}`, input.ageBands[band]) ?? 0;
  }
  if (participants !== undefined && bandTotal > participants) problems.ageBands = 'more-than-participants';
  counted('durationMinutes', input.durationMinutes, {
    required: true,
    min: 1,
    max: sessionLimits.durationMinutes,
  });
  counted('leaflets', input.leaflets, { max: sessionLimits.leaflets });
  for (const field of ['place', 'facilitator', 'notes'] as const) {
    if (input[field].trim().length > sessionLimits[field]) problems[field] = 'too-long';
  }
  return problems;
}

/** The most answers any question received, to compare with the participants. */
export function mostAnswers(groups: ReadonlyArray<readonly QuestionTallies[] | undefined>): number {
  return Math.max(0, ...groups.flatMap((group) => (group ?? []).map((q) => tallyTotal(q.tallies))));
}

/**
 * The stored unit a form names: by its name (a class by its label), and between two units of
 * one name ("Phân xưởng 1" of two companies) the one under the parent the form names.
 */
export function knownUnit(
  input: Pick<SessionInput, 'unitName' | 'parentName'>,
  units: readonly Unit[],
): Unit | undefined {
  // The name first: the parent is looked up only for the few units of that name (the form's
  // hint runs this at every key typed, over every unit on the device).
  const parentOf = (unit: Unit) => units.find((u) => u.id === unit.parentId);
  const underParent = input.parentName.trim()
    ? units.find(
        (unit) =>
          unit.parentId &&
          sameName(unit.name, input.unitName) &&
          sameName(parentOf(unit)?.name ?? '', input.parentName),
      )
    : undefined;
  return underParent ?? findUnit(input.unitName, units);
}

/**
 * The unit the form names: an existing one (same name), or a new one, with its new parent
 * when that is new too. Returns the unit id and the units to create.
 */
export function resolveUnit(
  input: Pick<SessionInput, 'unitName' | 'unitKind' | 'parentName'>,
  units: readonly Unit[],
  newId: () => string,
  now: Date,
): { unitId: string; created: Unit[] } {
  const parentName = input.parentName.trim().replace(/\s+/g, ' ');
  const existing = knownUnit(input, units);
  if (existing) return { unitId: existing.id, created: [] };
  const at = now.toISOString();
  const created: Unit[] = [];
  let parentId: string | undefined;
  if (parentName) {
    const parent = units.find((unit) => sameName(unit.name, parentName));
    if (parent) parentId = parent.id;
    else {
      const made: Unit = { id: newId(), name: parentName, kind: 'other', createdAt: at, updatedAt: at };
      created.push(made);
      parentId = made.id;
    }
  }
  const unit: Unit = {
    id: newId(),
    name: input.unitName.trim().replace(/\s+/g, ' '),
    kind: input.unitKind,
    ...(parentId ? { parentId } : {}),
    createdAt: at,
    updatedAt: at,
  };
  created.push(unit);
  return { unitId: unit.id, created };
}

/** The ledger record for a checked form (call `checkSessionInput` first). */
export function toSessionEntry(
  input: SessionInput,
  context: {
    id: string;
    unitId: string;
    now: Date;
    createdAt?: string;
    check?: SessionEntry['check'];
    roomQuiz?: SessionEntry['roomQuiz'];
  },
): SessionEntry {
  const number = (value: string) => {
    const parsed = parseCount(value);
    return typeof parsed === 'number' ? parsed : undefined;
  };
  const optionalText = (value: string) => value.trim() || undefined;
  const bands = Object.fromEntries(
    ageBands.flatMap((band) => {
      const value = number(input.ageBands[band]);
      return value === undefined ? [] : [[band, value]];
    }),
  );
  const entry: SessionEntry = {
    id: context.id,
    kind: 'session',
    unitId: context.unitId,
    date: input.date.trim(),
    audience: input.audience as Audience,
    participants: number(input.participants) ?? 0,
    durationMinutes: number(input.durationMinutes) ?? 0,
    topics: [...input.topics],
    materials: [...input.materials],
    createdAt: context.createdAt ?? context.now.toISOString(),
    updatedAt: context.now.toISOString(),
  };
  const optional: Partial<SessionEntry> = {
    startTime: optionalText(input.startTime),
    women: number(input.women),
    ageBands: Object.keys(bands).length > 0 ? bands : undefined,
    place: optionalText(input.place),
    planId: optionalText(input.planId),
    leaflets: number(input.leaflets),
    facilitator: optionalText(input.facilitator),
    notes: optionalText(input.notes),
    check: context.check,
    roomQuiz: context.roomQuiz,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (entry as Record<string, unknown>)[key] = value;
  }
  return entry;
}

/** The form's unit fields naming a stored unit, as `resolveUnit` finds it again; blank when unknown. */
export function unitInput(
  unitId: string,
  units: readonly Unit[],
): Pick<SessionInput, 'unitName' | 'unitKind' | 'parentName'> {
  const unit = units.find((u) => u.id === unitId);
  const parent = unit?.parentId ? units.find((u) => u.id === unit.parentId) : undefined;
  return {
    unitName: unit ? unitLabel(unit, units) : '',
    unitKind: unit?.kind ?? 'enterprise',
    parentName: parent?.name ?? '',
  };
}

/** The form for editing a stored record. */
export function toSessionInput(entry: SessionEntry, units: readonly Unit[]): SessionInput {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    date: entry.date,
    startTime: entry.startTime ?? '',
    ...unitInput(entry.unitId, units),
    place: entry.place ?? '',
    audience: entry.audience,
    participants: String(entry.participants),
    women: text(entry.women),
    ageBands: {
      under18: text(entry.ageBands?.under18),
      from18to30: text(entry.ageBands?.from18to30),
      from31to45: text(entry.ageBands?.from31to45),
      over45: text(entry.ageBands?.over45),
    },
    durationMinutes: String(entry.durationMinutes),
    planId: entry.planId ?? '',
    topics: [...entry.topics],
    materials: [...entry.materials],
    leaflets: text(entry.leaflets),
    facilitator: entry.facilitator ?? '',
    notes: entry.notes ?? '',
  };
}
