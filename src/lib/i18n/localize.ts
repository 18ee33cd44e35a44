/**
 * Content text in a language. Apart from `format.ts` (which re-exports it) so the first
 * screen, which shows content titles but formats no dates or numbers, loads only this.
 */
import type { LocalizedText } from '../content/content.schema';

/** Marks content text in key-only mode, so the end-to-end check can tell it from UI text. */
export const keyOnlyContentMarker = '⟦content⟧';

/** The text in `language`, falling back to Vietnamese, the source language. */
export function localize(text: LocalizedText, language: string): string {
  if (language === 'cimode') return keyOnlyContentMarker;
  return text[language] ?? text.vi;
}
