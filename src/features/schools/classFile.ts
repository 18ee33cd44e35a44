/**
 * Reads a class list from what the school has: an XLSX or CSV file, or cells pasted from a
 * spreadsheet (tab-separated). A file is taken for what its bytes are, not its name
 * (`sniffFile`): an XLSX renamed .csv is read as XLSX, and a PDF, a Word file, a photo or a
 * CSV in an old Vietnamese encoding is refused with what it is and how to save it as UTF-8.
 * An XLSX is bounded before read-excel-file sees it (`xlsxCheck`): declared sizes from the zip
 * directory, each XML part inflated with a cap on its output, entity definitions refused, the
 * first sheet's rows and columns scanned; the reader then gets a copy of the checked XML parts
 * only. The readers load only when used: fflate (to write that copy) and read-excel-file for
 * XLSX, papaparse for text; inflating is the browser's own `DecompressionStream`. The rows then go through `readClassList`, which takes all or nothing.
 */
import { readClassList, type ClassListResult } from '../../lib/domain/classList';
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
  xlsxTooLarge,
  hasEntityDefinitions,
  isXmlPart,
  xlsxLimits,
  type XlsxProblem,
} from '../../lib/domain/xlsxCheck';

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

/**
 * Inflates one entry, refusing it as soon as it yields more than the directory declared (a
 * zip bomb lies there). The browser's own inflater does the work; the compressed bytes go in
 * small chunks, so what is inflated past the declared size is at most one chunk's worth
 * (deflate expands 4 kB to 4 MB at most).
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
async function readXlsx(bytes: Uint8Array<ArrayBuffer>): Promise<unknown[][] | ClassFileProblem> {
  if (bytes.length > xlsxLimits.maxFileBytes)
    return { kind: 'file-too-large', maxMegabytes: xlsxLimits.maxFileBytes / 1024 / 1024 };
  const directory = readZipDirectory(bytes, xlsxLimits.maxEntries);
  if (!directory.ok)
    return directory.reason === 'zip64' || directory.reason === 'too-many-entries'
      ? xlsxTooLarge()
      : { kind: 'unreadable' };
  const refused = checkXlsxDirectory(directory.entries);
  if (refused) return refused;

  const parts: Record<string, Uint8Array> = {};
  const xml: Record<string, string> = {};
  const utf8 = new TextDecoder();
  for (const entry of directory.entries.filter(isXmlPart)) {
    const data = await inflateEntry(bytes, entry);
    if (!data) return { kind: 'unreadable' };
    const text = utf8.decode(data);
    if (hasEntityDefinitions(text)) return { kind: 'xlsx-entities' };
    parts[entry.name] = data;
    xml[entry.name] = text;
  }
  const sheet =
    firstSheetPath(xml['xl/workbook.xml'] ?? '', xml['xl/_rels/workbook.xml.rels'] ?? '') ??
    Object.keys(xml).find((name) => name.startsWith('xl/worksheets/'));
  const sheetXml = sheet === undefined ? undefined : xml[sheet];
  if (sheetXml === undefined) return { kind: 'unreadable' };
  const tooBig = checkSheetXml(sheetXml);
  if (tooBig) return tooBig;

  // The reader gets only what was checked, stored uncompressed: nothing left for it to inflate.
  const [{ zipSync }, { readSheet }] = await Promise.all([
    import('fflate'),
    import('read-excel-file/browser'),
  ]);
  const checked = zipSync(parts, { level: 0 });
  return readSheet(checked.slice().buffer);
}

export async function readClassFile(file: File, existing: readonly string[]): Promise<ClassFileResult> {
  try {
    // Read no more than a class list could need; anything larger is refused unread.
    if (file.size > xlsxLimits.maxFileBytes)
      return refuse({ kind: 'file-too-large', maxMegabytes: xlsxLimits.maxFileBytes / 1024 / 1024 });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { kind } = sniffFile(bytes, file.name);
    if (kind === 'xlsx') {
      const rows = await readXlsx(bytes);
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
