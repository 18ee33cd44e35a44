import { describe, expect, test } from 'vitest';
import {
  addAttempt,
  emptyProgress,
  progressFrom,
  summarizeQuizzes,
  topicMastery,
} from '../../../src/lib/domain/progress';
import { progressSchema } from '../../../src/lib/domain/progress.schema';
import { seededRandom, shuffled } from '../../../src/lib/domain/random';
import { makeAnswer, makeAttempt } from '../../builders';

const profileId = '00000000-0000-4000-8000-00000000aaaa';
const answers = (correct: number, total: number, topic = 'law') =>
  Array.from({ length: total }, (_, i) =>
    makeAnswer({ questionId: `${topic}-${i}`, topic, correct: i < correct }),
  );
const progress = (...attempts: ReturnType<typeof makeAttempt>[]) => progressFrom(profileId, attempts);
const summary = (p: ReturnType<typeof progress>, quizId = 'thcs') =>
  summarizeQuizzes(p).find((s) => s.quizId === quizId);

describe('best and last attempt of a quiz', () => {
  test('The best attempt has the highest score; a tie goes to the faster one', () => {
    const slow = makeAttempt({ answers: answers(8, 10), durationMs: 400_000 });
    const fast = makeAttempt({ answers: answers(8, 10), durationMs: 200_000 });
    const weak = makeAttempt({ answers: answers(5, 10), durationMs: 100_000 });
    expect(summary(progress(slow, weak, fast))?.best.practice?.id).toBe(fast.id);
  });

  test('Practice and contest bests are kept apart: a fast perfect practice run is not the contest’s best', () => {
    const practice = makeAttempt({ mode: 'practice', answers: answers(10, 10), durationMs: 5_000 });
    const contest = makeAttempt({ mode: 'contest', answers: answers(4, 10), durationMs: 600_000 });
    const laterContest = makeAttempt({ mode: 'contest', answers: answers(6, 10), durationMs: 700_000 });
    for (const order of [
      [practice, contest, laterContest],
      [laterContest, practice, contest],
    ]) {
      const best = summary(progress(...order))?.best;
      expect(best?.practice).toMatchObject({ id: practice.id, mode: 'practice', correct: 10 });
      expect(best?.contest).toMatchObject({ id: laterContest.id, mode: 'contest', correct: 6 });
    }
    expect(summary(progress(practice))?.best.contest).toBeNull();
  });

  test('A retry of mistakes counts as an attempt but never as the best or last score of the quiz', () => {
    const full = makeAttempt({ answers: answers(5, 10), finishedAt: '2026-10-01T09:00:00.000Z' });
    const retry = makeAttempt({
      scope: 'mistakes',
      answers: answers(5, 5),
      finishedAt: '2026-10-02T09:00:00.000Z',
    });
    const result = summary(progress(full, retry));
    expect(result).toMatchObject({
      attempts: 2,
      best: { practice: { id: full.id }, contest: null },
      last: { id: full.id },
    });
  });

  test('The last attempt is the most recently finished one, whatever order they come in', () => {
    const older = makeAttempt({ finishedAt: '2026-10-01T09:00:00.000Z' });
    const newer = makeAttempt({ finishedAt: '2026-10-03T09:00:00.000Z' });
    expect(summary(progress(newer, older))?.last?.id).toBe(newer.id);
  });

  test('Summaries come one per quiz, in the catalogue order', () => {
    const p = progress(
      makeAttempt({ quizId: 'workers' }),
      makeAttempt({ quizId: 'thcs' }),
      makeAttempt({ quizId: 'thcs' }),
    );
    expect(summarizeQuizzes(p, ['thcs', 'workers']).map((s) => [s.quizId, s.attempts])).toEqual([
      ['thcs', 2],
      ['workers', 1],
    ]);
  });
});

describe('topic mastery', () => {
  test('A topic with four of five latest answers right is mastered', () => {
    const [law] = topicMastery(progress(makeAttempt({ answers: answers(4, 5) })), ['law']);
    expect(law).toMatchObject({ seen: 5, correct: 4, status: 'mastered', toReview: ['law-4'] });
  });

  test('A topic with too few questions seen is to review, however well answered', () => {
    const [law] = topicMastery(progress(makeAttempt({ answers: answers(2, 2) })), ['law']);
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
    const [law] = topicMastery(progress(later, first), ['law']);
    expect(law).toMatchObject({ seen: 1, correct: 1, toReview: [] });
  });

  test('Topics never answered are listed as not started', () => {
    const mastery = topicMastery(progress(makeAttempt({ answers: answers(1, 1) })), ['law', 'help']);
    expect(mastery.find((m) => m.topic === 'help')).toMatchObject({ seen: 0, status: 'not-started' });
  });
});

describe('the progress summary', () => {
  test('Folding attempts one by one, in any order, gives the same summary as all at once', () => {
    const random = seededRandom(11);
    const attempts = Array.from({ length: 40 }, (_, i) =>
      makeAttempt({
        quizId: ['thcs', 'workers'][i % 2] as string,
        scope: i % 5 === 0 ? 'mistakes' : 'full',
        finishedAt: new Date(Date.UTC(2026, 9, 1, 0, i)).toISOString(),
        durationMs: 1000 * ((i * 37) % 50),
        answers: answers(i % 7, 6, ['law', 'help'][i % 2]),
      }),
    );
    const expected = progressFrom(profileId, attempts);
    const folded = shuffled(attempts, random).reduce(addAttempt, emptyProgress(profileId));
    expect(folded).toEqual(expected);
    expect(progressSchema.safeParse(folded).success).toBe(true);
  });
});
