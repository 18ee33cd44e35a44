/**
 * The shapes of campaign materials and slogans, as the app receives them after the build
 * has read and checked `content/materials/` and `content/slogans.yaml` (see
 * `contentFiles.ts`). Imported packs will go through the same schemas.
 *
 * A material is written as Markdown, one file per language: an H1 title, a lead paragraph,
 * then one H2 section per slide, each optionally followed by `<!-- notes -->` and speaker
 * notes. The build splits it into that structure; rendering turns the Markdown into
 * sanitised HTML at run time (`markdown.ts`).
 */
import * as z from 'zod/mini';
import { citationSchema, localizedTextSchema } from './content.schema.ts';
import { audienceSchema, contentIdSchema } from './ids.ts';

const nonBlank = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

/** `content/materials/<id>/material.yaml`. */
export const materialMetaSchema = z.strictObject({
  id: contentIdSchema,
  audiences: z.array(audienceSchema).check(z.minLength(1, 'name at least one audience')),
  /**
   * `guide`: a facilitator's guide to a series (how to run it, what to do when someone
   * discloses drug use), for the one who leads, not for the room. Default: a material.
   */
  kind: z.optional(z.enum(['material', 'guide'])),
  topics: z.array(contentIdSchema).check(z.minLength(1, 'name at least one topic')),
  /** When the content was last checked against its sources. */
  reviewed: z.iso.date(),
  sources: z.array(citationSchema).check(z.minLength(1, 'every material needs a source')),
});
export type MaterialMeta = z.infer<typeof materialMetaSchema>;

export const materialSectionSchema = z.strictObject({
  heading: nonBlank,
  /** Markdown. */
  body: nonBlank,
  /** Markdown for the presenter only; never printed or shown on the projector. */
  notes: z.optional(nonBlank),
});
export type MaterialSection = z.infer<typeof materialSectionSchema>;

/** One language's text of a material. */
export const materialTextSchema = z.strictObject({
  title: nonBlank,
  /** Markdown, the paragraph(s) between the title and the first section. */
  lead: nonBlank,
  sections: z.array(materialSectionSchema).check(z.minLength(2, 'a material needs at least two sections')),
  readingMinutes: z.int().check(z.minimum(1)),
  /** Title, lead, headings and bodies as plain text, folded for search (see `lib/text.ts`). */
  searchText: z.string(),
});
export type MaterialText = z.infer<typeof materialTextSchema>;

export const materialSchema = z.strictObject({
  ...materialMetaSchema.shape,
  /** The text in each language; Vietnamese is required. */
  texts: z.catchall(z.object({ vi: materialTextSchema }), materialTextSchema),
  /** Image paths used in the Markdown (`images/x.svg`) → the URL the build gave the file. */
  images: z.record(z.string(), z.string()),
});
export type Material = z.infer<typeof materialSchema>;

export const sloganSchema = z.strictObject({
  id: contentIdSchema,
  text: localizedTextSchema,
  /** Set for the official theme of that year's action month (facts.md §2). */
  themeYear: z.optional(z.int().check(z.minimum(2000), z.maximum(2100))),
  source: z.optional(citationSchema),
});
export type Slogan = z.infer<typeof sloganSchema>;

export const slogansFileSchema = z.strictObject({ slogans: z.array(sloganSchema).check(z.minLength(1)) });
