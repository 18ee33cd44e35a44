import { describe, expect, test } from 'vitest';
import { checkProfileInput } from '../../../src/lib/domain/profile';
import { makeProfile } from '../../builders';

describe('checkProfileInput', () => {
  test('A nickname and an optional group are all a profile needs', () => {
    expect(checkProfileInput({ nickname: 'Mai Anh', group: '' }, [])).toEqual([]);
    expect(checkProfileInput({ nickname: 'Mai Anh', group: '8A2' }, [])).toEqual([]);
  });

  test('A blank nickname is refused', () => {
    expect(checkProfileInput({ nickname: '   ', group: '' }, [])).toEqual(['nickname-missing']);
  });

  test('A nickname or group longer than 40 characters is refused', () => {
    const long = 'x'.repeat(41);
    expect(checkProfileInput({ nickname: long, group: long }, [])).toEqual([
      'nickname-too-long',
      'group-too-long',
    ]);
  });

  test('A nickname already on the device is refused, whatever its case, but not one differing in diacritics', () => {
    const existing = [makeProfile({ nickname: 'Tuấn' })];
    expect(checkProfileInput({ nickname: 'tuấn', group: '' }, existing)).toEqual(['nickname-taken']);
    expect(checkProfileInput({ nickname: 'Tuân', group: '' }, existing)).toEqual([]);
  });
});
