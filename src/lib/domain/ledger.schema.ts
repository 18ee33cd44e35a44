/**
 * The participation ledger: one record for each thing that reached people: a facilitated
 * session today; school activities and campaign activities later. Every record has the
 * fields the coverage, action-month and statistics areas read: a stable id, its kind, the
 * unit, the date, the audience, the people reached, and created/updated times (a newer
 * `updatedAt` wins when files from several devices are merged).
 *
 * Counts are of people, never names: the paper attendance sheet stays on paper.
 */
import * as z from 'zod/mini';
import { audienceSchema, contentIdSchema } from '../content/ids';
import { campaignTemplates } from './campaign.schema';

/** The most people one record can count: more is a typing error, not a session. */
export const maxParticipants = 100_000;
export const sessionLimits = {
  place: 160,
  facilitator: 80,
  notes: 1000,
  durationMinutes: 600,
  leaflets: 1_000_000,
} as const;

const count = (max: number) => z.int().check(z.minimum(0), z.maximum(max));
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** How many people chose each option of a question (option id → count). */
export const talliesSchema = z.record(z.string(), count(maxParticipants));
export type Tallies = z.infer<typeof talliesSchema>;

export const questionTalliesSchema = z.strictObject({
  questionId: contentIdSchema,
  /** The correct option ids when it was asked, so results stay right if the bank changes. */
  correct: z.array(z.string()).check(z.minLength(1)),
  tallies: talliesSchema,
});
export type QuestionTallies = z.infer<typeof questionTalliesSchema>;

export const ageBands = ['under18', 'from18to30', 'from31to45', 'over45'] as const;
export type AgeBand = (typeof ageBands)[number];

export const sessionEntrySchema = z
  .strictObject({
    id: z.uuid(),
    kind: z.literal('session'),
    unitId: z.uuid(),
    /** The day it took place (YYYY-MM-DD, local) and, optionally, the start time (HH:MM). */
    date: z.iso.date(),
    startTime: z.optional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/))),
    audience: audienceSchema,
    participants: count(maxParticipants).check(z.minimum(1)),
    women: z.optional(count(maxParticipants)),
    ageBands: z.optional(z.partialRecord(z.enum(ageBands), count(maxParticipants))),
    durationMinutes: z.int().check(z.minimum(1), z.maximum(sessionLimits.durationMinutes)),
    place: z.optional(text(sessionLimits.place)),
    planId: z.optional(contentIdSchema),
    topics: z.array(contentIdSchema),
    materials: z.array(contentIdSchema),
    leaflets: z.optional(count(sessionLimits.leaflets)),
    facilitator: z.optional(text(sessionLimits.facilitator)),
    notes: z.optional(text(sessionLimits.notes)),
    /** The knowledge check: the same questions at the start and at the end. */
    check: z.optional(
      z.strictObject({ before: z.array(questionTalliesSchema), after: z.array(questionTalliesSchema) }),
    ),
    /** Room-quiz answers during the session. */
    roomQuiz: z.optional(z.array(questionTalliesSchema)),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .check(
    z.refine((entry) => (entry.women ?? 0) <= entry.participants, {
      message: 'women exceed participants',
      path: ['women'],
    }),
    z.refine(
      (entry) =>
        Object.values(entry.ageBands ?? {}).reduce((sum, n) => sum + (n ?? 0), 0) <= entry.participants,
      { message: 'age bands exceed participants', path: ['ageBands'] },
    ),
  );
export type SessionEntry = z.infer<typeof sessionEntrySchema>;

/** Kinds of school activity (sinh hoạt dưới cờ, ngoại khóa, tích hợp, câu lạc bộ, cuộc thi, tọa đàm…). */
export const schoolActivityKinds = [
  'flag-salute',
  'extracurricular',
  'integrated',
  'club',
  'contest',
  'talk',
  'other',
] as const;
export type SchoolActivityKind = (typeof schoolActivityKinds)[number];

export const schoolActivityLimits = { deliveredBy: 120, notes: 1000, classes: 300 } as const;

/**
 * An activity at a school (since version 4): the school is the unit, and the students it
 * reached are kept per class, split by enrollment when it was saved, so a later change of a
 * class's enrollment never rewrites what was reported. `participants` is their sum.
 */
export const schoolActivityEntrySchema = z
  .strictObject({
    id: z.uuid(),
    kind: z.literal('school-activity'),
    unitId: z.uuid(),
    date: z.iso.date(),
    activity: z.enum(schoolActivityKinds),
    /** THCS or THPT (and GDNN); none for a primary school, which no audience matches. */
    audience: z.optional(audienceSchema),
    classes: z
      .array(z.strictObject({ unitId: z.uuid(), students: count(maxParticipants) }))
      .check(z.minLength(1), z.maxLength(schoolActivityLimits.classes)),
    participants: count(maxParticipants),
    topics: z.array(contentIdSchema),
    materials: z.array(contentIdSchema),
    deliveredBy: z.optional(text(schoolActivityLimits.deliveredBy)),
    notes: z.optional(text(schoolActivityLimits.notes)),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .check(
    z.refine((entry) => entry.participants === entry.classes.reduce((sum, c) => sum + c.students, 0), {
      message: 'participants differ from the classes’ sum',
      path: ['participants'],
    }),
  );
export type SchoolActivityEntry = z.infer<typeof schoolActivityEntrySchema>;

export const campaignActivityLimits = { title: 160, notes: 1000, count: 1_000_000 } as const;

/**
 * An activity of the June action month as it happened (since version 5): its kind, the
 * campaign and the unit it belongs to, and what it counted (people reached, banners and
 * slogans put up, leaflets, articles or broadcasts, sessions held). Sessions and school
 * activities recorded elsewhere are not repeated here: the report adds them by date.
 */
export const campaignActivityEntrySchema = z.strictObject({
  id: z.uuid(),
  kind: z.literal('campaign-activity'),
  unitId: z.uuid(),
  campaignId: z.uuid(),
  /** The planned activity it carries out, if it came from the plan. */
  plannedId: z.optional(z.uuid()),
  date: z.iso.date(),
  activity: z.enum(campaignTemplates),
  title: text(campaignActivityLimits.title),
  audience: z.optional(audienceSchema),
  participants: count(maxParticipants),
  banners: z.optional(count(campaignActivityLimits.count)),
  leaflets: z.optional(count(campaignActivityLimits.count)),
  articles: z.optional(count(campaignActivityLimits.count)),
  sessions: z.optional(count(campaignActivityLimits.count)),
  notes: z.optional(text(campaignActivityLimits.notes)),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CampaignActivityEntry = z.infer<typeof campaignActivityEntrySchema>;

/** Every kind of ledger record; later areas add theirs to this union. */
export const ledgerEntrySchema = z.discriminatedUnion('kind', [
  sessionEntrySchema,
  schoolActivityEntrySchema,
  campaignActivityEntrySchema,
]);
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
