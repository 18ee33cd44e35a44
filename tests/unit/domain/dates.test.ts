import { describe, expect, test } from 'vitest';
import { addDays, documentDate, documentDateParts } from '../../../src/lib/domain/dates';

describe('Dates in a Vietnamese administrative document (Nghị định 30/2020)', () => {
  test('Days 1 to 9 take a leading zero', () => {
    for (let day = 1; day <= 9; day++)
      expect(documentDateParts(`2027-06-0${day}`).day, `day ${day}`).toBe(`0${day}`);
  });

  test('Days 10 to 31 are written as they are', () => {
    for (let day = 10; day <= 31; day++)
      expect(documentDateParts(`2027-07-${day}`).day, `day ${day}`).toBe(String(day));
  });

  test('January and February take a leading zero; March to December do not', () => {
    const months = Array.from(
      { length: 12 },
      (_, i) => documentDateParts(`2027-${String(i + 1).padStart(2, '0')}-15`).month,
    );
    expect(months).toEqual(['01', '02', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
  });

  test('The year is written in full', () => {
    expect(documentDateParts('2026-06-10')).toEqual({ day: '10', month: '6', year: '2026' });
    expect(documentDateParts('2027-01-05')).toEqual({ day: '05', month: '01', year: '2027' });
    expect(documentDateParts('2027-12-31')).toEqual({ day: '31', month: '12', year: '2027' });
  });

  test('The short form follows the same rule, as the seed plans write "từ ngày 01/6/2024 đến hết ngày 30/6/2024"', () => {
    expect(documentDate('2024-06-01')).toBe('01/6/2024');
    expect(documentDate('2024-06-30')).toBe('30/6/2024');
    expect(documentDate('2024-07-01')).toBe('01/7/2024');
    expect(documentDate('2025-02-09')).toBe('09/02/2025');
    expect(documentDate('2025-11-20')).toBe('20/11/2025');
  });
});

describe('Moving a day', () => {
  test('Whole days forward and back cross months, years and 29 February', () => {
    expect(addDays('2027-06-01', 12)).toBe('2027-06-13');
    expect(addDays('2027-06-30', 1)).toBe('2027-07-01');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2027-06-26', 0)).toBe('2027-06-26');
  });
});
