import { describe, expect, test } from 'vitest';
import { checkFreeSpace, neededFor } from '../../../src/lib/storage/space';

/** A private file system whose disk takes `free` more bytes, and what is left in it. */
function fakeStorage({ quota, usage = 0, free }: { quota?: number; usage?: number; free?: number }) {
  const files = new Set<string>();
  let used = 0;
  const storage = {
    estimate: async () => (quota === undefined ? {} : { quota, usage }),
    ...(free === undefined
      ? {}
      : {
          getDirectory: async () =>
            ({
              getFileHandle: async (name: string) => {
                files.add(name);
                return {
                  createWritable: async () => ({
                    write: async (chunk: Uint8Array) => {
                      if (used + chunk.byteLength > free)
                        throw new DOMException('No space left', 'QuotaExceededError');
                      used += chunk.byteLength;
                    },
                    close: async () => undefined,
                    abort: async () => undefined,
                  }),
                };
              },
              removeEntry: async (name: string) => {
                files.delete(name);
                used = 0;
              },
            }) as unknown as FileSystemDirectoryHandle,
        }),
  };
  return { storage, files };
}

describe('checkFreeSpace', () => {
  test('A write that fits the quota and the disk goes ahead, and leaves no scratch file', async () => {
    const { storage, files } = fakeStorage({ quota: 1e9, free: 50e6 });
    expect(await checkFreeSpace(20e6, storage)).toEqual({ ok: true });
    expect(files.size).toBe(0);
  });

  test('A write beyond the quota is refused with the needed and available sizes', async () => {
    const { storage } = fakeStorage({ quota: 30e6, usage: 10e6, free: 1e9 });
    expect(await checkFreeSpace(25e6, storage)).toEqual({ ok: false, needed: 25e6, available: 20e6 });
  });

  test('A write the quota allows but the disk has no room for is refused with what the disk took', async () => {
    // Chromium's quota follows the disk's size, not its free space.
    const mb = 1024 * 1024;
    const { storage, files } = fakeStorage({ quota: 1024 * mb, free: 35 * mb });
    expect(await checkFreeSpace(56 * mb, storage)).toEqual({
      ok: false,
      needed: 56 * mb,
      available: 35 * mb,
    });
    expect(files.size).toBe(0);
  });

  test('When the browser can say nothing, the write goes ahead', async () => {
    expect(await checkFreeSpace(1e12, fakeStorage({}).storage)).toEqual({ ok: true });
    expect(await checkFreeSpace(1e12, undefined)).toEqual({ ok: true });
  });
});

test('A write is taken to need five times its JSON on disk, and 8 MB to spare', () => {
  expect(neededFor(16 * 1024 * 1024)).toBe(88 * 1024 * 1024);
});
