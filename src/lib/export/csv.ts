/**
 * CSV for people who open it in Excel: UTF-8 with a byte-order mark (without it Excel reads
 * Vietnamese as mojibake), CRLF line ends, a field quoted when it holds the delimiter, a
 * quote or a line break. Text that starts like a formula (= + - @, tab, carriage return) is
 * prefixed with an apostrophe so a spreadsheet shows it instead of running it (OWASP "CSV
 * injection"); numbers are written as numbers, so a negative figure stays a number.
 */

export type CsvValue = string | number | boolean | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

/** One cell, escaped for a CSV file with `delimiter`. */
export function csvCell(value: CsvValue, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file's text, the byte-order mark first unless `bom` is false. */
export function toCsv(
  rows: ReadonlyArray<readonly CsvValue[]>,
  { bom = true, delimiter = ',' }: { bom?: boolean; delimiter?: string } = {},
): string {
  const body = rows.map((row) => row.map((cell) => csvCell(cell, delimiter)).join(delimiter)).join('\r\n');
  return `${bom ? '\uFEFF' : ''}${body}\r\n`;
}
