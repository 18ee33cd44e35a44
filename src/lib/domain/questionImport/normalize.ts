/**
 * Text as teachers paste it, made plain before any format reads it: NFC (Vietnamese typed on
 * a Mac or with some keyboards arrives decomposed), Windows and old Mac line ends as `\n`,
 * Word's manual line break (a vertical tab when pasted) and Unicode line separators as line
 * ends, non-breaking and other wide spaces as a plain space, zero-width characters and soft
 * hyphens removed, and curly quotes as straight ones. Every step keeps the number of lines,
 * so a line number found afterwards is the line the user sees.
 */

export function normalizeText(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?|[\v\f\u2028\u2029\u0085]/g, '\n')
      // Zero-width space, joiners, word joiner, byte-order mark, soft hyphen.
      .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
      .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
      .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
  );
}

/** The lines of normalised text; line n of the file is `lines[n - 1]`. */
export const splitLines = (text: string): string[] => text.split('\n');
