import { describe, expect, test } from 'vitest';
import { checkTallies, compareCheck, shareCorrect, tallyTotal } from '../../../src/lib/domain/tally';

const q = (questionId: string, correct: string[], tallies: Record<string, number>) => ({
  questionId,
  correct,
  tallies,
});

describe('Room tallies', () => {
  test('The share correct is the right option’s count over everyone who answered', () => {
    expect(shareCorrect(q('a', ['b'], { a: 12, b: 20, c: 5 }))).toEqual({
      correct: 20,
      answered: 37,
      share: 20 / 37,
    });
    expect(tallyTotal({ a: 12, b: 20, c: 5 })).toBe(37);
  });

  test('Nobody answered is "no data", not 0 %', () => {
    expect(shareCorrect(q('a', ['true'], {}))).toEqual({ correct: 0, answered: 0, share: null });
    expect(shareCorrect(q('a', ['true'], { true: 0, false: 0 })).share).toBeNull();
  });

  test('Before and after are compared per question and overall (all right answers over all answers)', () => {
    const before = [q('x', ['a'], { a: 10, b: 27 }), q('y', ['true'], { true: 30, false: 7 })];
    const after = [q('x', ['a'], { a: 30, b: 7 }), q('y', ['true'], { true: 35, false: 2 })];
    const result = compareCheck(before, after);
    expect(result.questions.map((r) => [r.questionId, r.before.correct, r.after.correct])).toEqual([
      ['x', 10, 30],
      ['y', 30, 35],
    ]);
    expect(result.before).toEqual({ correct: 40, answered: 74, share: 40 / 74 });
    expect(result.after).toEqual({ correct: 65, answered: 74, share: 65 / 74 });
    expect(result.change).toBeCloseTo(25 / 74);
  });

  test('A question asked only before is listed but left out of the overall change', () => {
    const result = compareCheck(
      [q('x', ['a'], { a: 5, b: 5 }), q('y', ['a'], { a: 1, b: 9 })],
      [q('x', ['a'], { a: 8, b: 2 })],
    );
    expect(result.questions[1]?.after.share).toBeNull();
    expect(result.before).toEqual({ correct: 5, answered: 10, share: 0.5 });
    expect(result.change).toBeCloseTo(0.3);
  });

  test('No check at all gives no change, not a division by zero', () => {
    expect(compareCheck([], [])).toEqual({
      questions: [],
      before: { correct: 0, answered: 0, share: null },
      after: { correct: 0, answered: 0, share: null },
      change: null,
    });
  });

  test('Counts above the people present, or not whole numbers, are refused', () => {
    expect(checkTallies({ a: 20, b: 18 }, 37)).toBe('more-than-present');
    expect(checkTallies({ a: 20, b: 17 }, 37)).toBeNull();
    expect(checkTallies({ a: -1 }, 37)).toBe('not-a-count');
    expect(checkTallies({ a: 1.5 }, 37)).toBe('not-a-count');
    expect(checkTallies({ a: 500 }, undefined)).toBeNull();
  });
});
