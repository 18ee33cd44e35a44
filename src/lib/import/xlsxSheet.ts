/**
 * The rows of an XLSX's first sheet, bounded before read-excel-file sees the file
 * (`xlsxCheck`): declared sizes from the zip directory, each XML part inflated with a cap on
 * its output, entity definitions refused, the first sheet's rows and columns scanned; the
 * reader then gets a copy of the checked XML parts only. Inflating is the browser's own
 * `DecompressionStream`; fflate (to write that copy) and read-excel-file load only when a
 * sheet is read. Used by class lists and question banks; the caller checks the file's size.
 */
import { readZipDirectory, zipEntryBytes, type ZipEntry } from '../domain/textFile';
import {
  checkSheetXml,
  checkXlsxDirectory,
  firstSheetPath,
  hasEntityDefinitions,
  isXmlPart,
  xlsxLimits,
  xlsxTooLarge,
  type XlsxProblem,
} from '../domain/xlsxCheck';

/**
 * Inflates one entry, refusing it as soon as it yields more than the directory declared (a
 * zip bomb lies there). The compressed bytes go in small chunks, so what is inflated past the
 * declared size is at most one chunk's worth (deflate expands 4 kB to 4 MB at most).
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
export async function readFirstSheet(bytes: Uint8Array<ArrayBuffer>): Promise<unknown[][] | XlsxProblem> {
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
  return readSheet(zipSync(parts, { level: 0 }).slice().buffer);
}
