import { describe, expect, test } from 'vitest';
import { maxClassRows, maxListedProblems, readClassList } from '../../../src/lib/domain/classList';

describe('Reading a class list from a spreadsheet', () => {
  test('Vietnamese headers under a title row give the classes, with the grade read or taken from the name', () => {
    const result = readClassList([
      ['Danh sách lớp năm học 2026–2027', '', ''],
      ['STT', 'Lớp', 'Sĩ số'],
      [1, '6A2', 34],
      [2, '6A1', '35'],
      [3, '7A1', ' 40 '],
    ]);
    expect(result).toEqual({
      ok: true,
      classes: [
        { name: '6A1', grade: '6', enrollment: 35 },
        { name: '6A2', grade: '6', enrollment: 34 },
        { name: '7A1', grade: '7', enrollment: 40 },
      ],
    });
  });

  test('Headers are matched without diacritics or case, and a grade column is used when present', () => {
    const result = readClassList([
      ['TEN LOP', 'Khoi', 'so hoc sinh'],
      ['Chuyên Toán', 'Khối 10', 30],
    ]);
    expect(result).toEqual({ ok: true, classes: [{ name: 'Chuyên Toán', grade: '10', enrollment: 30 }] });
  });

  test('Each bad row is reported with its row number and nothing is taken', () => {
    const result = readClassList(
      [
        ['Lớp', 'Sĩ số'],
        ['6A1', 35],
        ['', 30],
        ['6a1', 33],
        ['6A3', 'ba mươi'],
        ['6A4', -2],
        ['6A5', 31.5],
        ['6A6', ''],
        ['6A7', 900],
        ['8A1', 30],
      ],
      ['8A1'],
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { kind: 'empty-name', row: 3 },
        { kind: 'duplicate-name', row: 4, name: '6a1', firstRow: 2 },
        { kind: 'enrollment-not-number', row: 5, value: 'ba mươi' },
        { kind: 'enrollment-negative', row: 6 },
        { kind: 'enrollment-not-number', row: 7, value: '31.5' },
        { kind: 'enrollment-missing', row: 8 },
        { kind: 'enrollment-too-large', row: 9 },
        { kind: 'existing-name', row: 10, name: '8A1' },
      ],
    });
  });

  test('Wrong columns, an unexpected layout or an empty file are refused with the reason', () => {
    expect(
      readClassList([
        ['Lớp', 'Giáo viên chủ nhiệm'],
        ['6A1', 'Cô Lan'],
      ]),
    ).toEqual({
      ok: false,
      problems: [{ kind: 'missing-column', column: 'enrollment', row: 1 }],
    });
    expect(
      readClassList([
        ['Họ tên', 'Ngày sinh'],
        ['A', '2014-01-01'],
      ]),
    ).toEqual({
      ok: false,
      problems: [{ kind: 'no-header' }],
    });
    expect(readClassList([[], ['', '']])).toEqual({ ok: false, problems: [{ kind: 'empty' }] });
    expect(readClassList([['Lớp', 'Sĩ số']])).toEqual({ ok: false, problems: [{ kind: 'empty' }] });
  });

  test('An enrollment is plain decimal digits: exponents, hex, binary, spaced digits, decimals and other scripts are refused', () => {
    const loose = [
      '1e2',
      '0x1F',
      '0b100011',
      '0o43',
      '3 5',
      '35.0',
      '+35',
      '٣٥',
      '３５',
      '35 học sinh',
      'Infinity',
    ];
    const result = readClassList([['Lớp', 'Sĩ số'], ...loose.map((value, i) => [`6A${i + 1}`, value])]);
    expect(result).toEqual({
      ok: false,
      problems: loose.map((value, i) => ({ kind: 'enrollment-not-number', row: i + 2, value })),
    });
  });

  test('Digits with spaces around them, leading zeros and integer number cells are enrollments', () => {
    const result = readClassList([
      ['Lớp', 'Sĩ số'],
      ['6A1', '\u00a035 '],
      ['6A2', '035'],
      ['6A3', 35],
      ['6A4', 1e2],
    ]);
    expect(result).toMatchObject({
      ok: true,
      classes: [{ enrollment: 35 }, { enrollment: 35 }, { enrollment: 35 }, { enrollment: 100 }],
    });
  });

  test('A list longer than a school could have is refused at once, without a problem for each row', () => {
    const rows = Array.from({ length: 109_999 }, (_, i) => [`Lớp ${i}`, 'không phải số']);
    const started = performance.now();
    const result = readClassList([['Lớp', 'Sĩ số'], ...rows]);
    expect(result).toEqual({ ok: false, problems: [{ kind: 'too-many-rows', rows: 109_999 }] });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test(`At most ${maxListedProblems} problems are listed; the rest are counted`, () => {
    const rows = Array.from({ length: maxClassRows }, (_, i) => [`6A${i}`, 'ba mươi']);
    const result = readClassList([['Lớp', 'Sĩ số'], ...rows]);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(maxListedProblems + 1);
    expect(problems[0]).toEqual({ kind: 'enrollment-not-number', row: 2, value: 'ba mươi' });
    expect(problems.at(-1)).toEqual({ kind: 'more-problems', count: maxClassRows - maxListedProblems });
  });
});
