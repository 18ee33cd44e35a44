/**
 * Own questions are plain text (`ownContent.schema.ts`): markup from an imported file never
 * reaches the screen, the print view or an export as markup. GIFT text comes in four formats
 * (`[moodle]`, the default, `[html]`, `[markdown]`, `[plain]`); Moodle renders the first three
 * as HTML, and teachers' files carry `<b>`, `<br>`, `<p>` and entities such as `&agrave;`
 * written by Moodle's editors. Here each becomes the text a reader saw: tags dropped (a line
 * break for `<br>` and the end of a block), scripts and styles dropped with their content,
 * Markdown's emphasis, code, headings and links reduced to their words, and entities decoded
 * last, so `&lt;b&gt;` stays the visible text "<b>" (plain text, shown as text). `[plain]`
 * text is taken as written.
 */

export type TextFormat = 'moodle' | 'html' | 'markdown' | 'plain';

const named: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  ldquo: '"',
  rdquo: '"',
  lsquo: "'",
  rsquo: "'",
  deg: '°',
  copy: '©',
  reg: '®',
  times: '×',
  divide: '÷',
  plusmn: '±',
  middot: '·',
  bull: '•',
  shy: '',
  // Vowels Moodle's older editors wrote as entities in Vietnamese text.
  agrave: 'à',
  aacute: 'á',
  acirc: 'â',
  atilde: 'ã',
  egrave: 'è',
  eacute: 'é',
  ecirc: 'ê',
  igrave: 'ì',
  iacute: 'í',
  ograve: 'ò',
  oacute: 'ó',
  ocirc: 'ô',
  otilde: 'õ',
  ugrave: 'ù',
  uacute: 'ú',
  yacute: 'ý',
  Agrave: 'À',
  Aacute: 'Á',
  Acirc: 'Â',
  Atilde: 'Ã',
  Egrave: 'È',
  Eacute: 'É',
  Ecirc: 'Ê',
  Igrave: 'Ì',
  Iacute: 'Í',
  Ograve: 'Ò',
  Oacute: 'Ó',
  Ocirc: 'Ô',
  Otilde: 'Õ',
  Ugrave: 'Ù',
  Uacute: 'Ú',
  Yacute: 'Ý',
};

function codePoint(value: number, original: string): string {
  // Control characters, surrogates and out-of-range numbers stay as they were written.
  if (
    value < 0x20 ||
    (value >= 0x7f && value < 0xa0) ||
    (value >= 0xd800 && value <= 0xdfff) ||
    value > 0x10ffff
  )
    return original;
  return String.fromCodePoint(value);
}

/** `&amp;`, `&#233;`, `&#xE9;` and the names above as characters; any other `&name;` stays. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (entity, body: string) => {
    if (body[0] === '#')
      return body[1] === 'x' || body[1] === 'X'
        ? codePoint(parseInt(body.slice(2), 16), entity)
        : codePoint(parseInt(body.slice(1), 10), entity);
    return named[body] ?? entity;
  });
}

/** HTML as the words it shows: block ends and `<br>` as line breaks, every tag dropped. */
function stripTags(text: string): string {
  return text
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|div|li|h[1-6]|tr|blockquote|pre)\s*>/gi, '\n')
    .replace(/<\/?[a-z][^<>]*>/gi, '');
}

function stripMarkdown(text: string): string {
  return (
    text
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      // Bold as `**` only: `__` would eat the blank line ("_____") of a missing-word question.
      .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1')
      .replace(/(^|[\s(])\*(?=\S)([^*\n]*?\S)\*/g, '$1$2')
      .replace(/`+([^`]*)`+/g, '$1')
      .replace(/^[ \t]*#{1,6}[ \t]+/gm, '')
      .replace(/^[ \t]*>[ \t]?/gm, '')
  );
}

/** The plain text of GIFT text in its format. */
export function plainText(text: string, format: TextFormat): string {
  if (format === 'plain') return text;
  const withoutTags = stripTags(text);
  return decodeEntities(format === 'markdown' ? stripMarkdown(withoutTags) : withoutTags);
}
