/**
 * A facilitated session on its way to the ledger: the plan being run (current segment,
 * time per segment, the room's tallies) and then the record form as typed. Saved at every
 * change, so a closed tab or a crash loses nothing: reopening offers to continue it.
 * One draft per device; editing a stored session goes through a draft too (`editingId`).
 */
import * as z from 'zod/mini';
import { audienceSchema, contentIdSchema } from '../content/ids';
import { ageBands, questionTalliesSchema } from './ledger.schema';
import { unitKindSchema } from './unit.schema';

const typed = z.string().check(z.maxLength(2000));

/** `SessionInput` (sessionRecord.ts) as stored: text as typed, checked only when saved. */
export const sessionInputSchema = z.strictObject({
  date: typed,
  startTime: typed,
  unitName: typed,
  unitKind: unitKindSchema,
  parentName: typed,
  place: typed,
  audience: z.union([audienceSchema, z.literal('')]),
  participants: typed,
  women: typed,
  ageBands: z.record(z.enum(ageBands), typed),
  durationMinutes: typed,
  planId: typed,
  topics: z.array(contentIdSchema),
  materials: z.array(contentIdSchema),
  leaflets: typed,
  facilitator: typed,
  notes: typed,
});

export const sessionDraftKey = 'session';

export const sessionDraftSchema = z.strictObject({
  key: z.literal(sessionDraftKey),
  /** `run`: stepping through a plan; `record`: filling in the record. */
  stage: z.enum(['run', 'record']),
  planId: z.optional(contentIdSchema),
  /** Set when the draft edits a stored session. */
  editingId: z.optional(z.uuid()),
  startedAt: z.iso.datetime(),
  /** People in the room, as the facilitator counted them. */
  present: z.optional(z.int().check(z.minimum(0))),
  segment: z.int().check(z.minimum(0)),
  /** Time spent on each segment so far, in ms. */
  segmentMs: z.array(z.int().check(z.minimum(0))),
  /** When the current segment's timer was started; absent while paused. */
  runningSince: z.optional(z.iso.datetime()),
  check: z.strictObject({ before: z.array(questionTalliesSchema), after: z.array(questionTalliesSchema) }),
  roomQuiz: z.array(questionTalliesSchema),
  /** Questions whose answer has been shown to the room ("before:id", "after:id", "quiz:id"). */
  revealed: z.array(z.string()),
  /**
   * The answers read from cards, per question (keyed as `revealed` is): card number → option
   * id. Their counts are in the question's tallies already; these say which part came from
   * cards, so a card read again moves its count. Never leaves the draft: the record keeps counts.
   */
  cards: z.optional(
    z.record(
      z.string().check(z.maxLength(200)),
      z.record(z.string().check(z.regex(/^[1-9][0-9]?$/)), z.string().check(z.maxLength(100))),
    ),
  ),
  /**
   * The group a run was started for (a series' next session from the series page): the
   * record form opens with its unit filled in.
   */
  group: z.optional(z.strictObject({ unitName: typed, unitKind: unitKindSchema, parentName: typed })),
  form: z.optional(sessionInputSchema),
  updatedAt: z.iso.datetime(),
});
export type SessionDraft = z.infer<typeof sessionDraftSchema>;
