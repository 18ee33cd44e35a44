/**
 * A unit's own quiz content: question banks it wrote or imported, the quizzes it built from
 * them, and the pack file that carries both to another device. Stored on the device (stores
 * `banks` and `ownQuizzes`, since storage version 8), backed up, and shared as
 * `chung-tay/pack` files.
 *
 * Own text is plain text in one language (the bank's author writes in Vietnamese or English),
 * never HTML or Markdown: it reaches the screen, the print view and exports as text only.
 * Bundled content (`lib/content/content.schema.ts`) stays the model: the same four question
 * types with the same rules on options, so the player and the scoring treat both alike
 * (`lib/domain/ownContent.ts`: `toPlayable`).
 */
import * as z from 'zod/mini';
import { audienceSchema, contentIdSchema } from '../content/ids';

/** Text a person typed or a file held: trimmed, never blank, bounded. */
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
/** Optional text: may be empty. */
const optionalText = (max: number) => z.string().check(z.trim(), z.maxLength(max));

export const ownLanguages = ['vi', 'en'] as const;
export const ownLanguageSchema = z.enum(ownLanguages);
export type OwnLanguage = z.infer<typeof ownLanguageSchema>;

export const ownLimits = {
  prompt: 2000,
  option: 500,
  explanation: 4000,
  source: 500,
  title: 200,
  description: 1000,
  /** Questions in one bank: a province's whole contest bank fits; a 2,000-question bank is benchmarked. */
  questions: 5000,
  options: 6,
} as const;

/** Own question ids: `q-` and a UUID, a content id so attempts and progress store them as they do bundled ones. */
export const ownQuestionIdSchema = contentIdSchema.check(z.regex(/^q-[0-9a-f-]{36}$/));
/** Own quiz ids: `own-` and a UUID, likewise. */
export const ownQuizIdSchema = contentIdSchema.check(z.regex(/^own-[0-9a-f-]{36}$/));

export const newQuestionId = (): string => `q-${crypto.randomUUID()}`;
export const newOwnQuizId = (): string => `own-${crypto.randomUUID()}`;

/** Where a question's facts come from: one of the kit's bundled sources, or what the author wrote. */
export const ownSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('bundled'), id: contentIdSchema }),
  z.strictObject({ kind: z.literal('text'), text: text(ownLimits.source) }),
]);
export type OwnSource = z.infer<typeof ownSourceSchema>;

export const ownOptionSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-f]$/)),
  text: text(ownLimits.option),
  correct: z.boolean(),
});
export type OwnOption = z.infer<typeof ownOptionSchema>;

/** What a question is, before it has a place in a bank: what an editor or an import makes. */
const draftBase = {
  prompt: text(ownLimits.prompt),
  /** Shown after the answer in practice and in the review; may be empty (an import may have none). */
  explanation: optionalText(ownLimits.explanation),
};

/** Option ids unique and in order a, b, c…; the number of correct options in range. */
function optionsRule(range: (options: OwnOption[]) => { min: number; max: number }) {
  return z.superRefine<{ options: OwnOption[] }>((question, ctx) => {
    const ids = question.options.map((option) => option.id);
    if (ids.some((id, i) => id !== 'abcdef'[i]))
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'option ids must be a, b, c… in order',
        input: ids,
      });
    const { min, max } = range(question.options);
    const count = question.options.filter((option) => option.correct).length;
    if (count < min || count > max)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `must have ${min === max ? `exactly ${min}` : `${min} to ${max}`} correct option(s), found ${count}`,
        input: question.options,
      });
  });
}
const options = (min: number) =>
  z.array(ownOptionSchema).check(z.minLength(min), z.maxLength(ownLimits.options));

const singleDraft = z
  .strictObject({ ...draftBase, type: z.literal('single'), options: options(2) })
  .check(optionsRule(() => ({ min: 1, max: 1 })));
/** Scored all-or-nothing, as the app scores: at least two right options and at least one wrong. */
const multipleDraft = z
  .strictObject({ ...draftBase, type: z.literal('multiple'), options: options(3) })
  .check(optionsRule((all) => ({ min: 2, max: all.length - 1 })));
const trueFalseDraft = z.strictObject({ ...draftBase, type: z.literal('true-false'), answer: z.boolean() });
const scenarioDraft = z
  .strictObject({
    ...draftBase,
    type: z.literal('scenario'),
    scenario: text(ownLimits.prompt),
    options: options(2),
  })
  .check(optionsRule(() => ({ min: 1, max: 1 })));

export const questionDraftSchema = z.discriminatedUnion('type', [
  singleDraft,
  multipleDraft,
  trueFalseDraft,
  scenarioDraft,
]);
export type QuestionDraft = z.infer<typeof questionDraftSchema>;
export type ChoiceDraft = Extract<QuestionDraft, { options: OwnOption[] }>;

/** What a bank adds to each draft: identity, what it is about and for whom, its language and source. */
const placed = {
  id: ownQuestionIdSchema,
  topic: contentIdSchema,
  audiences: z.array(audienceSchema).check(z.minLength(1), z.maxLength(4)),
  language: ownLanguageSchema,
  source: z.optional(ownSourceSchema),
};
export const ownQuestionSchema = z.discriminatedUnion('type', [
  z.extend(singleDraft, placed),
  z.extend(multipleDraft, placed),
  z.extend(trueFalseDraft, placed),
  z.extend(scenarioDraft, placed),
]);
export type OwnQuestion = z.infer<typeof ownQuestionSchema>;

/** Where a bank or a quiz came from when it arrived in a pack: the unit that made it and when. */
export const packOriginSchema = z.strictObject({
  unitName: text(ownLimits.title),
  exportedAt: z.iso.datetime(),
  importedAt: z.iso.datetime(),
});
export type PackOrigin = z.infer<typeof packOriginSchema>;

export const bankSchema = z.strictObject({
  id: z.uuid(),
  title: text(ownLimits.title),
  description: optionalText(ownLimits.description),
  questions: z.array(ownQuestionSchema).check(z.maxLength(ownLimits.questions)),
  origin: z.optional(packOriginSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Bank = z.infer<typeof bankSchema>;

const questionCount = z.int().check(z.minimum(1), z.maximum(200));

export const ownQuizSchema = z.strictObject({
  id: ownQuizIdSchema,
  title: text(ownLimits.title),
  description: optionalText(ownLimits.description),
  audience: audienceSchema,
  /** The banks the quiz draws from. */
  bankIds: z.array(z.uuid()).check(z.minLength(1)),
  /** A fixed list of the banks' questions; absent: every question of the banks. */
  questionIds: z.optional(z.array(ownQuestionIdSchema).check(z.minLength(1))),
  practice: z.strictObject({ questionCount }),
  contest: z.strictObject({
    questionCount,
    timeLimitSeconds: z.int().check(z.minimum(30), z.maximum(3 * 60 * 60)),
  }),
  origin: z.optional(packOriginSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type OwnQuiz = z.infer<typeof ownQuizSchema>;
