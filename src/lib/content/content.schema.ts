/**
 * The shapes of the bundled campaign content (`content/`) and of content packs.
 *
 * These zod schemas are the single definition of quiz content: the build validates every
 * file in `content/` against them (see `contentFiles.ts`), and imported packs will go
 * through the same schemas at run time. Types are inferred, never written twice.
 * All runtime schemas use `zod/mini`, which keeps the app's first download small.
 *
 * Text that learners see is a `LocalizedText`: Vietnamese is required (it is the source
 * language), other languages are optional here so that a unit can add a language by adding
 * fields; `tests/unit/content/bundledContent.test.ts` requires English for all we ship.
 */
import * as z from 'zod/mini';
import { audienceSchema, contentIdSchema } from './ids.ts';

export { audienceIds, audienceSchema, contentIdSchema, type Audience } from './ids.ts';

const languageCode = /^[a-z]{2,3}$/;

const nonBlank = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

export const localizedTextSchema = z.catchall(z.object({ vi: nonBlank }), nonBlank).check(
  z.superRefine((text, ctx) => {
    for (const key of Object.keys(text)) {
      if (!languageCode.test(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `"${key}" is not a language code`,
          input: text,
        });
      }
    }
  }),
);
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/**
 * A source content cites. Every source can be traced: who published it and when are required
 * (the build refuses a source without them), and its address where one exists (https only;
 * shown as a link on screen and as text on paper).
 */
export const sourceSchema = z.strictObject({
  id: contentIdSchema,
  title: localizedTextSchema,
  publisher: localizedTextSchema,
  /** Date of issue or publication: YYYY-MM-DD, or just YYYY when the day is not known. */
  date: z.union([z.iso.date(), z.string().check(z.regex(/^\d{4}$/, 'must be YYYY-MM-DD or YYYY'))]),
  url: z.optional(z.url({ protocol: /^https$/ })),
});
export type BundledSource = z.infer<typeof sourceSchema>;
/** A source as shown: a bundled one has its publisher and date; an own question's free-text source has neither. */
export type Source = Omit<BundledSource, 'publisher' | 'date'> &
  Partial<Pick<BundledSource, 'publisher' | 'date'>>;

export const topicSchema = z.strictObject({
  id: contentIdSchema,
  title: localizedTextSchema,
});
export type Topic = z.infer<typeof topicSchema>;

/** A citation of a source, with an optional place in it ("Điều 28"). */
export const citationSchema = z.strictObject({
  source: contentIdSchema,
  locator: z.optional(localizedTextSchema),
});
export type Citation = z.infer<typeof citationSchema>;

export const optionSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-f]$/, 'must be one of the letters a–f')),
  text: localizedTextSchema,
  correct: z._default(z.boolean(), false),
});
export type Option = z.infer<typeof optionSchema>;

const questionBase = {
  id: contentIdSchema,
  topic: contentIdSchema,
  audiences: z.array(audienceSchema).check(z.minLength(1, 'name at least one audience')),
  prompt: localizedTextSchema,
  explanation: localizedTextSchema,
  sources: z.array(citationSchema).check(z.minLength(1, 'every question needs a source')),
};

/** Option ids are unique and the number of correct options is in range. */
function optionsCheck(correct: (options: Option[]) => { min: number; max: number }) {
  return z.superRefine<{ options: Option[] }>((question, ctx) => {
    const ids = question.options.map((option) => option.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) {
        ctx.addIssue({
          code: 'custom',
          path: ['options', index, 'id'],
          message: `duplicate option id "${id}"`,
          input: id,
        });
      }
    });
    const { min, max } = correct(question.options);
    const count = question.options.filter((option) => option.correct).length;
    if (count < min || count > max) {
      const wanted = min === max ? `exactly ${min}` : `${min} to ${max}`;
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `must have ${wanted} correct option(s), found ${count}`,
        input: question.options,
      });
    }
  });
}

const options = (min: number) => z.array(optionSchema).check(z.minLength(min), z.maxLength(6));

const singleChoiceSchema = z
  .strictObject({ ...questionBase, type: z.literal('single'), options: options(2) })
  .check(optionsCheck(() => ({ min: 1, max: 1 })));

/** At least two correct options and at least one wrong one: otherwise it is not a real choice. */
const multipleChoiceSchema = z
  .strictObject({ ...questionBase, type: z.literal('multiple'), options: options(3) })
  .check(optionsCheck((all) => ({ min: 2, max: all.length - 1 })));

const trueFalseSchema = z.strictObject({
  ...questionBase,
  type: z.literal('true-false'),
  /** Whether the statement in `prompt` is true. */
  answer: z.boolean(),
});

const scenarioSchema = z
  .strictObject({
    ...questionBase,
    type: z.literal('scenario'),
    /** The short situation shown above the prompt. */
    scenario: localizedTextSchema,
    options: options(2),
  })
  .check(optionsCheck(() => ({ min: 1, max: 1 })));

export const questionSchema = z.discriminatedUnion('type', [
  singleChoiceSchema,
  multipleChoiceSchema,
  trueFalseSchema,
  scenarioSchema,
]);
export type Question = z.infer<typeof questionSchema>;
export const questionTypes = [
  'single',
  'multiple',
  'true-false',
  'scenario',
] as const satisfies readonly Question['type'][];
export type QuestionType = (typeof questionTypes)[number];
export type ChoiceQuestion = Extract<Question, { options: Option[] }>;

const count = z.int().check(z.minimum(1), z.maximum(100));

export const quizSchema = z.strictObject({
  id: contentIdSchema,
  audience: audienceSchema,
  title: localizedTextSchema,
  description: localizedTextSchema,
  /** Topics the quiz draws from; its pool is every question of these topics meant for its audience. */
  topics: z.array(contentIdSchema).check(z.minLength(1)),
  practice: z.strictObject({ questionCount: count }),
  contest: z.strictObject({
    questionCount: count,
    timeLimitSeconds: z.int().check(z.minimum(30), z.maximum(3 * 60 * 60)),
  }),
});
export type Quiz = z.infer<typeof quizSchema>;

/** One file of `content/` per kind; each is an object with one list, so files can grow other keys later. */
const listOf = <S extends z.ZodMiniType>(schema: S) => z.array(schema).check(z.minLength(1));
export const sourcesFileSchema = z.strictObject({ sources: listOf(sourceSchema) });
export const topicsFileSchema = z.strictObject({ topics: listOf(topicSchema) });
export const questionsFileSchema = z.strictObject({ questions: listOf(questionSchema) });
export const quizzesFileSchema = z.strictObject({ quizzes: listOf(quizSchema) });

/** Everything the quiz area needs, after validation and cross-reference checks. */
export const quizContentSchema = z.strictObject({
  sources: z.array(sourceSchema),
  topics: z.array(topicSchema),
  questions: z.array(questionSchema),
  quizzes: z.array(quizSchema),
});
export type QuizContent = z.infer<typeof quizContentSchema>;
