/**
 * A learner's progress summary: what the progress screen shows, kept up to date with each
 * finished attempt so the screen reads one small record however many attempts there are.
 * It is derived data: the attempts are the source of truth, and the summary is rebuilt
 * from them whenever it is missing or does not parse.
 */
import * as z from 'zod/mini';
import { contentIdSchema } from '../content/ids';
import { quizModeSchema } from './attempt.schema';

const count = z.int().check(z.minimum(0));

/** The figures of one attempt that rankings need. */
export const attemptHeadSchema = z.strictObject({
  id: z.uuid(),
  mode: quizModeSchema,
  finishedAt: z.iso.datetime(),
  durationMs: count,
  correct: count,
  total: z.int().check(z.minimum(1)),
});
export type AttemptHead = z.infer<typeof attemptHeadSchema>;

export const quizProgressSchema = z.strictObject({
  /** Every attempt of the quiz, retries of mistakes included. */
  attempts: count,
  /**
   * Best full attempt in each mode, kept apart: a practice run (no clock, feedback after each
   * answer) is not a contest result (since storage version 7). A retry of mistakes is not a
   * score for the quiz.
   */
  best: z.strictObject({
    practice: z.nullable(attemptHeadSchema),
    contest: z.nullable(attemptHeadSchema),
  }),
  /** The latest full attempt, whatever its mode (the head says which). */
  last: z.nullable(attemptHeadSchema),
});
export type QuizProgress = z.infer<typeof quizProgressSchema>;

/** The latest answer to one question. */
export const latestAnswerSchema = z.strictObject({
  topic: contentIdSchema,
  correct: z.boolean(),
  at: z.iso.datetime(),
});

export const progressSchema = z.strictObject({
  profileId: z.uuid(),
  attemptCount: count,
  quizzes: z.record(contentIdSchema, quizProgressSchema),
  questions: z.record(contentIdSchema, latestAnswerSchema),
});
export type Progress = z.infer<typeof progressSchema>;
