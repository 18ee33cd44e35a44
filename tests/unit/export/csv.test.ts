import { describe, expect, test } from 'vitest';
import { daysCell, shareCell, valueFor } from '../../../src/lib/export/cell';
import { csvCell, toCsv } from '../../../src/lib/export/csv';

describe('CSV for Excel', () => {
  test('The file starts with a byte-order mark and keeps Vietnamese text as it is, rows ending in CRLF', () => {
    const csv = toCsv([
      ['Lớp', 'Sĩ số'],
      ['6A1 – Trường THCS Nguyễn Du', 35],
    ]);
    expect(csv).toBe('\uFEFFLớp,Sĩ số\r\n6A1 – Trường THCS Nguyễn Du,35\r\n');
    expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
  });

  test('Commas, quotes and line breaks are quoted, quotes doubled', () => {
    expect(csvCell('Xã Tân Lập, huyện Đan Phượng')).toBe('"Xã Tân Lập, huyện Đan Phượng"');
    expect(csvCell('Câu lạc bộ "Tuổi trẻ phòng, chống ma túy"')).toBe(
      '"Câu lạc bộ ""Tuổi trẻ phòng, chống ma túy"""',
    );
    expect(csvCell('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a;b')).toBe('a;b');
  });

  test('Text starting with = + - @, a tab or a carriage return cannot run as a formula', () => {
    expect(['=1+1', '+84 912', '-5', '@SUM(A1)', '\tx', '\rx'].map((v) => csvCell(v))).toEqual([
      "'=1+1",
      "'+84 912",
      "'-5",
      "'@SUM(A1)",
      "'\tx",
      '"\'\rx"',
    ]);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  test('Whole numbers stay numbers, negative ones included; empty values are empty cells', () => {
    expect([csvCell(-3), csvCell(1234567), csvCell(null), csvCell(undefined), csvCell(Number.NaN)]).toEqual([
      '-3',
      '1234567',
      '',
      '',
      '',
    ]);
    expect(csvCell(true)).toBe('TRUE');
  });

  test('A fraction is refused, since a spreadsheet set to Vietnamese reads 44.4 as text and 0.444 as 444', () => {
    expect(() => csvCell(44.4)).toThrow(RangeError);
    expect(() => toCsv([['Tỷ lệ', 0.25]])).toThrow(/whole/);
  });

  test('A share is a whole percent and a day is ISO in the CSV, while the XLSX keeps one decimal and the day as shown', () => {
    const row = [shareCell(4 / 9), shareCell(null), daysCell(['2027-03-10', '2027-05-12'], (d) => `«${d}»`)];
    expect(toCsv([row], { bom: false })).toBe('44,,"2027-03-10, 2027-05-12"\r\n');
    expect(row.map((cell) => valueFor(cell, 'xlsx'))).toEqual([44.4, null, '«2027-03-10», «2027-05-12»']);
  });
});
