/**
 * What an imported file really is, read from its bytes rather than its name, and its text.
 * Every import (class lists, roll-up files, question banks) goes through here, so a refusal
 * can name the file: "this is a PDF", "this is an Excel workbook", "this CSV is Windows-1258,
 * not UTF-8". Pure: no DOM, no dependencies; `TextDecoder` is in every browser and in Node.
 *
 * - `sniffFile` tells a zip (and, from its directory, an XLSX, DOCX, PPTX or ODS), a PDF, an
 *   Office 97–2003 file, an image, other binary, or text.
 * - `decodeText` decodes UTF-8 (with or without a byte-order mark) and UTF-16 (either byte
 *   order, with a BOM or recognised by its NUL bytes), NFC-normalised. Anything else is refused
 *   with what it is; 8-bit text is told apart as Windows-1258 or TCVN3 (ABC), the two old
 *   Vietnamese encodings still found in school files, so the message can say how to re-save.
 * - `readZipDirectory` lists a zip's entries from its central directory without inflating
 *   anything, so sizes can be bounded before any work is done.
 */

export type FileKind =
  'empty' | 'text' | 'xlsx' | 'docx' | 'pptx' | 'ods' | 'zip' | 'pdf' | 'office-97' | 'image' | 'binary';

export interface SniffedFile {
  /** What the bytes are. */
  kind: FileKind;
  /** The file name's extension, lower case, without the dot ('' when there is none). */
  extension: string;
  /** The name says one kind of file and the bytes another (an XLSX renamed .csv, a PDF named .json). */
  renamed: boolean;
}

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/** Why bytes are not text we read: an 8-bit encoding, or not text at all. */
export type NotTextKind = 'windows-1258' | 'tcvn3' | 'unknown-8bit' | Exclude<FileKind, 'text'>;

export type DecodedText =
  { ok: true; text: string; encoding: TextEncodingName } | { ok: false; kind: NotTextKind };

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is not read. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** The uncompressed size the directory declares (a hostile file may lie: check while inflating). */
  size: number;
  localHeaderOffset: number;
}

export type ZipDirectory =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; reason: 'not-zip' | 'damaged' | 'zip64' | 'too-many-entries' };

const utf8Bom = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((byte, i) => bytes[at + i] === byte);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const signatures = {
  zip: [0x50, 0x4b, 0x03, 0x04],
  emptyZip: [0x50, 0x4b, 0x05, 0x06],
  pdf: ascii('%PDF-'),
  // Compound File Binary: .xls, .doc, .ppt of Office 97–2003, and any password-protected Office file.
  cfb: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpeg: [0xff, 0xd8, 0xff],
  gif: ascii('GIF8'),
  riff: ascii('RIFF'),
  webp: ascii('WEBP'),
  ftyp: ascii('ftyp'),
};

const little16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const little32 = (b: Uint8Array, at: number) => (little16(b, at) | (little16(b, at + 2) << 16)) >>> 0;

/**
 * The entries of a zip archive, from its central directory (the end of the file): names,
 * methods and declared sizes, nothing inflated. ZIP64 archives (over 4 GB or 65,535 entries)
 * are refused as such: nothing this app imports is that large.
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries = 5000): ZipDirectory {
  if (!startsWith(bytes, signatures.zip) && !startsWith(bytes, signatures.emptyZip))
    return { ok: false, reason: 'not-zip' };
  // The end-of-central-directory record is 22 bytes plus a comment of up to 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (little32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return { ok: false, reason: 'damaged' };
  const count = little16(bytes, end + 10);
  const directoryOffset = little32(bytes, end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) return { ok: false, reason: 'zip64' };
  if (count > maxEntries) return { ok: false, reason: 'too-many-entries' };
  const names = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || little32(bytes, at) !== 0x02014b50) return { ok: false, reason: 'damaged' };
    const nameLength = little16(bytes, at + 28);
    const next = at + 46 + nameLength + little16(bytes, at + 30) + little16(bytes, at + 32);
    if (next > bytes.length) return { ok: false, reason: 'damaged' };
    const compressedSize = little32(bytes, at + 20);
    const size = little32(bytes, at + 24);
    const localHeaderOffset = little32(bytes, at + 42);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localHeaderOffset === 0xffffffff)
      return { ok: false, reason: 'zip64' };
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: little16(bytes, at + 10),
      encrypted: (little16(bytes, at + 8) & 1) === 1,
      compressedSize,
      size,
      localHeaderOffset,
    });
    at = next;
  }
  return { ok: true, entries };
}

/** The compressed bytes of one entry (after its local header), or undefined when they are not all there. */
export function zipEntryBytes<Buffer extends ArrayBufferLike>(
  bytes: Uint8Array<Buffer>,
  entry: ZipEntry,
): Uint8Array<Buffer> | undefined {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || little32(bytes, at) !== 0x04034b50) return undefined;
  const start = at + 30 + little16(bytes, at + 26) + little16(bytes, at + 28);
  const end = start + entry.compressedSize;
  return end > bytes.length ? undefined : bytes.subarray(start, end);
}

function zipKind(bytes: Uint8Array): FileKind {
  // An OpenDocument file starts with an uncompressed entry "mimetype" holding its type.
  if (startsWith(bytes, ascii('mimetype'), 30)) {
    const type = new TextDecoder().decode(bytes.subarray(38, 38 + 60));
    if (type.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  }
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return 'zip';
  const names = directory.entries.map((entry) => entry.name);
  if (!names.includes('[Content_Types].xml')) return 'zip';
  if (names.some((name) => name.startsWith('xl/'))) return 'xlsx';
  if (names.some((name) => name.startsWith('word/'))) return 'docx';
  if (names.some((name) => name.startsWith('ppt/'))) return 'pptx';
  return 'zip';
}

/** UTF-16 without a byte-order mark: ASCII characters leave a NUL in every other byte. */
function utf16ByNuls(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const pairs = Math.min(bytes.length, 8192) / 2;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  if (oddNuls >= pairs * 0.3 && evenNuls <= pairs * 0.02) return 'utf-16le';
  if (evenNuls >= pairs * 0.3 && oddNuls <= pairs * 0.02) return 'utf-16be';
  return undefined;
}

function isBinaryText(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, 65536);
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i] as number;
    if (byte === 0) return true;
    // Tab, line feed, form feed, carriage return and escape occur in text; the rest of C0 hardly.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b)
      controls++;
  }
  return controls > length * 0.01;
}

function sniffBytes(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    return bytes.length === 2 ? 'empty' : 'text';
  if (startsWith(bytes, utf8Bom)) return bytes.length === 3 ? 'empty' : 'text';
  if (startsWith(bytes, signatures.zip) || startsWith(bytes, signatures.emptyZip)) return zipKind(bytes);
  // PDF readers accept the header anywhere in the first kilobyte.
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, signatures.cfb)) return 'office-97';
  if (
    startsWith(bytes, signatures.png) ||
    startsWith(bytes, signatures.jpeg) ||
    startsWith(bytes, signatures.gif) ||
    (startsWith(bytes, signatures.riff) && startsWith(bytes, signatures.webp, 8)) ||
    startsWith(bytes, signatures.ftyp, 4) // HEIC photos from phones, also MP4 video
  )
    return 'image';
  if (utf16ByNuls(bytes)) return 'text';
  return isBinaryText(bytes) ? 'binary' : 'text';
}

const extensionKinds: Record<string, FileKind> = {
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  docx: 'docx',
  pptx: 'pptx',
  ods: 'ods',
  zip: 'zip',
  pdf: 'pdf',
  xls: 'office-97',
  doc: 'office-97',
  ppt: 'office-97',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  heic: 'image',
};

/**
 * What a file really is, by its bytes. `fileName` only gives `extension` and `renamed`:
 * a file named .csv, .txt or .json is expected to be text, .xlsx an XLSX, and so on.
 */
export function sniffFile(bytes: Uint8Array, fileName: string): SniffedFile {
  const kind = sniffBytes(bytes);
  const dot = fileName.lastIndexOf('.');
  const extension = dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
  const named = extensionKinds[extension] ?? (extension ? 'text' : undefined);
  const renamed = named !== undefined && kind !== 'empty' && named !== kind;
  return { kind, extension, renamed };
}

// Bytes 0x80–0xFF of Windows-1258 (U+FFFD where it has no character; 0xCC 0xD2 0xDE 0xEC 0xF2 are
// the combining tone marks), from glibc's CP1258.
// prettier-ignore
const windows1258 = String.fromCharCode(
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0xfffd, 0x2039, 0x0152, 0xfffd, 0xfffd, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0xfffd, 0x203a, 0x0153, 0xfffd, 0xfffd, 0x0178,
  0x00a0, 0x00a1, 0x00a2, 0x00a3, 0x00a4, 0x00a5, 0x00a6, 0x00a7, 0x00a8, 0x00a9, 0x00aa, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x00af,
  0x00b0, 0x00b1, 0x00b2, 0x00b3, 0x00b4, 0x00b5, 0x00b6, 0x00b7, 0x00b8, 0x00b9, 0x00ba, 0x00bb, 0x00bc, 0x00bd, 0x00be, 0x00bf,
  0x00c0, 0x00c1, 0x00c2, 0x0102, 0x00c4, 0x00c5, 0x00c6, 0x00c7, 0x00c8, 0x00c9, 0x00ca, 0x00cb, 0x0300, 0x00cd, 0x00ce, 0x00cf,
  0x0110, 0x00d1, 0x0309, 0x00d3, 0x00d4, 0x01a0, 0x00d6, 0x00d7, 0x00d8, 0x00d9, 0x00da, 0x00db, 0x00dc, 0x01af, 0x0303, 0x00df,
  0x00e0, 0x00e1, 0x00e2, 0x0103, 0x00e4, 0x00e5, 0x00e6, 0x00e7, 0x00e8, 0x00e9, 0x00ea, 0x00eb, 0x0301, 0x00ed, 0x00ee, 0x00ef,
  0x0111, 0x00f1, 0x0323, 0x00f3, 0x00f4, 0x01a1, 0x00f6, 0x00f7, 0x00f8, 0x00f9, 0x00fa, 0x00fb, 0x00fc, 0x01b0, 0x20ab, 0x00ff,
);

// Bytes 0x80–0xFF of TCVN 5712:1993 (glibc's TCVN5712-1). TCVN3, the ".VnTime" fonts' "ABC"
// encoding, is its 0xA1–0xFF part: Ă Â Ê Ô Ơ Ư Đ, the lower-case letters and the toned ones.
// prettier-ignore
const tcvn = String.fromCharCode(
  0x00c0, 0x1ea2, 0x00c3, 0x00c1, 0x1ea0, 0x1eb6, 0x1eac, 0x00c8, 0x1eba, 0x1ebc, 0x00c9, 0x1eb8, 0x1ec6, 0x00cc, 0x1ec8, 0x0128,
  0x00cd, 0x1eca, 0x00d2, 0x1ece, 0x00d5, 0x00d3, 0x1ecc, 0x1ed8, 0x1edc, 0x1ede, 0x1ee0, 0x1eda, 0x1ee2, 0x00d9, 0x1ee6, 0x0168,
  0x00a0, 0x0102, 0x00c2, 0x00ca, 0x00d4, 0x01a0, 0x01af, 0x0110, 0x0103, 0x00e2, 0x00ea, 0x00f4, 0x01a1, 0x01b0, 0x0111, 0x1eb0,
  0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00e0, 0x1ea3, 0x00e3, 0x00e1, 0x1ea1, 0x1eb2, 0x1eb1, 0x1eb3, 0x1eb5, 0x1eaf, 0x1eb4,
  0x1eae, 0x1ea6, 0x1ea8, 0x1eaa, 0x1ea4, 0x1ec0, 0x1eb7, 0x1ea7, 0x1ea9, 0x1eab, 0x1ea5, 0x1ead, 0x00e8, 0x1ec2, 0x1ebb, 0x1ebd,
  0x00e9, 0x1eb9, 0x1ec1, 0x1ec3, 0x1ec5, 0x1ebf, 0x1ec7, 0x00ec, 0x1ec9, 0x1ec4, 0x1ebe, 0x1ed2, 0x0129, 0x00ed, 0x1ecb, 0x00f2,
  0x1ed4, 0x1ecf, 0x00f5, 0x00f3, 0x1ecd, 0x1ed3, 0x1ed5, 0x1ed7, 0x1ed1, 0x1ed9, 0x1edd, 0x1edf, 0x1ee1, 0x1edb, 0x1ee3, 0x00f9,
  0x1ed6, 0x1ee7, 0x0169, 0x00fa, 0x1ee5, 0x1eeb, 0x1eed, 0x1eef, 0x1ee9, 0x1ef1, 0x1ef3, 0x1ef7, 0x1ef9, 0x00fd, 0x1ef5, 0x1ed0,
);

function decodeWith(table: string, bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : table[byte - 0x80];
  return text;
}

const toneMarks = /[\u0300\u0301\u0303\u0309\u0323]/g;
// A Vietnamese syllable without its tone: initial consonant, vowel nucleus, final consonant.
const syllable = new RegExp(
  '^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?' +
    '(?:a|ă|â|e|ê|i|o|ô|ơ|u|ư|y|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ôô|ua|uâ|uê|ui|uô|uơ|uy|' +
    'ưa|ưi|ươ|ưu|yê|iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uya|uyê|uyu)' +
    '(?:ch|ng|nh|c|m|n|p|t)?$',
);

/** Whether a word is a Vietnamese syllable: one of the known shapes, with at most one tone mark. */
function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLocaleLowerCase('vi').normalize('NFD');
  if ((decomposed.match(toneMarks)?.length ?? 0) > 1) return false;
  return syllable.test(decomposed.replace(toneMarks, '').normalize('NFC'));
}

/**
 * How much decoded text reads as Vietnamese: each word with a letter outside ASCII counts one
 * up when it is a Vietnamese syllable and one down when not; an undefined byte counts against.
 */
function vietnameseScore(text: string): number {
  let score = 0;
  for (const word of text.normalize('NFC').match(/[\p{L}\p{M}]+/gu) ?? []) {
    // eslint-disable-next-line no-control-regex
    if (/^[\x00-\x7f]*$/.test(word)) continue;
    score += isVietnameseSyllable(word) ? 1 : -1;
  }
  return score - 3 * (text.match(/\uFFFD/g)?.length ?? 0);
}

/**
 * Text that is not UTF-8: decoded both ways, the encoding whose words read as Vietnamese
 * syllables wins. Words in Windows-1258 keep their tone as a separate byte (a combining mark),
 * TCVN3 has precomposed letters, so the same bytes rarely make sense both ways.
 */
function eightBitKind(bytes: Uint8Array): 'windows-1258' | 'tcvn3' | 'unknown-8bit' {
  const sample = bytes.subarray(0, 262144);
  const asWindows = vietnameseScore(decodeWith(windows1258, sample));
  const asTcvn = vietnameseScore(decodeWith(tcvn, sample));
  // A tie (a word like "xã" reads as "xaị" in TCVN3) goes to Windows-1258, what Excel's "CSV"
  // writes on a Vietnamese Windows; TCVN3 text comes from the fonts of the 1990s.
  if (asWindows > 0 && asWindows >= asTcvn) return 'windows-1258';
  if (asTcvn > 0 && asTcvn > asWindows) return 'tcvn3';
  return 'unknown-8bit';
}

function decodeStrict(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The text of a file: UTF-8 with or without a byte-order mark, or UTF-16 (BOM, or BOM-less
 * recognised by its NUL bytes), without the BOM and NFC-normalised (Vietnamese typed on a Mac or
 * by some keyboards arrives decomposed). Anything else is refused with what it is.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const kind = sniffBytes(bytes);
  if (kind !== 'text') return { ok: false, kind };
  const done = (text: string | undefined, encoding: TextEncodingName): DecodedText => {
    if (text === undefined) return { ok: false, kind: 'binary' };
    if (text.includes('\u0000')) return { ok: false, kind: 'binary' };
    return { ok: true, text: text.normalize('NFC'), encoding };
  };
  if (startsWith(bytes, [0xff, 0xfe])) return done(decodeStrict('utf-16le', bytes.subarray(2)), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return done(decodeStrict('utf-16be', bytes.subarray(2)), 'utf-16be');
  const utf16 = utf16ByNuls(bytes);
  if (utf16) return done(decodeStrict(utf16, bytes), utf16);
  const bom = startsWith(bytes, utf8Bom);
  const text = decodeStrict('utf-8', bom ? bytes.subarray(3) : bytes);
  if (text !== undefined) return done(text, bom ? 'utf-8-bom' : 'utf-8');
  return { ok: false, kind: eightBitKind(bytes) };
}
