/**
 * XLSX for exports: numbers stay numbers (so Excel can add them up, whatever the computer's
 * language: the file stores them without separators), text stays text (a cell is never
 * written as a formula, whatever it starts with), the header row in bold. A cell that has a
 * form for each file (cell.ts) is written in its XLSX form. The writer (write-excel-file,
 * ~14 kB gzip) is loaded only when a file is made.
 */
import { valueFor, type PlainValue, type SheetValue } from './cell';

export type XlsxValue = PlainValue;

export interface XlsxSheet {
  /** The tab's name; Excel allows 31 characters and none of : \ / ? * [ ]. */
  name: string;
  /** The first row is the header. */
  rows: ReadonlyArray<readonly SheetValue[]>;
  /** Column widths, in characters. */
  widths?: readonly number[];
}

export function sheetName(name: string): string {
  return (
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet'
  );
}

export async function toXlsx(sheets: readonly XlsxSheet[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  return writeXlsxFile(
    sheets.map((sheet) => ({
      sheet: sheetName(sheet.name),
      data: sheet.rows.map((row, index) =>
        row.map((cell) => {
          const value = valueFor(cell, 'xlsx');
          return value === null ? null : index === 0 ? { value, fontWeight: 'bold' as const } : { value };
        }),
      ),
      ...(sheet.widths ? { columns: sheet.widths.map((width) => ({ width })) } : {}),
    })),
  ).toBlob();
}
