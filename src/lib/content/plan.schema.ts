/**
 * The shape of a session plan (`content/plans/<id>.yaml`): what a facilitator needs to run a
 * drug-prevention session for one audience: objectives, what to prepare, and a timed agenda
 * of short interactive activities, some linked to a material or to questions of the bank.
 * The build checks the references (`planFiles.ts`); imported packs will use the same schema.
 */
import * as z from 'zod/mini';
import { citationSchema, localizedTextSchema } from './content.schema.ts';
import { audienceSchema, contentIdSchema } from './ids.ts';

/**
 * What a segment of the agenda is. `check-before` and `check-after` ask the plan's `check`
 * questions at the start and at the end (the same ones) and measure the change; `quiz` is a
 * room quiz on the segment's own `questions`; `input` presents its `material`.
 */
export const segmentKinds = [
  'icebreaker',
  'check-before',
  'input',
  'scenario',
  'roleplay',
  'quiz',
  'help',
  'check-after',
  'closing',
] as const;
export const segmentKindSchema = z.enum(segmentKinds);
export type SegmentKind = z.infer<typeof segmentKindSchema>;

export const planSegmentSchema = z.strictObject({
  kind: segmentKindSchema,
  minutes: z.int().check(z.minimum(1), z.maximum(90)),
  title: localizedTextSchema,
  /** What the facilitator says and does; shown on the laptop only when asked for. */
  notes: localizedTextSchema,
  /** A material to present (`input`); optional for other kinds. */
  material: z.optional(contentIdSchema),
  /** The questions of a room quiz (`quiz` only). */
  questions: z.optional(z.array(contentIdSchema).check(z.minLength(1), z.maxLength(6))),
});
export type PlanSegment = z.infer<typeof planSegmentSchema>;

export const planSchema = z.strictObject({
  id: contentIdSchema,
  audience: audienceSchema,
  /** The planned length; the agenda's minutes add up to it. */
  minutes: z.int().check(z.minimum(5), z.maximum(180)),
  title: localizedTextSchema,
  summary: localizedTextSchema,
  objectives: z.array(localizedTextSchema).check(z.minLength(1)),
  /** What to prepare before the session (room, cards, printed handouts…). */
  prepare: z.array(localizedTextSchema).check(z.minLength(1)),
  /** The knowledge check asked at the start and again at the end (question ids, 2–5). */
  check: z.optional(z.array(contentIdSchema).check(z.minLength(2), z.maxLength(5))),
  agenda: z.array(planSegmentSchema).check(z.minLength(3)),
  sources: z.array(citationSchema).check(z.minLength(1)),
});
export type Plan = z.infer<typeof planSchema>;
