import { describe, expect, test } from 'vitest';
import { draw, seededRandom, shuffled } from '../../../src/lib/domain/random';

describe('random draws', () => {
  test('A draw returns the asked number of distinct items from the pool', () => {
    const pool = Array.from({ length: 50 }, (_, i) => i);
    const picked = draw(pool, 15, seededRandom(7));
    expect(picked).toHaveLength(15);
    expect(new Set(picked).size).toBe(15);
    for (const item of picked) expect(pool).toContain(item);
  });

  test('A draw larger than the pool returns the whole pool', () => {
    expect(draw([1, 2, 3], 10, seededRandom(1)).sort()).toEqual([1, 2, 3]);
  });

  test('Shuffling leaves the input untouched and keeps every item', () => {
    const input = [1, 2, 3, 4, 5];
    const out = shuffled(input, seededRandom(3));
    expect(input).toEqual([1, 2, 3, 4, 5]);
    expect([...out].sort()).toEqual(input);
  });

  test('The same seed gives the same sequence, another seed a different one', () => {
    const pool = Array.from({ length: 30 }, (_, i) => i);
    expect(draw(pool, 10, seededRandom(42))).toEqual(draw(pool, 10, seededRandom(42)));
    expect(draw(pool, 10, seededRandom(42))).not.toEqual(draw(pool, 10, seededRandom(43)));
  });

  test('Every item can come first, so draws are not biased towards the start of the bank', () => {
    const random = seededRandom(9);
    const firsts = new Set<number>();
    for (let i = 0; i < 500; i++) firsts.add(shuffled([0, 1, 2, 3, 4], random)[0] as number);
    expect([...firsts].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
