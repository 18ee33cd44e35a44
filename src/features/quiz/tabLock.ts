/**
 * One tab at a time per learner's quiz: two tabs answering the same quiz would overwrite
 * each other's answers. Uses the Web Locks API where the browser has it.
 */

/** Holds the lock until `release` is called; returns null when another tab holds it. */
export async function tryHoldLock(name: string): Promise<{ release: () => void } | null> {
  if (!navigator.locks) return { release: () => undefined };
  return new Promise((resolve) => {
    void navigator.locks.request(name, { ifAvailable: true }, (lock) => {
      if (!lock) {
        resolve(null);
        return undefined;
      }
      return new Promise<void>((release) => resolve({ release }));
    });
  });
}
