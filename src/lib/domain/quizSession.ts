/**
 * The rules of taking a quiz, as pure functions over a `QuizSession` value: starting one,
 * answering, checking an answer in practice, moving between questions, the contest clock,
 * and turning a session into a finished `Attempt`. The UI keeps the value in a rune class
 * and saves it; nothing here knows about storage, time sources or the screen.
 */
import type { Question, Quiz } from '../content/content.schema';
import type { Attempt, AttemptScope, QuizMode } from './attempt.schema';
import type { QuizSession } from './quizSession.schema';
import { draw, type Random } from './random';
import { isCorrect, type Choice } from './scoring';

export interface StartOptions {
  profileId: string;
  quiz: Pick<Quiz, 'id' | 'practice' | 'contest'>;
  /** The questions the quiz may draw from (`quizPool`). */
  pool: readonly Question[];
  mode: QuizMode;
  random: Random;
  now: Date;
  /** Ask exactly these questions, in this order (a retry of mistakes), instead of drawing. */
  questionIds?: readonly string[];
}

export function startSession(options: StartOptions): QuizSession {
  const { quiz, pool, mode, random, now } = options;
  const scope: AttemptScope = options.questionIds ? 'mistakes' : 'full';
  const count = mode === 'contest' ? quiz.contest.questionCount : quiz.practice.questionCount;
  const questionIds = options.questionIds
    ? [...options.questionIds]
    : draw(pool, count, random).map((q) => q.id);
  if (questionIds.length === 0) throw new Error(`Quiz "${quiz.id}" has no questions to ask`);
  return {
    profileId: options.profileId,
    quizId: quiz.id,
    mode,
    scope,
    questionIds,
    answers: {},
    revealed: [],
    currentIndex: 0,
    elapsedMs: 0,
    // A retry of mistakes is practice: untimed, feedback after each answer.
    timeLimitMs: mode === 'contest' && scope === 'full' ? quiz.contest.timeLimitSeconds * 1000 : null,
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

export function currentQuestionId(session: QuizSession): string {
  return session.questionIds[session.currentIndex] as string;
}

export function choiceFor(session: QuizSession, questionId: string): Choice {
  return session.answers[questionId] ?? [];
}

export function isRevealed(session: QuizSession, questionId: string): boolean {
  return session.revealed.includes(questionId);
}

/** Records the learner's choice for the current question; a checked practice answer is locked. */
export function chooseAnswer(session: QuizSession, choice: Choice): QuizSession {
  const id = currentQuestionId(session);
  if (isRevealed(session, id)) return session;
  return { ...session, answers: { ...session.answers, [id]: [...choice] } };
}

/** Practice: checks the current answer, which shows its feedback and locks it. Needs an answer. */
export function revealAnswer(session: QuizSession): QuizSession {
  const id = currentQuestionId(session);
  if (session.mode !== 'practice' || isRevealed(session, id) || choiceFor(session, id).length === 0) {
    return session;
  }
  return { ...session, revealed: [...session.revealed, id] };
}

export function goToQuestion(session: QuizSession, index: number): QuizSession {
  const clamped = Math.min(Math.max(0, Math.trunc(index)), session.questionIds.length - 1);
  return clamped === session.currentIndex ? session : { ...session, currentIndex: clamped };
}

export function unansweredCount(session: QuizSession): number {
  return session.questionIds.filter((id) => choiceFor(session, id).length === 0).length;
}

/** Adds time spent since the last save; call before saving so the stored clock is current. */
export function addElapsed(session: QuizSession, ms: number, now: Date): QuizSession {
  return {
    ...session,
    elapsedMs: session.elapsedMs + Math.max(0, Math.round(ms)),
    updatedAt: now.toISOString(),
  };
}

/** Contest time left in ms (never negative), or null when untimed. */
export function timeLeftMs(session: QuizSession, elapsedMs = session.elapsedMs): number | null {
  return session.timeLimitMs === null ? null : Math.max(0, session.timeLimitMs - elapsedMs);
}

export interface FinishOptions {
  id: string;
  now: Date;
  /** True when the contest clock ran out rather than the learner submitting. */
  timedOut: boolean;
}

/**
 * The finished attempt. Unanswered questions count as wrong. A question that has left the
 * bank since the session started is dropped rather than scored against the learner.
 */
export function finishSession(
  session: QuizSession,
  questions: ReadonlyMap<string, Question>,
  options: FinishOptions,
): Attempt {
  const answers = session.questionIds.flatMap((questionId) => {
    const question = questions.get(questionId);
    if (!question) return [];
    const chosen = [...choiceFor(session, questionId)];
    return [{ questionId, topic: question.topic, chosen, correct: isCorrect(question, chosen) }];
  });
  if (answers.length === 0) throw new Error('None of the session’s questions is in the bank any more');
  const durationMs =
    session.timeLimitMs === null ? session.elapsedMs : Math.min(session.elapsedMs, session.timeLimitMs);
  return {
    id: options.id,
    profileId: session.profileId,
    quizId: session.quizId,
    mode: session.mode,
    scope: session.scope,
    startedAt: session.startedAt,
    finishedAt: options.now.toISOString(),
    durationMs,
    timedOut: options.timedOut,
    answers,
  };
}

/** Question ids answered wrongly (or not at all) in an attempt, in the order asked. */
export function mistakesOf(attempt: Pick<Attempt, 'answers'>): string[] {
  return attempt.answers.filter((a) => !a.correct).map((a) => a.questionId);
}
