/**
 * The shape of a quiz in progress. It is saved after every answer and when the tab is
 * hidden, so closing the tab and coming back resumes at the same question with the same
 * answers and the same time left.
 */
import * as z from 'zod/mini';
import { contentIdSchema } from '../content/ids';
import { attemptScopeSchema, quizModeSchema } from './attempt.schema';

export const quizSessionSchema = z
  .strictObject({
    profileId: z.uuid(),
    quizId: contentIdSchema,
    mode: quizModeSchema,
    scope: attemptScopeSchema,
    questionIds: z.array(contentIdSchema).check(z.minLength(1)),
    /** Chosen option ids per question id (see `Choice`). */
    answers: z.record(z.string(), z.array(z.string())),
    /** Practice: questions whose answer was checked and whose feedback was shown (locked). */
    revealed: z.array(contentIdSchema),
    currentIndex: z.int().check(z.minimum(0)),
    /** Time spent answering before the current stretch of activity. */
    elapsedMs: z.int().check(z.minimum(0)),
    /** Contest countdown; null when untimed. */
    timeLimitMs: z.nullable(z.int().check(z.minimum(1))),
    startedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .check(
    z.refine((s) => s.currentIndex < s.questionIds.length, {
      path: ['currentIndex'],
      message: 'points past the last question',
    }),
  );
export type QuizSession = z.infer<typeof quizSessionSchema>;
