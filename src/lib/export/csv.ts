/**
 * CSV for people who open it in a spreadsheet: UTF-8 with a byte-order mark (without it Excel
 * reads Vietnamese as mojibake), CRLF line ends, a field quoted when it holds the delimiter, a
 * quote or a line break. Text that starts like a formula (= + - @, tab, carriage return) is
 * prefixed with an apostrophe so a spreadsheet shows it instead of running it (OWASP "CSV
 * injection").
 *
 * Numbers are whole numbers only. A spreadsheet reads a CSV with the separators of the
 * computer's language, and a Vietnamese one uses the comma for decimals and the dot for
 * thousands: LibreOffice Calc under vi_VN reads "44.4" as text and "0.444" as the number 444,
 * while under en_US "44,4" is text (tests/e2e/exports.spec.ts opens every export in
 * LibreOffice under both). Whole numbers without separators read the same in both, so a share
 * is written as a whole percent (cell.ts: `shareCell`) and a fraction is refused here rather
 * than written in a form half the readers get wrong. Days are ISO (2027-03-10), which both read
 * as that day, where "10/03/2027" becomes 3 October in English. A `sep=` first line is not used:
 * LibreOffice shows it as a row, and Excel is widely reported to honour either it or the
 * byte-order mark, not both. The XLSX, which stores numbers without separators, is the file
 * offered first.
 */
import { valueFor, type SheetValue } from './cell';

export type CsvValue = SheetValue | boolean | undefined;

const formulaStart = /^[=+\-@\t\r]/;

/** One cell, escaped for a CSV file with `delimiter`. */
export function csvCell(value: CsvValue, delimiter = ','): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const plain = valueFor(value, 'csv');
  if (plain === null) return '';
  if (typeof plain === 'number') {
    if (!Number.isFinite(plain)) return '';
    if (!Number.isInteger(plain))
      throw new RangeError(`A CSV number must be whole (${plain}): write a share with shareCell.`);
    return String(plain);
  }
  const text = formulaStart.test(plain) ? `'${plain}` : plain;
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
