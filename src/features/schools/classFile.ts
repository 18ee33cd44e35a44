/**
 * Reads a class list from what the school has: an XLSX or CSV file, or cells pasted from a
 * spreadsheet (tab-separated). A file is taken for what its bytes are, not its name
 * (`sniffFile`): an XLSX renamed .csv is read as XLSX, and a PDF, a Word file, a photo or a
 * CSV in an old Vietnamese encoding is refused with what it is and how to save it as UTF-8.
 * An XLSX's first sheet is read within bounds (`readFirstSheet`: zip bombs, entity
 * definitions and oversized sheets refused); papaparse reads text, loaded only when used. The
 * rows then go through `readClassList`, which takes all or nothing.
 */
import { readClassList, type ClassListResult } from '../../lib/domain/classList';
import { decodeText, sniffFile } from '../../lib/domain/textFile';
import { xlsxLimits, type XlsxProblem } from '../../lib/domain/xlsxCheck';
import { readFirstSheet } from '../../lib/import/xlsxSheet';

/** Files that are not a class list, named for what they are. */
export type WrongFile = 'pdf' | 'docx' | 'pptx' | 'ods' | 'zip' | 'office-97' | 'image' | 'binary';

export type ClassFileProblem =
  | { kind: 'unreadable' }
  | { kind: 'wrong-file'; file: WrongFile }
  | { kind: 'encoding'; encoding: 'windows-1258' | 'tcvn3' | 'unknown-8bit' }
  | { kind: 'file-too-large'; maxMegabytes: number }
  | XlsxProblem;

export type ClassFileResult = ClassListResult | { ok: false; problems: [ClassFileProblem] };

/** A CSV of a school's classes is a few kilobytes. */
const maxTextBytes = 2 * 1024 * 1024;

const refuse = (problem: ClassFileProblem): ClassFileResult => ({ ok: false, problems: [problem] });

async function parseText(text: string): Promise<unknown[][]> {
  const { default: Papa } = await import('papaparse');
  // Excel's CSV in Vietnamese locales is often ';'-separated; pasted cells are tab-separated.
  const parsed = Papa.parse<unknown[]>(text.replace(/^\uFEFF/, ''), {
    delimitersToGuess: ['\t', ',', ';'],
    skipEmptyLines: 'greedy',
  });
  return parsed.data;
}

export async function readClassText(text: string, existing: readonly string[]): Promise<ClassFileResult> {
  if (text.length > maxTextBytes) return refuse({ kind: 'file-too-large', maxMegabytes: 2 });
  return readClassList(await parseText(text.normalize('NFC')), existing);
}

export async function readClassFile(file: File, existing: readonly string[]): Promise<ClassFileResult> {
  try {
    // Read no more than a class list could need; anything larger is refused unread.
    if (file.size > xlsxLimits.maxFileBytes)
      return refuse({ kind: 'file-too-large', maxMegabytes: xlsxLimits.maxFileBytes / 1024 / 1024 });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { kind } = sniffFile(bytes, file.name);
    if (kind === 'xlsx') {
      const rows = await readFirstSheet(bytes);
      return Array.isArray(rows) ? readClassList(rows, existing) : refuse(rows);
    }
    if (kind === 'empty') return readClassList([], existing);
    if (kind !== 'text') return refuse({ kind: 'wrong-file', file: kind });
    if (bytes.length > maxTextBytes) return refuse({ kind: 'file-too-large', maxMegabytes: 2 });
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      const what = decoded.kind;
      if (what === 'windows-1258' || what === 'tcvn3' || what === 'unknown-8bit')
        return refuse({ kind: 'encoding', encoding: what });
      if (what === 'empty') return readClassList([], existing);
      if (what === 'xlsx') return refuse({ kind: 'unreadable' });
      return refuse({ kind: 'wrong-file', file: what });
    }
    return readClassList(await parseText(decoded.text), existing);
  } catch (error) {
    console.error('Could not read the class list', error);
    return refuse({ kind: 'unreadable' });
  }
}
