/**
 * Where each group stands in a series: which of its sessions the group has had (the
 * sessions recorded for that unit with the step's plan), the knowledge check's result of
 * each, the one it had last and the one that comes next, with the day it is due (weeks
 * after the previous session; the booster months after the last). Pure: the series screen
 * and its tests give it the recorded sessions.
 */
import type { Series } from '../content/series.schema';
import { addDays, addMonths } from './dates';
import type { SessionEntry } from './ledger.schema';
import { compareCheck, type CheckComparison } from './tally';

export interface SeriesStep {
  planId: string;
  /** 0, 1, 2… for the sessions; the booster comes last. */
  index: number;
  booster: boolean;
  /** Weeks (sessions) or months (booster) after the step before; 0 for the first. */
  after: { weeks: number } | { months: number };
}

export interface HeldStep {
  step: SeriesStep;
  /** The latest recorded session of this step for the group. */
  session: SessionEntry;
  /** How many times the group had it (a step repeated counts once in the sequence). */
  times: number;
  /** Before and after, when the session recorded its check. */
  result: CheckComparison | null;
}

export interface GroupProgress {
  unitId: string;
  /** One per step, in order; undefined where the group has not had it yet. */
  held: Array<HeldStep | undefined>;
  /** The step the group had most recently (by date). */
  last: HeldStep;
  /** The first step not yet held, and from when it is due; undefined when every step was held. */
  next: { step: SeriesStep; due: string } | undefined;
}

/** The steps of a series in order: its sessions, then the booster. */
export function seriesSteps(series: Pick<Series, 'sessions' | 'booster'>): SeriesStep[] {
  return [
    ...series.sessions.map((session, index) => ({
      planId: session.plan,
      index,
      booster: false,
      after: { weeks: session.weeksAfter ?? 0 },
    })),
    {
      planId: series.booster.plan,
      index: series.sessions.length,
      booster: true,
      after: { months: series.booster.monthsAfter },
    },
  ];
}

const later = (a: SessionEntry, b: SessionEntry) =>
  a.date !== b.date
    ? a.date > b.date
    : (a.startTime ?? '') !== (b.startTime ?? '')
      ? (a.startTime ?? '') > (b.startTime ?? '')
      : a.createdAt > b.createdAt;

/**
 * Every group (unit) that had at least one step of the series, the group that had a step
 * most recently first.
 */
export function seriesProgress(
  series: Pick<Series, 'sessions' | 'booster'>,
  sessions: readonly SessionEntry[],
): GroupProgress[] {
  const steps = seriesSteps(series);
  const stepOf = new Map(steps.map((step) => [step.planId, step]));
  const byUnit = new Map<string, SessionEntry[]>();
  for (const session of sessions) {
    if (!session.planId || !stepOf.has(session.planId)) continue;
    const list = byUnit.get(session.unitId) ?? [];
    list.push(session);
    byUnit.set(session.unitId, list);
  }
  const groups: GroupProgress[] = [];
  for (const [unitId, list] of byUnit) {
    const held = steps.map((step): HeldStep | undefined => {
      const mine = list.filter((s) => s.planId === step.planId);
      const latest = mine.reduce<SessionEntry | undefined>(
        (best, s) => (!best || later(s, best) ? s : best),
        undefined,
      );
      if (!latest) return undefined;
      return {
        step,
        session: latest,
        times: mine.length,
        result: latest.check ? compareCheck(latest.check.before, latest.check.after) : null,
      };
    });
    const present = held.filter((h): h is HeldStep => h !== undefined);
    const last = present.reduce((best, h) => (later(h.session, best.session) ? h : best));
    const nextAt = held.findIndex((h) => h === undefined);
    let next: GroupProgress['next'];
    if (nextAt >= 0) {
      const step = steps[nextAt] as SeriesStep;
      // Due counts from the step just before it when the group had it, else from the last one held.
      const from = (held[nextAt - 1] ?? last).session.date;
      const due =
        'months' in step.after ? addMonths(from, step.after.months) : addDays(from, 7 * step.after.weeks);
      next = { step, due };
    }
    groups.push({ unitId, held, last, next });
  }
  return groups.sort((a, b) => (later(a.last.session, b.last.session) ? -1 : 1));
}
