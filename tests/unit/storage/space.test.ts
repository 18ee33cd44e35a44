import { describe, expect, test } from 'vitest';
import { checkFreeSpace, isLargeWrite, neededFor } from '../../../src/lib/storage/space';

const storage = (estimate: StorageEstimate) => ({ estimate: async () => estimate });

describe('checkFreeSpace', () => {
  test('A write that fits what the browser allows goes ahead', async () => {
    expect(await checkFreeSpace(20e6, storage({ quota: 1e9, usage: 0 }))).toEqual({ ok: true });
  });

  test('A write beyond the quota is refused with the needed and available sizes', async () => {
    expect(await checkFreeSpace(25e6, storage({ quota: 30e6, usage: 10e6 }))).toEqual({
      ok: false,
      needed: 25e6,
      available: 20e6,
    });
  });

  test('A browser that cannot say lets the write go ahead (its failure is still all or nothing)', async () => {
    expect(await checkFreeSpace(25e6, undefined)).toEqual({ ok: true });
    expect(await checkFreeSpace(25e6, storage({}))).toEqual({ ok: true });
    const failing = { estimate: () => Promise.reject(new Error('no')) };
    expect(await checkFreeSpace(25e6, failing)).toEqual({ ok: true });
  });
});

describe('What a write needs', () => {
  test('A write needs five times its JSON (measured 4.2 in Chromium) and a margin of 8 MB', () => {
    expect(neededFor(0)).toBe(8 * 1024 * 1024);
    expect(neededFor(10e6)).toBe(50e6 + 8 * 1024 * 1024);
  });

  test('Files of 2 MB or more are a large write, told and offered a backup first', () => {
    expect(isLargeWrite(2 * 1024 * 1024 - 1)).toBe(false);
    expect(isLargeWrite(2 * 1024 * 1024)).toBe(true);
  });
});
