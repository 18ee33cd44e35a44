import { describe, expect, test } from 'vitest';
import { bestAttempt, lastAttempt, summarizeQuizzes, topicMastery } from '../../../src/lib/domain/progress';
import { makeAnswer, makeAttempt } from '../../builders';

const answers = (correct: number, total: number, topic = 'law') =>
  Array.from({ length: total }, (_, i) =>
    makeAnswer({ questionId: `${topic}-${i}`, topic, correct: i < correct }),
  );

describe('best and last attempt', () => {
  test('The best attempt has the highest score; a tie goes to the faster one', () => {
    const slow = makeAttempt({ answers: answers(8, 10), durationMs: 400_000 });
    const fast = makeAttempt({ answers: answers(8, 10), durationMs: 200_000 });
    const weak = makeAttempt({ answers: answers(5, 10), durationMs: 100_000 });
    expect(bestAttempt([slow, weak, fast])?.id).toBe(fast.id);
  });

  test('A retry of mistakes never counts as the best or last attempt of a quiz', () => {
    const full = makeAttempt({ answers: answers(5, 10), finishedAt: '2026-10-01T09:00:00.000Z' });
    const retry = makeAttempt({
      scope: 'mistakes',
      answers: answers(5, 5),
      finishedAt: '2026-10-02T09:00:00.000Z',
    });
    expect(bestAttempt([full, retry])?.id).toBe(full.id);
    expect(lastAttempt([full, retry])?.id).toBe(full.id);
  });

  test('The last attempt is the most recently finished one', () => {
    const older = makeAttempt({ finishedAt: '2026-10-01T09:00:00.000Z' });
    const newer = makeAttempt({ finishedAt: '2026-10-03T09:00:00.000Z' });
    expect(lastAttempt([newer, older])?.id).toBe(newer.id);
  });

  test('Summaries come one per quiz, in the catalogue order', () => {
    const summaries = summarizeQuizzes(
      [makeAttempt({ quizId: 'workers' }), makeAttempt({ quizId: 'thcs' }), makeAttempt({ quizId: 'thcs' })],
      ['thcs', 'workers'],
    );
    expect(summaries.map((s) => [s.quizId, s.attempts])).toEqual([
      ['thcs', 2],
      ['workers', 1],
    ]);
  });
});

describe('topic mastery', () => {
  test('A topic with four of five latest answers right is mastered', () => {
    const [law] = topicMastery([makeAttempt({ answers: answers(4, 5) })], ['law']);
    expect(law).toMatchObject({ seen: 5, correct: 4, status: 'mastered', toReview: ['law-4'] });
  });

  test('A topic with too few questions seen is to review, however well answered', () => {
    const [law] = topicMastery([makeAttempt({ answers: answers(2, 2) })], ['law']);
    expect(law?.status).toBe('review');
  });

  test('A question answered wrongly and later rightly no longer needs review', () => {
    const first = makeAttempt({
      finishedAt: '2026-10-01T09:00:00.000Z',
      answers: [makeAnswer({ questionId: 'law-1', correct: false })],
    });
    const later = makeAttempt({
      finishedAt: '2026-10-02T09:00:00.000Z',
      answers: [makeAnswer({ questionId: 'law-1', correct: true })],
    });
    const [law] = topicMastery([later, first], ['law']);
    expect(law).toMatchObject({ seen: 1, correct: 1, toReview: [] });
  });

  test('Topics never answered are listed as not started', () => {
    const mastery = topicMastery([makeAttempt({ answers: answers(1, 1) })], ['law', 'help']);
    expect(mastery.find((m) => m.topic === 'help')).toMatchObject({ seen: 0, status: 'not-started' });
  });
});
