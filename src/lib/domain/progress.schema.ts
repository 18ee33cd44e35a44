/**
 * A learner's progress summary: what the progress screen shows, kept up to date with each
 * finished attempt so the screen reads one small record however many attempts there are.
 * It is derived data: the attempts are the source of truth, and the summary is rebuilt
 * from them whenever it is missing or does not parse.
 */
import * as z from 'zod/mini';
import { contentIdSchema } from '../content/ids';

const count = z.int().check(z.minimum(0));

/** The figures of one attempt that rankings need. */
export const attemptHeadSchema = z.strictObject({
  id: z.uuid(),
  finishedAt: z.iso.datetime(),
  durationMs: count,
  correct: count,
  total: z.int().check(z.minimum(1)),
});
export type AttemptHead = z.infer<typeof attemptHeadSchema>;

export const quizProgressSchema = z.strictObject({
  /** Every attempt of the quiz, retries of mistakes included. */
  attempts: count,
  /** Best and latest full attempt (a retry of mistakes is not a score for the quiz). */
  best: z.nullable(attemptHeadSchema),
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
