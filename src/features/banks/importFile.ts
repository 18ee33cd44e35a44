/**
 * Reads a question file the user chose: taken for what its bytes are, not its name
 * (`sniffFile`). Text (UTF-8 with or without a BOM, or UTF-16) goes to `parseQuestionText`,
 * which tells GIFT, Aiken and Azota-style text apart; a Windows-1258 or TCVN3 file is refused
 * with how to save it as UTF-8, never read as mojibake. An XLSX's first sheet is read within
 * bounds (`readFirstSheet`, as class lists are) as a Kahoot or Quizizz template, told apart by
 * its header. A Word
 * file, a PDF, a photo… is refused as what it is, with what to do instead. The readers load
 * only when used.
 */
import {
  parseQuestionText,
  parseSheet,
  type ImportFormat,
  type ImportResult,
} from '../../lib/domain/questionImport';
import { decodeText, sniffFile } from '../../lib/domain/textFile';
import { xlsxLimits, type XlsxProblem } from '../../lib/domain/xlsxCheck';
import { readFirstSheet } from '../../lib/import/xlsxSheet';

/** Files that hold no questions this app reads, named for what they are. */
export const notTextKinds = ['docx', 'pptx', 'ods', 'zip', 'pdf', 'office-97', 'image', 'binary'] as const;
export type WrongFileKind = (typeof notTextKinds)[number];
export const encodingKinds = ['windows-1258', 'tcvn3', 'unknown-8bit'] as const;
/** Refusals with one message each (`bankImport.refused.<kind>`). */
export const plainRefusals = [
  'too-large',
  'empty',
  'unreadable',
  'not-a-template',
  'xlsx-too-large',
  'xlsx-entities',
  'sheet-too-many-rows',
  'sheet-too-many-columns',
] as const;

/** Why a file was not read; `detail` fills the message (`bankImport.refused.…`). */
export type FileRefusal =
  | { refused: 'too-large' | 'xlsx-too-large'; detail: string /* megabytes */ }
  | { refused: 'sheet-too-many-rows' | 'sheet-too-many-columns'; detail: string /* the limit */ }
  | { refused: 'encoding'; detail: (typeof encodingKinds)[number] }
  | { refused: 'not-text'; detail: WrongFileKind }
  | { refused: 'empty' | 'unreadable' | 'not-a-template' | 'xlsx-entities' };

export const isRefusal = (read: ImportResult | FileRefusal): read is FileRefusal => 'refused' in read;

/** A text bank of 5,000 questions is a few megabytes. */
export const maxTextBytes = 5 * 1024 * 1024;

const megabytes = (bytes: number) => String(Math.round(bytes / 1024 / 1024));

function refusalOf(problem: XlsxProblem | { kind: 'file-too-large' }): FileRefusal {
  switch (problem.kind) {
    case 'file-too-large':
      return { refused: 'too-large', detail: megabytes(xlsxLimits.maxFileBytes) };
    case 'xlsx-too-large':
      return { refused: 'xlsx-too-large', detail: String(problem.maxMegabytes) };
    case 'sheet-too-many-rows':
    case 'sheet-too-many-columns':
      return { refused: problem.kind, detail: String(problem.max) };
    case 'xlsx-entities':
      return { refused: 'xlsx-entities' };
    default:
      return { refused: 'unreadable' };
  }
}

/** A cell as text: numbers as written (1, 1.3), dates as their day, nothing as ''. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
}

/**
 * Reads a question file: the questions, problems and skipped ones with their lines (as
 * `parseQuestionText` gives them), or why the file was not read at all.
 * @param format the text format the user chose; without it, it is recognised
 */
export async function readQuestionFile(
  file: File,
  format?: ImportFormat,
): Promise<ImportResult | FileRefusal> {
  try {
    // Read no more than a bank could need; anything larger is refused unread.
    if (file.size > xlsxLimits.maxFileBytes)
      return { refused: 'too-large', detail: megabytes(xlsxLimits.maxFileBytes) };
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { kind } = sniffFile(bytes, file.name);
    if (kind === 'xlsx') {
      const rows = await readFirstSheet(bytes);
      if (!Array.isArray(rows)) return refusalOf(rows);
      return parseSheet(rows.map((row) => row.map(cellText))) ?? { refused: 'not-a-template' };
    }
    if (kind === 'empty') return { refused: 'empty' };
    if (kind !== 'text') return { refused: 'not-text', detail: kind };
    if (bytes.length > maxTextBytes) return { refused: 'too-large', detail: megabytes(maxTextBytes) };
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      const what = decoded.kind;
      if (what === 'windows-1258' || what === 'tcvn3' || what === 'unknown-8bit')
        return { refused: 'encoding', detail: what };
      if (what === 'empty') return { refused: 'empty' };
      if (what === 'xlsx') return { refused: 'unreadable' };
      return { refused: 'not-text', detail: what };
    }
    if (!decoded.text.trim()) return { refused: 'empty' };
    return await parseQuestionText(decoded.text, format);
  } catch (error) {
    console.error('Could not read the question file', error);
    return { refused: 'unreadable' };
  }
}
