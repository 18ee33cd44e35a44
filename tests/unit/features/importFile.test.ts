import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { isRefusal, readQuestionFile } from '../../../src/features/banks/importFile';
import { parseQuestionText, type ImportResult } from '../../../src/lib/domain/questionImport';
import { bombXlsx, classRow, entityXlsx, tallSheetXlsx, xlsxOf } from '../../fixtures/hostile-xlsx.mjs';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));
const bank = (name: string) => fixture(`banks/${name}`);
const file = (bytes: Uint8Array, name: string) => new File([bytes as Uint8Array<ArrayBuffer>], name);

async function read(bytes: Uint8Array, name: string): Promise<ImportResult> {
  const result = await readQuestionFile(file(bytes, name));
  if (isRefusal(result)) throw new Error(`refused: ${result.refused}`);
  return result;
}

describe('Reading a question file', () => {
  test('A UTF-8 text file gives what the same text pasted gives', async () => {
    const bytes = bank('de-kiem-tra.azota.txt');
    const pasted = await parseQuestionText(new TextDecoder().decode(bytes));
    expect(await read(bytes, 'de-kiem-tra.txt')).toEqual(pasted);
    expect(pasted.questions).toHaveLength(8);
  });

  test('Notepad’s "Unicode" (UTF-16 with a BOM) gives the same Vietnamese questions as UTF-8', async () => {
    const utf8 = await read(bank('de-kiem-tra.azota.txt'), 'de.txt');
    expect(await read(bank('de-kiem-tra-utf16.azota.txt'), 'de.txt')).toEqual(utf8);
  });

  test('A GIFT file with a UTF-8 byte-order mark is read as GIFT', async () => {
    const gift = bank('phong-chong-ma-tuy.gift');
    const result = await read(new Uint8Array([0xef, 0xbb, 0xbf, ...gift]), 'ngan-hang.gift');
    expect(result.format).toBe('gift');
    expect(result.questions).toHaveLength(10);
  });

  test('A Windows-1258 file is refused with its encoding named, never read as mojibake; TCVN3 likewise', async () => {
    expect(await readQuestionFile(file(bank('de-kiem-tra-windows-1258.azota.txt'), 'de.txt'))).toEqual({
      refused: 'encoding',
      detail: 'windows-1258',
    });
    expect(await readQuestionFile(file(fixture('lop-hoc-tcvn3.csv'), 'de.txt'))).toEqual({
      refused: 'encoding',
      detail: 'tcvn3',
    });
  });

  test('Kahoot and Quizizz templates are told apart by their headers, even renamed', async () => {
    const kahoot = await read(bank('kahoot-template.xlsx'), 'kahoot.xlsx');
    expect(kahoot.format).toBe('kahoot');
    expect(kahoot.questions).toHaveLength(5);
    const quizizz = await read(bank('quizizz-template.xlsx'), 'cau-hoi.txt');
    expect(quizizz.format).toBe('quizizz');
    expect(quizizz.questions).toHaveLength(3);
    expect(quizizz.skipped).toHaveLength(3);
  });

  test('A spreadsheet that is neither template is refused as such', async () => {
    expect(await readQuestionFile(file(fixture('lop-hoc-thcs.xlsx'), 'lop.xlsx'))).toEqual({
      refused: 'not-a-template',
    });
  });

  test('A Word file, a PDF or a photo is refused as what it is, whatever its name', async () => {
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8('<w/>'),
    });
    expect(await readQuestionFile(file(docx, 'de.txt'))).toEqual({ refused: 'not-text', detail: 'docx' });
    expect(await readQuestionFile(file(strToU8('%PDF-1.7\n1 0 obj'), 'de.txt'))).toEqual({
      refused: 'not-text',
      detail: 'pdf',
    });
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]);
    expect(await readQuestionFile(file(jpeg, 'de.gift'))).toEqual({ refused: 'not-text', detail: 'image' });
  });

  test('An empty file, or one of blank lines, is refused as empty', async () => {
    expect(await readQuestionFile(file(new Uint8Array(), 'de.txt'))).toEqual({ refused: 'empty' });
    expect(await readQuestionFile(file(strToU8('\r\n \r\n'), 'de.txt'))).toEqual({ refused: 'empty' });
  });

  test('Files larger than a bank could be are refused unread', async () => {
    expect(await readQuestionFile(file(new Uint8Array(11 * 1024 * 1024), 'de.xlsx'))).toEqual({
      refused: 'too-large',
      detail: '10',
    });
    expect(await readQuestionFile(file(strToU8('Câu 1: a\n'.repeat(600_000)), 'de.txt'))).toEqual({
      refused: 'too-large',
      detail: '5',
    });
  });

  test('A hostile XLSX is refused by the class lists’ checks: entities, a zip bomb, too many rows or columns', async () => {
    expect(await readQuestionFile(file(entityXlsx(), 'de.xlsx'))).toEqual({ refused: 'xlsx-entities' });
    expect(await readQuestionFile(file(bombXlsx(), 'de.xlsx'))).toEqual({
      refused: 'xlsx-too-large',
      detail: '20',
    });
    expect(await readQuestionFile(file(tallSheetXlsx(), 'de.xlsx'))).toEqual({
      refused: 'sheet-too-many-rows',
      detail: '2000',
    });
    const wide = xlsxOf(classRow(1, 'Question', 'Answer 1') + '<row r="2"><c r="ZZ2"><v>1</v></c></row>');
    expect(await readQuestionFile(file(wide, 'de.xlsx'))).toEqual({
      refused: 'sheet-too-many-columns',
      detail: '100',
    });
  }, 60_000);

  test('The format the user chose is passed on to the text reader', async () => {
    const aiken = await readQuestionFile(
      file(strToU8('Câu 1: Q?\nA. a\nB. b\nANSWER: B\n'), 'de.txt'),
      'aiken',
    );
    expect(!isRefusal(aiken) && aiken.format).toBe('aiken');
  });
});
