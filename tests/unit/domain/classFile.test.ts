import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { readClassFile, readClassText } from '../../../src/features/schools/classFile';
import {
  bombXlsx,
  classRow,
  entityXlsx,
  claimSize,
  tallSheetXlsx,
  xlsxOf,
} from '../../fixtures/hostile-xlsx.mjs';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));
const file = (bytes: Uint8Array, name: string) => new File([bytes as Uint8Array<ArrayBuffer>], name);

/** Reads a file and measures how long the refusal (or the reading) took. */
async function timed(bytes: Uint8Array, name: string) {
  const started = performance.now();
  const result = await readClassFile(file(bytes, name), []);
  return { result, ms: performance.now() - started };
}

describe('Reading a class list from a file', () => {
  // Built once: 110,000 rows of ~1.1 kB take a few seconds to deflate.
  let bomb: Uint8Array;
  beforeAll(() => {
    bomb = bombXlsx();
  }, 60_000);

  test('A Windows-1258 CSV is refused with its encoding named, and a TCVN3 one likewise', async () => {
    expect(await readClassFile(file(fixture('lop-hoc-windows-1258.csv'), 'lop.csv'), [])).toEqual({
      ok: false,
      problems: [{ kind: 'encoding', encoding: 'windows-1258' }],
    });
    expect(await readClassFile(file(fixture('lop-hoc-tcvn3.csv'), 'lop.csv'), [])).toEqual({
      ok: false,
      problems: [{ kind: 'encoding', encoding: 'tcvn3' }],
    });
  });

  test("Excel's Unicode Text (UTF-16, tab-separated) gives the classes with their Vietnamese names", async () => {
    expect(await readClassFile(file(fixture('lop-hoc-utf16.csv'), 'lop.csv'), [])).toEqual({
      ok: true,
      classes: [
        { name: '10 Chuyên Ngữ văn', grade: '10', enrollment: 32 },
        { name: '10 Chuyên Toán', grade: '10', enrollment: 35 },
        { name: '11 Song ngữ Tiếng Anh', grade: '11', enrollment: 30 },
        { name: '12 Đội tuyển Lịch sử', grade: '12', enrollment: 28 },
      ],
    });
  });

  test("A school's XLSX is read through the checks, and an XLSX renamed .csv is still read as XLSX", async () => {
    for (const name of ['lop-hoc-thcs.xlsx', 'lop-hoc-thcs.csv']) {
      const result = await readClassFile(file(fixture('lop-hoc-thcs.xlsx'), name), []);
      expect(result.ok && result.classes.length, name).toBe(18);
      expect(result.ok && result.classes[0], name).toEqual({ name: '7A1', grade: '7', enrollment: 40 });
    }
  });

  test('A PDF, a Word file or a photo is refused as what it is, whatever its name', async () => {
    expect(await readClassFile(file(strToU8('%PDF-1.7\n1 0 obj'), 'lop.csv'), [])).toEqual({
      ok: false,
      problems: [{ kind: 'wrong-file', file: 'pdf' }],
    });
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8('<w/>'),
    });
    expect(await readClassFile(file(docx, 'lop.xlsx'), [])).toEqual({
      ok: false,
      problems: [{ kind: 'wrong-file', file: 'docx' }],
    });
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]);
    expect(await readClassFile(file(jpeg, 'lop.csv'), [])).toEqual({
      ok: false,
      problems: [{ kind: 'wrong-file', file: 'image' }],
    });
  });

  test('An XLSX whose XML defines entities is refused, so no class is named "&f;"', async () => {
    expect(await readClassFile(file(entityXlsx(), 'lop.xlsx'), [])).toEqual({
      ok: false,
      problems: [{ kind: 'xlsx-entities' }],
    });
  });

  test('A ~120 MB (unzipped) XLSX is refused from its zip directory, before anything is inflated', async () => {
    expect(bomb.length).toBeLessThan(3_000_000);
    const { result, ms } = await timed(bomb, 'lop.xlsx');
    expect(result).toEqual({ ok: false, problems: [{ kind: 'xlsx-too-large', maxMegabytes: 20 }] });
    expect(ms).toBeLessThan(200);
  });

  test('A zip bomb that declares a small size is stopped once it inflates past it', async () => {
    const { result, ms } = await timed(claimSize(bomb, 1024), 'lop.xlsx');
    expect(result).toEqual({ ok: false, problems: [{ kind: 'unreadable' }] });
    expect(ms).toBeLessThan(500);
  });

  test('A sheet of 110,000 rows under the size limit is refused at its first row past 2,000', async () => {
    const { result, ms } = await timed(tallSheetXlsx(), 'lop.xlsx');
    expect(result).toEqual({ ok: false, problems: [{ kind: 'sheet-too-many-rows', max: 2000 }] });
    expect(ms).toBeLessThan(1000);
  });

  test('A sheet with a value beyond column 100 is refused before a reader pads every row to it', async () => {
    const wide = xlsxOf(classRow(1, 'Lớp', 'Sĩ số') + '<row r="2"><c r="ZZ2"><v>1</v></c></row>');
    expect(await readClassFile(file(wide, 'lop.xlsx'), [])).toEqual({
      ok: false,
      problems: [{ kind: 'sheet-too-many-columns', max: 100 }],
    });
  });

  test('Pasted text goes through the same strict reading', async () => {
    expect(await readClassText('Lớp\tSĩ số\n6A1\t1e2\n', [])).toEqual({
      ok: false,
      problems: [{ kind: 'enrollment-not-number', row: 2, value: '1e2' }],
    });
  });
});
