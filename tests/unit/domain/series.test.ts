import { describe, expect, test } from 'vitest';
import { addMonths } from '../../../src/lib/domain/dates';
import type { QuestionTallies } from '../../../src/lib/domain/ledger.schema';
import { seriesProgress, seriesSteps } from '../../../src/lib/domain/series';
import { makeSessionEntry } from '../../builders';

const series = {
  sessions: [{ plan: 'buoi-1' }, { plan: 'buoi-2', weeksAfter: 1 }, { plan: 'buoi-3', weeksAfter: 2 }],
  booster: { plan: 'nhac-lai', monthsAfter: 3 },
};
const xuongA = '00000000-0000-4000-8000-00000000000a';
const xuongB = '00000000-0000-4000-8000-00000000000b';

/** One true/false question: `right` of `answered` chose the right option. */
const tally = (right: number, answered: number): QuestionTallies[] => [
  { questionId: 'law-03', correct: ['false'], tallies: { true: answered - right, false: right } },
];
const withCheck = (before: [number, number], after: [number, number]) => ({
  check: { before: tally(...before), after: tally(...after) },
});

describe('Where a group stands in a series', () => {
  test('The steps are the sessions in order, then the booster', () => {
    expect(seriesSteps(series).map((s) => [s.planId, s.index, s.booster, s.after])).toEqual([
      ['buoi-1', 0, false, { weeks: 0 }],
      ['buoi-2', 1, false, { weeks: 1 }],
      ['buoi-3', 2, false, { weeks: 2 }],
      ['nhac-lai', 3, true, { months: 3 }],
    ]);
  });

  test('A group that had sessions 1 and 2 shows both results side by side, session 2 last and session 3 next', () => {
    const one = makeSessionEntry({
      unitId: xuongA,
      planId: 'buoi-1',
      date: '2027-03-01',
      ...withCheck([10, 40], [30, 40]),
    });
    const two = makeSessionEntry({
      unitId: xuongA,
      planId: 'buoi-2',
      date: '2027-03-08',
      ...withCheck([20, 40], [36, 40]),
    });
    const [group, ...others] = seriesProgress(series, [two, one]);
    expect(others).toEqual([]);
    expect(group?.unitId).toBe(xuongA);
    expect(
      group?.held.map((h) => h && [h.session.id, h.result?.before.share, h.result?.after.share]),
    ).toEqual([[one.id, 0.25, 0.75], [two.id, 0.5, 0.9], undefined, undefined]);
    expect(group?.last.session.id).toBe(two.id);
    expect(group?.next).toMatchObject({ step: { planId: 'buoi-3' }, due: '2027-03-22' });
  });

  test('After the last session the booster is next, months later; after it the series is complete', () => {
    const held = ['buoi-1', 'buoi-2', 'buoi-3'].map((planId, i) =>
      makeSessionEntry({ unitId: xuongA, planId, date: `2027-0${i + 1}-31` }),
    );
    expect(seriesProgress(series, held)[0]?.next).toMatchObject({
      step: { booster: true },
      due: '2027-06-30',
    });
    const booster = makeSessionEntry({ unitId: xuongA, planId: 'nhac-lai', date: '2027-07-01' });
    const [group] = seriesProgress(series, [...held, booster]);
    expect(group?.next).toBeUndefined();
    expect(group?.last.step.booster).toBe(true);
  });

  test('Groups are kept apart, sessions of other plans are ignored, and the most recent group comes first', () => {
    const groups = seriesProgress(series, [
      makeSessionEntry({ unitId: xuongA, planId: 'buoi-1', date: '2027-03-01' }),
      makeSessionEntry({ unitId: xuongB, planId: 'buoi-1', date: '2027-04-01' }),
      makeSessionEntry({ unitId: xuongB, planId: 'giao-ca', date: '2027-05-01' }),
      makeSessionEntry({ unitId: xuongB, date: '2027-05-02' }),
    ]);
    expect(groups.map((g) => g.unitId)).toEqual([xuongB, xuongA]);
    expect(groups.map((g) => g.held.filter(Boolean).length)).toEqual([1, 1]);
  });

  test('A step held twice shows its latest session and counts both; a session without a check has no result', () => {
    const first = makeSessionEntry({
      unitId: xuongA,
      planId: 'buoi-1',
      date: '2027-03-01',
      ...withCheck([1, 2], [2, 2]),
    });
    const again = makeSessionEntry({ unitId: xuongA, planId: 'buoi-1', date: '2027-03-15' });
    const [group] = seriesProgress(series, [first, again]);
    expect(group?.held[0]).toMatchObject({ session: { id: again.id }, times: 2, result: null });
    expect(group?.next).toMatchObject({ step: { planId: 'buoi-2' }, due: '2027-03-22' });
  });

  test('A group that skipped a session has the skipped one next, due from the session before it', () => {
    const groups = seriesProgress(series, [
      makeSessionEntry({ unitId: xuongA, planId: 'buoi-1', date: '2027-03-01' }),
      makeSessionEntry({ unitId: xuongA, planId: 'buoi-3', date: '2027-03-20' }),
    ]);
    expect(groups[0]?.next).toMatchObject({ step: { planId: 'buoi-2' }, due: '2027-03-08' });
    expect(groups[0]?.last.step.planId).toBe('buoi-3');
  });
});

describe('Adding months to a day', () => {
  test('keeps the day, or takes the month’s last day when it is shorter, across years', () => {
    expect(addMonths('2027-01-15', 2)).toBe('2027-03-15');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2027-03-31', 3)).toBe('2027-06-30');
  });
});
