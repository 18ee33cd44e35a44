import { describe, expect, test } from 'vitest';
import { foldForSearch, matchesQuery } from '../../src/lib/text';

describe('search', () => {
  test('Folding removes Vietnamese tone and vowel marks, đ and case', () => {
    expect(foldForSearch('Ma túy “núp bóng” ĐỒ UỐNG')).toBe('ma tuy nup bong do uong');
    expect(foldForSearch('Thuốc lá điện tử')).toBe('thuoc la dien tu');
  });

  test('A query without diacritics finds text with them, and the other way round', () => {
    const text = foldForSearch('Nhận biết ma túy “núp bóng” trong bánh kẹo');
    expect(matchesQuery(text, 'ma tuy nup bong')).toBe(true);
    expect(matchesQuery(text, 'MA TÚY NÚP BÓNG')).toBe(true);
    expect(matchesQuery(text, 'núp bóng kẹo')).toBe(true);
  });

  test('Every word must appear, in any order', () => {
    const text = foldForSearch('Kỹ năng từ chối khi bạn bè rủ rê');
    expect(matchesQuery(text, 'ban be tu choi')).toBe(true);
    expect(matchesQuery(text, 'tu choi ca dem')).toBe(false);
  });

  test('Words are matched from their start, so a short query does not hit inside other words', () => {
    const text = foldForSearch('cai nghiện tự nguyện');
    expect(matchesQuery(text, 'nghien')).toBe(true);
    expect(matchesQuery(text, 'ghien')).toBe(false);
  });

  test('An empty query matches everything', () => {
    expect(matchesQuery(foldForSearch('bất kỳ'), '   ')).toBe(true);
  });
});
