/**
 * Question imports: text pasted or read from a file (GIFT, Aiken, Azota-style text, or cells
 * copied from a Kahoot or Quizizz sheet) and a sheet's rows, each turned into drafts with every
 * problem by line (`result.ts`). Nothing here saves: the bank screen shows the preview and
 * saves only when no problem is left. Files are read by `features/banks/importFile.ts`.
 */
import { ownLimits } from '../ownContent.schema';
import { parseAiken } from './aiken';
import { parseAzota } from './azota';
import { detectFormat } from './detect';
import { parseGift } from './gift';
import { normalizeText } from './normalize';
import { emptyResult, type ImportFormat, type ImportResult } from './result';
import { parseSheet, sheetLayout } from './spreadsheet';

export * from './result';
export { detectFormat } from './detect';
export { parseSheet, sheetLayout, type SheetFormat, type SheetLayout } from './spreadsheet';

/** Pasted text longer than this is no bank (5,000 questions of ~1,000 characters). */
export const maxTextLength = 5_000_000;

/** Cells copied from a spreadsheet arrive as tab-separated lines. */
const cellsOf = (text: string) => text.split('\n').map((line) => line.split('\t'));

/** A bank holds at most `ownLimits.questions`: more is a problem at the first question too many. */
function bounded(result: ImportResult): ImportResult {
  const extra = result.questions[ownLimits.questions];
  if (extra)
    result.problems.push({
      line: extra.line,
      kind: 'too-many-questions',
      detail: String(ownLimits.questions),
    });
  return result;
}

/**
 * Reads questions from text. Without a format, GIFT, Aiken and Azota are told apart
 * (`detect.ts`), and cells copied from a Kahoot or Quizizz sheet are recognised by their header.
 */
export async function parseQuestionText(text: string, format?: ImportFormat): Promise<ImportResult> {
  if (text.length > maxTextLength) {
    const result = emptyResult(format ?? 'azota');
    result.problems.push({ line: 1, kind: 'text-too-large', detail: String(maxTextLength) });
    return result;
  }
  const normalized = normalizeText(text);
  if (format === 'kahoot' || format === 'quizizz' || (!format && normalized.includes('\t'))) {
    const rows = cellsOf(normalized);
    const layout = sheetLayout(rows);
    if (layout && (!format || layout.format === format)) return bounded(parseSheet(rows) as ImportResult);
    if (format) {
      const result = emptyResult(format);
      result.problems.push({ line: 1, kind: 'no-questions' });
      return result;
    }
  }
  switch (format ?? detectFormat(normalized)) {
    case 'gift':
      return bounded(await parseGift(normalized));
    case 'aiken':
      return bounded(parseAiken(normalized));
    default:
      return bounded(parseAzota(normalized));
  }
}
