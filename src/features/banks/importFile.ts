/**
 * Reads a question file the user chose: taken for what its bytes are, not its name
 * (`sniffFile`). Text (UTF-8 with or without a BOM, or UTF-16) goes to `parseQuestionText`,
 * which tells GIFT, Aiken and Azota-style text apart; a Windows-1258 or TCVN3 file is refused
 * with how to save it as UTF-8, never read as mojibake. An XLSX is bounded before
 * read-excel-file sees it (`xlsxCheck`, as class lists are: declared sizes, each XML part
 * inflated with a cap, entity definitions refused, the first sheet's rows and columns scanned),
 * and its first sheet read as a Kahoot or Quizizz template, told apart by its header. A Word
 * file, a PDF, a photo… is refused as what it is, with what to do instead. The readers load
 * only when used.
 */
import {
  parseQuestionText,
  parseSheet,
  type ImportFormat,
  type ImportResult,
} from '../../lib/domain/questionImport';
import {
  decodeText,
  readZipDirectory,
  sniffFile,
  zipEntryBytes,
  type ZipEntry,
} from '../../lib/domain/textFile';
import {
  checkSheetXml,
  checkXlsxDirectory,
  firstSheetPath,
  hasEntityDefinitions,
  isXmlPart,
  xlsxLimits,
  xlsxTooLarge,
  type XlsxProblem,
} from '../../lib/domain/xlsxCheck';

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

// TODO(#15): inflateEntry and readXlsx repeat features/schools/classFile.ts's private ones
// (same checks, same order). Once classFile.ts exports its readXlsx, use that and drop these.

/**
 * Inflates one entry, refusing it as soon as it yields more than the directory declared (a
 * zip bomb lies there), with the browser's own `DecompressionStream`, in small chunks.
 */
async function inflateEntry(
  bytes: Uint8Array<ArrayBuffer>,
  entry: ZipEntry,
): Promise<Uint8Array | undefined> {
  const compressed = zipEntryBytes(bytes, entry);
  if (!compressed) return undefined;
  if (entry.method === 0) return compressed.length === entry.size ? compressed : undefined;
  const inflater = new DecompressionStream('deflate-raw');
  const writer = inflater.writable.getWriter();
  const reader = inflater.readable.getReader();
  const step = 4096;
  const writing = (async () => {
    for (let at = 0; at < compressed.length; at += step)
      await writer.write(compressed.subarray(at, at + step));
    await writer.close();
  })().catch(() => undefined);
  const out = new Uint8Array(entry.size);
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.length > out.length) {
        await reader.cancel();
        return undefined;
      }
      out.set(value, length);
      length += value.length;
    }
  } catch {
    return undefined;
  } finally {
    await writing;
  }
  return length === entry.size ? out : undefined;
}

/** The rows of the first sheet of an XLSX, or why it is not read. */
async function readXlsx(bytes: Uint8Array<ArrayBuffer>): Promise<unknown[][] | FileRefusal> {
  const directory = readZipDirectory(bytes, xlsxLimits.maxEntries);
  if (!directory.ok)
    return directory.reason === 'zip64' || directory.reason === 'too-many-entries'
      ? refusalOf(xlsxTooLarge())
      : { refused: 'unreadable' };
  const refused = checkXlsxDirectory(directory.entries);
  if (refused) return refusalOf(refused);

  const parts: Record<string, Uint8Array> = {};
  const xml: Record<string, string> = {};
  const utf8 = new TextDecoder();
  for (const entry of directory.entries.filter(isXmlPart)) {
    const data = await inflateEntry(bytes, entry);
    if (!data) return { refused: 'unreadable' };
    const text = utf8.decode(data);
    if (hasEntityDefinitions(text)) return { refused: 'xlsx-entities' };
    parts[entry.name] = data;
    xml[entry.name] = text;
  }
  const sheet =
    firstSheetPath(xml['xl/workbook.xml'] ?? '', xml['xl/_rels/workbook.xml.rels'] ?? '') ??
    Object.keys(xml).find((name) => name.startsWith('xl/worksheets/'));
  const sheetXml = sheet === undefined ? undefined : xml[sheet];
  if (sheetXml === undefined) return { refused: 'unreadable' };
  const tooBig = checkSheetXml(sheetXml);
  if (tooBig) return refusalOf(tooBig);

  // The reader gets only what was checked, stored uncompressed: nothing left for it to inflate.
  const [{ zipSync }, { readSheet }] = await Promise.all([
    import('fflate'),
    import('read-excel-file/browser'),
  ]);
  return readSheet(zipSync(parts, { level: 0 }).slice().buffer);
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
      const rows = await readXlsx(bytes);
      if (!Array.isArray(rows)) return rows;
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
