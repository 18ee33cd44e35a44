/**
 * Laying out a printed banner: very large letters on one line, cut into A4 landscape pages
 * that are taped together edge to edge. Sizes in millimetres.
 */
export const paper = {
  a4: { width: 297, height: 210 },
  a3: { width: 420, height: 297 },
} as const;

/** Letter size of a banner: fills most of an A4 landscape page's height. */
export const bannerFontSize = 120;
/** White space before the first letter and after the last. */
export const bannerMargin = 15;

/** How many A4 landscape pages a banner line of `textWidth` mm needs (at least one). */
export function bannerPageCount(textWidth: number): number {
  return Math.max(1, Math.ceil((textWidth + 2 * bannerMargin) / paper.a4.width));
}
