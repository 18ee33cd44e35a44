/**
 * The cells of an exported table, written once for both files a user can download. Most
 * values are the same in CSV and XLSX; a share and a calendar day are not, so they carry
 * both forms and each writer takes its own (`toXlsx`: `xlsx`, `toCsv`: `csv`):
 *
 * - an XLSX stores a number without any decimal separator, so a share keeps one decimal
 *   (44.4) and a day is shown as the user's language writes it (10/03/2027);
 * - a CSV is read by the spreadsheet with the separators of the computer's language (see
 *   csv.ts), so a share is a whole percent (44) and a day is ISO (2027-03-10), the only
 *   forms a Vietnamese and an English spreadsheet both read as the same number or day.
 */

export type PlainValue = string | number | null;

/** One figure in the form each file wants. */
export interface PerFormat {
  readonly xlsx: PlainValue;
  readonly csv: PlainValue;
}

export type SheetValue = PlainValue | PerFormat;

export function isPerFormat(value: unknown): value is PerFormat {
  return typeof value === 'object' && value !== null && 'xlsx' in value && 'csv' in value;
}

/** The value a writer for `format` puts in the file. */
export function valueFor(value: SheetValue | undefined, format: keyof PerFormat): PlainValue {
  if (value === undefined) return null;
  return isPerFormat(value) ? value[format] : value;
}

/**
 * A share from 0 to 1 as a percent: one decimal in XLSX, a whole percent in CSV (as the
 * screen shows it; the counts it comes from sit beside it). Empty when there is nothing to
 * divide by, never 0.
 */
export function shareCell(share: number | null): SheetValue {
  if (share === null || !Number.isFinite(share)) return null;
  return { xlsx: Math.round(share * 1000) / 10, csv: Math.round(share * 100) };
}

/**
 * Calendar days (YYYY-MM-DD), several joined by ", ": in XLSX as `format` writes each for
 * the user, in CSV as they are (ISO), which no spreadsheet reads with day and month swapped.
 */
export function daysCell(days: readonly string[], format: (day: string) => string): SheetValue {
  if (days.length === 0) return '';
  return { xlsx: days.map(format).join(', '), csv: days.join(', ') };
}
