import { describe, expect, test } from 'vitest';
import { fileSlug } from '../../../src/lib/export/download';

describe('File names from what a user typed', () => {
  test('Diacritics, đ, spaces and punctuation become plain ASCII words joined by hyphens', () => {
    expect(fileSlug('Trường THCS Võ Cường')).toBe('truong-thcs-vo-cuong');
    expect(fileSlug('  Công đoàn KCN "Đình Trám" / Việt Yên?  ')).toBe('cong-doan-kcn-dinh-tram-viet-yen');
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
  });

  test('A long name is cut at the end of a word, never in the middle of one or on a hyphen', () => {
    const name = 'Công ty Trách nhiệm hữu hạn Điện tử Tân Hưng chi nhánh Khu công nghiệp Đình Trám';
    const slug = fileSlug(name, 40);
    expect(slug).toBe('cong-ty-trach-nhiem-huu-han-dien-tu-tan');
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(fileSlug('abc-def', 3)).toBe('abc');
    expect(fileSlug('abcdefgh', 5)).toBe('abcde');
  });

  test('A name with nothing usable left gives the fallback', () => {
    expect(fileSlug('???')).toBe('chung-tay');
    expect(fileSlug('中文', 40, 'don-vi')).toBe('don-vi');
  });
});
