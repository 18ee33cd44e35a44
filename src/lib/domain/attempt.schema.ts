/**
 * The shape of a finished quiz attempt: what is stored on the device, backed up and,
 * later, exported. An attempt keeps each question's topic so progress can be computed
 * even after a question leaves the bank.
 */
import * as z from 'zod/mini';
import { contentIdSchema } from '../content/ids';

export const quizModes = ['practice', 'contest'] as const;
export const quizModeSchema = z.enum(quizModes);
export type QuizMode = z.infer<typeof quizModeSchema>;

/** `full`: a quiz as drawn from its pool; `mistakes`: a retry of one attempt's wrong answers. */
export const attemptScopeSchema = z.enum(['full', 'mistakes']);
export type AttemptScope = z.infer<typeof attemptScopeSchema>;

export const attemptAnswerSchema = z.strictObject({
  questionId: contentIdSchema,
  topic: contentIdSchema,
  /** Chosen option ids; `['true']`/`['false']` for true/false; empty when unanswered. */
  chosen: z.array(z.string()),
  correct: z.boolean(),
});
export type AttemptAnswer = z.infer<typeof attemptAnswerSchema>;

export const attemptSchema = z.strictObject({
  id: z.uuid(),
  profileId: z.uuid(),
  quizId: contentIdSchema,
  mode: quizModeSchema,
  scope: attemptScopeSchema,
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  /** Time spent answering; time with the tab closed does not count. */
  durationMs: z.int().check(z.minimum(0)),
  /** The contest clock ran out before the learner submitted. */
  timedOut: z.boolean(),
  answers: z.array(attemptAnswerSchema).check(z.minLength(1)),
});
export type Attempt = z.infer<typeof attemptSchema>;

export function attemptScore(attempt: Pick<Attempt, 'answers'>): { correct: number; total: number } {
  return { correct: attempt.answers.filter((a) => a.correct).length, total: attempt.answers.length };
}
