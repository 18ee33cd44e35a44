import { describe, expect, test } from 'vitest';
import { statisticsFileName } from '../../../src/features/statistics/statisticsExport';
import { noFilter } from '../../../src/lib/domain/statistics';
import { makeUnit } from '../../builders';

describe('The statistics export’s file name', () => {
  const zone = makeUnit({ name: 'KCN Đình Trám', kind: 'industrial-zone' });
  const long = makeUnit({
    name: 'Công ty Trách nhiệm hữu hạn Điện tử Tân Hưng – chi nhánh Bắc Giang (cũ: Việt Yên)',
    parentId: zone.id,
  });
  const school = makeUnit({ name: 'Trường THCS Võ Cường', kind: 'school' });
  const class6A1 = makeUnit({ name: '6A1', kind: 'class', parentId: school.id });
  const units = [zone, long, school, class6A1];
  const now = new Date('2027-07-01T09:00:00');

  test('With all units it says so, whatever unit the records happen to share', () => {
    expect(statisticsFileName(noFilter, units, now, false)).toBe('thong-ke-tat-ca-don-vi-2027-07-01');
    expect(statisticsFileName(noFilter, units, now, true)).toBe('thong-ke-tat-ca-don-vi-2027-07-01-chi-tiet');
  });

  test('A unit filtered on is named without diacritics or punctuation, cut at a word within 40 characters', () => {
    expect(statisticsFileName({ ...noFilter, unitId: zone.id }, units, now, false)).toBe(
      'thong-ke-kcn-dinh-tram-2027-07-01',
    );
    const name = statisticsFileName({ ...noFilter, unitId: long.id }, units, now, false);
    expect(name).toBe('thong-ke-cong-ty-trach-nhiem-huu-han-dien-tu-tan-2027-07-01');
    expect(name).toMatch(/^[a-z0-9-]+$/);
    // A class is named with its school, as the filter shows it.
    expect(statisticsFileName({ ...noFilter, unitId: class6A1.id }, units, now, false)).toBe(
      'thong-ke-6a1-truong-thcs-vo-cuong-2027-07-01',
    );
  });

  test('The audience, the kind and the period chosen are in the name', () => {
    expect(
      statisticsFileName(
        { from: '2027-03-01', to: '2027-05-31', unitId: zone.id, audience: 'workers', kind: 'session' },
        units,
        now,
        true,
      ),
    ).toBe(
      'thong-ke-kcn-dinh-tram-cong-nhan-buoi-sinh-hoat-tu-2027-03-01-den-2027-05-31-2027-07-01-chi-tiet',
    );
  });
});
