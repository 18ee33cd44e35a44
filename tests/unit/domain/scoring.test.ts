import { describe, expect, test } from 'vitest';
import { correctChoice, isCorrect } from '../../../src/lib/domain/scoring';
import { makeQuestion } from '../../builders';

describe('isCorrect', () => {
  test('When a single-choice answer is the correct option, it is right', () => {
    const q = makeQuestion({ type: 'single' });
    expect(isCorrect(q, ['a'])).toBe(true);
    expect(isCorrect(q, ['b'])).toBe(false);
  });

  test('When a multiple-choice answer misses one correct option, it scores nothing', () => {
    const q = makeQuestion({ type: 'multiple' });
    expect(isCorrect(q, ['a'])).toBe(false);
  });

  test('When a multiple-choice answer adds a wrong option to all correct ones, it scores nothing', () => {
    const q = makeQuestion({ type: 'multiple' });
    expect(isCorrect(q, ['a', 'b', 'c'])).toBe(false);
  });

  test('When a multiple-choice answer has exactly the correct options in any order, it is right', () => {
    const q = makeQuestion({ type: 'multiple' });
    expect(isCorrect(q, ['c', 'a'])).toBe(true);
  });

  test('When a true/false answer matches the statement, it is right', () => {
    expect(isCorrect(makeQuestion({ type: 'true-false', answer: false }), ['false'])).toBe(true);
    expect(isCorrect(makeQuestion({ type: 'true-false', answer: false }), ['true'])).toBe(false);
  });

  test('When nothing is chosen, the answer is wrong', () => {
    expect(isCorrect(makeQuestion({ type: 'scenario' }), [])).toBe(false);
  });

  test('The correct choice of a scenario is its one correct option', () => {
    expect(correctChoice(makeQuestion({ type: 'scenario' }))).toEqual(['b']);
  });
});
