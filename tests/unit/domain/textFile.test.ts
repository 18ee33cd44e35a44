import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { decodeText, readZipDirectory, sniffFile } from '../../../src/lib/domain/textFile';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));
const hex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));
const bytes = (...parts: Array<number[] | Uint8Array | string>) =>
  Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : [...part])),
  );
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string) => utf16le(text).map((_, i, all) => all[i ^ 1] as number);

const list = 'Tên lớp,Sĩ số\r\n10 Chuyên Toán,35\r\n12 Đội tuyển Lịch sử,28\r\n';

describe('Decoding a text file', () => {
  test('UTF-8 is read with or without a byte-order mark, and the mark is not part of the text', () => {
    expect(decodeText(bytes(list))).toEqual({ ok: true, text: list, encoding: 'utf-8' });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], list))).toEqual({
      ok: true,
      text: list,
      encoding: 'utf-8-bom',
    });
  });

  test('Decomposed Vietnamese (a Mac, some keyboards) comes back composed (NFC)', () => {
    const decomposed = list.normalize('NFD');
    expect(decomposed).not.toBe(list);
    expect(decodeText(bytes(decomposed))).toEqual({ ok: true, text: list, encoding: 'utf-8' });
  });

  test('UTF-16 is read in either byte order, with a byte-order mark or recognised by its NUL bytes', () => {
    expect(decodeText(bytes([0xff, 0xfe], utf16le(list)))).toEqual({
      ok: true,
      text: list,
      encoding: 'utf-16le',
    });
    expect(decodeText(bytes([0xfe, 0xff], utf16be(list)))).toEqual({
      ok: true,
      text: list,
      encoding: 'utf-16be',
    });
    expect(decodeText(utf16le(list))).toEqual({ ok: true, text: list, encoding: 'utf-16le' });
    expect(decodeText(utf16be(list))).toEqual({ ok: true, text: list, encoding: 'utf-16be' });
  });

  test("Excel's Unicode Text (UTF-16LE, tab-separated) keeps the Vietnamese class names", () => {
    const decoded = decodeText(fixture('lop-hoc-utf16.csv'));
    expect(decoded.ok && decoded.encoding).toBe('utf-16le');
    expect(decoded.ok && decoded.text).toContain('11 Song ngữ Tiếng Anh\t11\t30');
  });

  test('A Windows-1258 file (its tones as separate combining bytes) is refused as Windows-1258', () => {
    expect(decodeText(fixture('lop-hoc-windows-1258.csv'))).toEqual({ ok: false, kind: 'windows-1258' });
    // "Lớp;Sĩ số" alone: ơ (0xF5) + acute (0xEC), i + tilde (0xDE), ô (0xF4) + acute.
    expect(decodeText(hex('4cf5ec703b5369de2073f4ec'))).toEqual({ ok: false, kind: 'windows-1258' });
    // "Xã Ia Grai": one tone byte, which TCVN3 would read as "ị" ("Xaị"): a tie goes to Windows-1258.
    expect(decodeText(hex('5861de2049612047726169'))).toEqual({ ok: false, kind: 'windows-1258' });
  });

  test('A TCVN3 (ABC) file, precomposed letters in 0xA1–0xFF, is refused as TCVN3', () => {
    expect(decodeText(fixture('lop-hoc-tcvn3.csv'))).toEqual({ ok: false, kind: 'tcvn3' });
    // "Lớp;Sĩ số": ớ 0xED, ĩ 0xDC, ố 0xE8.
    expect(decodeText(hex('4ced703b53dc2073e8'))).toEqual({ ok: false, kind: 'tcvn3' });
  });

  test('Other 8-bit text, such as Latin-1 French, is refused as an unknown 8-bit encoding', () => {
    expect(decodeText(bytes('caf', [0xe9], ' cr', [0xe8], 'me'))).toEqual({
      ok: false,
      kind: 'unknown-8bit',
    });
  });

  test('Bytes that are not text are refused with what they are', () => {
    expect(decodeText(new Uint8Array())).toEqual({ ok: false, kind: 'empty' });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf]))).toEqual({ ok: false, kind: 'empty' });
    expect(decodeText(fixture('lop-hoc-thcs.xlsx'))).toEqual({ ok: false, kind: 'xlsx' });
    expect(decodeText(bytes('%PDF-1.7\n%\xe2\xe3\n1 0 obj'))).toEqual({ ok: false, kind: 'pdf' });
    expect(decodeText(bytes('Lớp,Sĩ số\n', [0, 0, 0, 1, 2], '6A1,35'))).toEqual({
      ok: false,
      kind: 'binary',
    });
  });
});

describe('Telling what a file really is', () => {
  const officeZip = (folder: string) =>
    zipSync({ '[Content_Types].xml': strToU8('<Types/>'), [`${folder}/document.xml`]: strToU8('<x/>') });

  test('An XLSX is an XLSX whatever its name, and a renamed one says so', () => {
    expect(sniffFile(fixture('lop-hoc-thcs.xlsx'), 'lop.xlsx')).toEqual({
      kind: 'xlsx',
      extension: 'xlsx',
      renamed: false,
    });
    expect(sniffFile(fixture('lop-hoc-thcs.xlsx'), 'Lop.CSV')).toEqual({
      kind: 'xlsx',
      extension: 'csv',
      renamed: true,
    });
    expect(sniffFile(fixture('lop-hoc-thcs.xlsx'), 'bao-cao.json')).toMatchObject({
      kind: 'xlsx',
      renamed: true,
    });
  });

  test('Word, PowerPoint, OpenDocument and other zips are told apart by their entries', () => {
    expect(sniffFile(officeZip('word'), 'a.docx').kind).toBe('docx');
    expect(sniffFile(officeZip('ppt'), 'a.pptx').kind).toBe('pptx');
    expect(sniffFile(zipSync({ 'photo.jpg': strToU8('not really') }), 'a.zip').kind).toBe('zip');
    const ods = zipSync(
      {
        mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
        'content.xml': strToU8('<office:document-content/>'),
      },
      {},
    );
    expect(sniffFile(ods, 'lop.ods').kind).toBe('ods');
  });

  test('PDF, Office 97–2003, pictures and other binary files are named, and text is text', () => {
    expect(sniffFile(bytes('%PDF-1.4\n'), 'lop.csv')).toEqual({
      kind: 'pdf',
      extension: 'csv',
      renamed: true,
    });
    expect(sniffFile(hex('d0cf11e0a1b11ae1000000'), 'lop.xls')).toMatchObject({
      kind: 'office-97',
      renamed: false,
    });
    expect(sniffFile(hex('89504e470d0a1a0a0000000d'), 'lop.png').kind).toBe('image');
    expect(sniffFile(hex('ffd8ffe000104a464946'), 'anh.jpg').kind).toBe('image');
    expect(sniffFile(bytes([1, 2, 3, 0, 0, 9]), 'data.bin').kind).toBe('binary');
    expect(sniffFile(bytes(list), 'lop.csv')).toEqual({ kind: 'text', extension: 'csv', renamed: false });
    expect(sniffFile(utf16le(list), 'lop.csv').kind).toBe('text');
    expect(sniffFile(new Uint8Array(), 'lop.csv')).toEqual({
      kind: 'empty',
      extension: 'csv',
      renamed: false,
    });
  });

  test("A zip's directory gives its entries and their declared sizes without inflating them", () => {
    const zip = zipSync({ 'a.xml': strToU8('x'.repeat(5000)), 'b/c.rels': strToU8('yz') });
    const directory = readZipDirectory(zip);
    expect(directory).toMatchObject({
      ok: true,
      entries: [
        { name: 'a.xml', method: 8, size: 5000, encrypted: false },
        { name: 'b/c.rels', size: 2 },
      ],
    });
    expect(readZipDirectory(zip.subarray(0, zip.length - 30))).toEqual({ ok: false, reason: 'damaged' });
    expect(readZipDirectory(bytes(list))).toEqual({ ok: false, reason: 'not-zip' });
  });
});
