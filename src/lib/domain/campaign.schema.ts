/**
 * The June action month (Tháng hành động phòng, chống ma túy, 1–30/6) of one year, as a unit
 * runs it: who issues the plan, the theme the user typed or chose, the dates, 26/6, the
 * report's deadline and recipient, the planned activities and the report's narrative parts.
 * What actually happened lives in the participation ledger (`campaign-activity` records, and
 * the sessions and school activities dated inside the campaign).
 */
import * as z from 'zod/mini';

/** The kinds of awareness activity a plan starts from. */
export const campaignTemplates = [
  'launch',
  'banners',
  'worker-sessions',
  'school-activities',
  'quiz-contest',
  'arts-sports',
  'media',
  'home-visits',
  'other',
] as const;
export type CampaignTemplate = (typeof campaignTemplates)[number];

export const plannedStatuses = ['planned', 'done', 'cancelled'] as const;
export type PlannedStatus = (typeof plannedStatuses)[number];

export const campaignLimits = {
  theme: 300,
  title: 160,
  owner: 120,
  target: 160,
  documentNumber: 40,
  place: 80,
  recipient: 300,
  narrative: 5000,
  planned: 200,
} as const;

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const plannedActivitySchema = z.strictObject({
  id: z.uuid(),
  template: z.enum(campaignTemplates),
  title: text(campaignLimits.title),
  date: z.iso.date(),
  owner: z.optional(text(campaignLimits.owner)),
  target: z.optional(text(campaignLimits.target)),
  status: z.enum(plannedStatuses),
});
export type PlannedActivity = z.infer<typeof plannedActivitySchema>;

export const campaignSchema = z
  .strictObject({
    id: z.uuid(),
    year: z.int().check(z.minimum(2000), z.maximum(2100)),
    /** The issuing unit (a commune, a school, a union…). */
    unitId: z.uuid(),
    documentNumber: z.optional(text(campaignLimits.documentNumber)),
    /** The place name of the document's date line ("Việt Yên, ngày … tháng … năm …"). */
    place: z.optional(text(campaignLimits.place)),
    theme: text(campaignLimits.theme),
    start: z.iso.date(),
    end: z.iso.date(),
    /** Ngày Quốc tế và Ngày toàn dân phòng, chống ma túy. */
    day: z.iso.date(),
    deadline: z.iso.date(),
    recipient: text(campaignLimits.recipient),
    planned: z.array(plannedActivitySchema).check(z.maxLength(campaignLimits.planned)),
    /** The report's parts the user writes. */
    narrative: z.strictObject({
      /** The date on the report (its "ngày … tháng … năm …" line). */
      reportDate: z.optional(z.iso.date()),
      assessment: z.optional(text(campaignLimits.narrative)),
      difficulties: z.optional(text(campaignLimits.narrative)),
      proposals: z.optional(text(campaignLimits.narrative)),
    }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .check(
    z.refine((c) => c.start <= c.end, { message: 'campaign ends before it starts', path: ['end'] }),
    z.refine((c) => c.deadline >= c.end, {
      message: 'deadline before the campaign ends',
      path: ['deadline'],
    }),
  );
export type Campaign = z.infer<typeof campaignSchema>;
