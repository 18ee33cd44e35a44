/**
 * Random draws for quizzes. The random source is passed in, so tests can use a seeded one
 * and sessions stay reproducible; the app passes `Math.random`.
 */

/** Returns a number in [0, 1), like `Math.random`. */
export type Random = () => number;

/** A shuffled copy (Fisher–Yates); the input is left as it was. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** `count` distinct items drawn at random, or all of them (shuffled) when there are fewer. */
export function draw<T>(items: readonly T[], count: number, random: Random): T[] {
  return shuffled(items, random).slice(0, Math.max(0, count));
}

/**
 * A small seeded generator (mulberry32) for tests and benchmarks that need the same
 * "random" sequence on every run.
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
