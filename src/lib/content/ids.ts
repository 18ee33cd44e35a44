/**
 * Content ids and audiences: the small part of the content schema that stored records
 * refer to. Kept apart from `content.schema.ts` so the app's first download carries these
 * few lines and not the whole content schema.
 */
import * as z from 'zod/mini';

/** Ids are stable slugs: they are stored in learners' attempts, so never reuse or rename one. */
export const contentIdSchema = z
  .string()
  .check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "law-01"'));

/** The audiences the kit serves; later areas (sessions, statistics) use the same ids. */
export const audienceIds = ['thcs', 'thpt', 'workers', 'community'] as const;
export const audienceSchema = z.enum(audienceIds);
export type Audience = z.infer<typeof audienceSchema>;
