/**
 * Text helpers every part of lib/ may use: they import nothing. Search that ignores
 * Vietnamese diacritics and case: "ma tuy nup bong" finds "ma túy núp bóng", and so does
 * "MA TÚY". Text is folded once (the build stores folded material text) and each query is
 * folded the same way.
 */

/** Lower case, without tone marks or vowel marks, đ as d, runs of spaces and punctuation as one space. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when every word of the query begins a word of the (already folded) text. An empty query matches all. */
export function matchesQuery(foldedText: string, query: string): boolean {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  const haystack = ` ${foldedText} `;
  // Each word must start a word of the text ("nghien" finds "nghiện", "ghien" does not).
  return words.every((word) => haystack.includes(` ${word}`));
}
