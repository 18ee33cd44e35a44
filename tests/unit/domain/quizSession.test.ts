import { describe, expect, test } from 'vitest';
import { quizSessionSchema } from '../../../src/lib/domain/quizSession.schema';
import {
  addElapsed,
  chooseAnswer,
  finishSession,
  goToQuestion,
  mistakesOf,
  revealAnswer,
  startSession,
  timeLeftMs,
  unansweredCount,
} from '../../../src/lib/domain/quizSession';
import { seededRandom } from '../../../src/lib/domain/random';
import { makeQuestion, makeSession } from '../../builders';

const quiz = {
  id: 'thcs',
  practice: { questionCount: 3 },
  contest: { questionCount: 4, timeLimitSeconds: 120 },
};
const pool = Array.from({ length: 10 }, (_, i) =>
  makeQuestion({ id: `law-${i}`, topic: i < 5 ? 'law' : 'help' }),
);
const bank = new Map(pool.map((q) => [q.id, q]));
const now = new Date('2026-10-01T08:00:00.000Z');
const start = (mode: 'practice' | 'contest', questionIds?: string[]) =>
  startSession({
    profileId: '00000000-0000-4000-8000-00000000aaaa',
    quiz,
    pool,
    mode,
    random: seededRandom(5),
    now,
    ...(questionIds ? { questionIds } : {}),
  });

describe('starting a quiz', () => {
  test('Practice draws the practice number of questions and has no clock', () => {
    const session = start('practice');
    expect(session.questionIds).toHaveLength(3);
    expect(session.timeLimitMs).toBeNull();
    expect(quizSessionSchema.safeParse(session).success).toBe(true);
  });

  test('A contest draws the contest number of distinct questions with its time limit', () => {
    const session = start('contest');
    expect(new Set(session.questionIds).size).toBe(4);
    expect(session.timeLimitMs).toBe(120_000);
  });

  test('A retry of mistakes asks exactly those questions, untimed, even from a contest', () => {
    const session = start('contest', ['law-3', 'law-1']);
    expect(session.questionIds).toEqual(['law-3', 'law-1']);
    expect(session.scope).toBe('mistakes');
    expect(session.timeLimitMs).toBeNull();
  });
});

describe('answering', () => {
  test('In practice, a checked answer is locked and cannot be changed', () => {
    let session = makeSession();
    session = chooseAnswer(session, ['b']);
    session = revealAnswer(session);
    session = chooseAnswer(session, ['a']);
    expect(session.answers['law-01']).toEqual(['b']);
    expect(session.revealed).toEqual(['law-01']);
  });

  test('An answer cannot be checked before something is chosen', () => {
    expect(revealAnswer(makeSession()).revealed).toEqual([]);
  });

  test('In a contest, answers are never revealed before the end and can be changed', () => {
    let session = makeSession({ mode: 'contest', timeLimitMs: 60_000 });
    session = chooseAnswer(session, ['b']);
    session = revealAnswer(session);
    session = chooseAnswer(session, ['c']);
    expect(session.revealed).toEqual([]);
    expect(session.answers['law-01']).toEqual(['c']);
  });

  test('Moving between questions stays within the quiz', () => {
    const session = makeSession();
    expect(goToQuestion(session, 5).currentIndex).toBe(1);
    expect(goToQuestion(session, -2).currentIndex).toBe(0);
  });

  test('Unanswered questions are counted', () => {
    expect(unansweredCount(chooseAnswer(makeSession(), ['a']))).toBe(1);
  });
});

describe('the contest clock', () => {
  test('Time left is the limit minus the time spent, and never below zero', () => {
    let session = makeSession({ mode: 'contest', timeLimitMs: 60_000 });
    session = addElapsed(session, 45_000, now);
    expect(timeLeftMs(session)).toBe(15_000);
    expect(timeLeftMs(addElapsed(session, 30_000, now))).toBe(0);
  });

  test('An untimed quiz has no time left to show', () => {
    expect(timeLeftMs(makeSession())).toBeNull();
  });
});

describe('finishing', () => {
  test('The attempt scores each question, counts unanswered ones as wrong and lists the mistakes', () => {
    let session = start('contest');
    const [first, second] = session.questionIds as [string, string];
    session = chooseAnswer(session, ['a']);
    session = goToQuestion(session, 1);
    session = chooseAnswer(session, ['b']);
    session = addElapsed(session, 50_000, now);
    const attempt = finishSession(session, bank, { id: crypto.randomUUID(), now, timedOut: false });
    expect(attempt.answers.map((a) => a.correct)).toEqual([true, false, false, false]);
    expect(attempt.answers[0]?.questionId).toBe(first);
    expect(mistakesOf(attempt)[0]).toBe(second);
    expect(attempt.durationMs).toBe(50_000);
  });

  test('A timed-out contest records the limit as its duration, not the overrun', () => {
    let session = start('contest');
    session = addElapsed(session, 125_000, now);
    const attempt = finishSession(session, bank, { id: crypto.randomUUID(), now, timedOut: true });
    expect(attempt.timedOut).toBe(true);
    expect(attempt.durationMs).toBe(120_000);
  });

  test('A question that left the bank during the quiz is dropped, not scored as wrong', () => {
    const session = makeSession({ questionIds: ['law-1', 'gone-1'], answers: { 'law-1': ['a'] } });
    const attempt = finishSession(session, bank, { id: crypto.randomUUID(), now, timedOut: false });
    expect(attempt.answers.map((a) => a.questionId)).toEqual(['law-1']);
  });
});
