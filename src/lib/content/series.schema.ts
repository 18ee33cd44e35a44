/**
 * The shape of a series (`content/series/<id>.yaml`): the sessions one group has in order,
 * weeks apart, and a booster months after the last (UNODC/WHO standards: several interactive
 * sessions with boosters work, a one-off talk does not). Each step is a session plan; the
 * series names its facilitator guide (a material of kind `guide`) and plans that go with it
 * without being a step (a session for managers…). The build checks the references
 * (`seriesFiles.ts`).
 */
import * as z from 'zod/mini';
import { citationSchema, localizedTextSchema } from './content.schema.ts';
import { audienceSchema, contentIdSchema } from './ids.ts';

export const seriesSessionSchema = z.strictObject({
  plan: contentIdSchema,
  /** Weeks after the previous session; the first session has none. */
  weeksAfter: z.optional(z.int().check(z.minimum(1), z.maximum(8))),
});
export type SeriesSession = z.infer<typeof seriesSessionSchema>;

export const seriesSchema = z.strictObject({
  id: contentIdSchema,
  audience: audienceSchema,
  title: localizedTextSchema,
  summary: localizedTextSchema,
  /** The facilitator guide: a material with `kind: guide`. */
  guide: contentIdSchema,
  sessions: z.array(seriesSessionSchema).check(z.minLength(3), z.maxLength(4)),
  booster: z.strictObject({
    plan: contentIdSchema,
    /** Months after the last session. */
    monthsAfter: z.int().check(z.minimum(2), z.maximum(3)),
  }),
  /** Plans that go with the series but are not one of its sessions. */
  extras: z.optional(z.array(z.strictObject({ plan: contentIdSchema })).check(z.minLength(1))),
  sources: z.array(citationSchema).check(z.minLength(1)),
});
export type Series = z.infer<typeof seriesSchema>;
