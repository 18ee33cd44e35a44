/**
 * Bounds on an XLSX before a spreadsheet reader sees it. A school's list fits in a few hundred
 * rows, yet the file could be anything: a zip bomb (a small file that inflates to gigabytes), a
 * sheet of a hundred thousand rows (the page froze for 28 s, then listed 109,999 errors), or XML
 * with entity definitions (`<!DOCTYPE … <!ENTITY f "…">`, which Excel never writes; the reader
 * left `&f;` in a class name). The checks run in order of cost: the zip directory's declared
 * sizes (nothing inflated), then each part's XML as it comes out of a bounded inflate, then a
 * scan of the sheet's tags that stops at the first row past the limit. Pure: the caller inflates.
 */
import type { ZipEntry } from './textFile';

export const xlsxLimits = {
  /** The file as chosen. */
  maxFileBytes: 10 * 1024 * 1024,
  maxEntries: 500,
  /** All entries together, as the zip directory declares them (and as inflating confirms). */
  maxUncompressedBytes: 20 * 1024 * 1024,
  /** The last row of the sheet that holds a value. */
  maxRows: 2000,
  /** The last column that holds a value: 100 is CV. */
  maxColumns: 100,
} as const;

export type XlsxProblem =
  | { kind: 'xlsx-too-large'; maxMegabytes: number }
  | { kind: 'xlsx-entities' }
  | { kind: 'sheet-too-many-rows'; max: number }
  | { kind: 'sheet-too-many-columns'; max: number }
  | { kind: 'unreadable' };

export const xlsxTooLarge = (): XlsxProblem => ({
  kind: 'xlsx-too-large',
  maxMegabytes: Math.round(xlsxLimits.maxUncompressedBytes / 1024 / 1024),
});

/** The parts a sheet reader parses. */
export const isXmlPart = (entry: ZipEntry) => entry.name.endsWith('.xml') || entry.name.endsWith('.rels');

/** The zip's directory, before anything is inflated: entry count, declared sizes, methods. */
export function checkXlsxDirectory(entries: readonly ZipEntry[]): XlsxProblem | undefined {
  if (entries.length > xlsxLimits.maxEntries) return xlsxTooLarge();
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    if (total > xlsxLimits.maxUncompressedBytes) return xlsxTooLarge();
    if (entry.encrypted || (entry.method !== 0 && entry.method !== 8)) return { kind: 'unreadable' };
  }
  return undefined;
}

/** `<!DOCTYPE` or `<!ENTITY` anywhere: Excel never writes either; a hostile file needs one. */
export function hasEntityDefinitions(xml: string): boolean {
  return /<!(?:DOCTYPE|ENTITY)/i.test(xml);
}

/**
 * The path of the workbook's first sheet (the one a reader takes by default), from
 * xl/workbook.xml and its relationships; undefined when they do not say.
 */
export function firstSheetPath(workbookXml: string, relationshipsXml: string): string | undefined {
  const sheet = /<(?:\w+:)?sheet\b[^>]*>/.exec(workbookXml)?.[0];
  const id = sheet && /\br:id="([^"]+)"/.exec(sheet)?.[1];
  if (!id) return undefined;
  for (const [relationship] of relationshipsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    if (/\bId="([^"]+)"/.exec(relationship)?.[1] !== id) continue;
    const target = /\bTarget="([^"]+)"/.exec(relationship)?.[1];
    if (!target) return undefined;
    return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  }
  return undefined;
}

function columnNumber(letters: string): number {
  let column = 0;
  for (const letter of letters) column = column * 26 + letter.charCodeAt(0) - 64;
  return column;
}

/**
 * Scans a sheet's XML for the last row and column that hold a value (`<v>` or an inline
 * string), and stops at the first one past the limits: a reader would otherwise build every
 * row (and pad every row to the widest) before anything could be said.
 */
export function checkSheetXml(xml: string): XlsxProblem | undefined {
  const tags = /<(?:[A-Za-z_][\w.-]*:)?(row|c|v|is)(?=[\s>/])([^>]*)>/g;
  let row = 0;
  let column = 0;
  for (const [, tag, attributes = ''] of xml.matchAll(tags)) {
    if (tag === 'row') {
      const r = /\br="(\d+)"/.exec(attributes)?.[1];
      row = r ? Number(r) : row + 1;
      column = 0;
    } else if (tag === 'c') {
      const r = /\br="([A-Z]+)(\d+)"/.exec(attributes);
      column = r ? columnNumber(r[1] as string) : column + 1;
      if (r) row = Number(r[2]);
    } else if (!attributes.endsWith('/')) {
      // A value: <v>…</v> or <is>…</is> (an empty <v/> holds nothing).
      if (row > xlsxLimits.maxRows) return { kind: 'sheet-too-many-rows', max: xlsxLimits.maxRows };
      if (column > xlsxLimits.maxColumns)
        return { kind: 'sheet-too-many-columns', max: xlsxLimits.maxColumns };
    }
  }
  return undefined;
}
