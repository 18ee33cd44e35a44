import { describe, expect, test } from 'vitest';
import {
  addFrame,
  answerFromCorners,
  cardChoices,
  countChoices,
  emptyReadings,
  isCardNumber,
  moveCardCounts,
  type CardAnswer,
  type CardReadings,
  type Point,
} from '../../../src/lib/domain/cards';

/**
 * A marker's corners, clockwise from its printed top-left, as a camera sees it turned `degrees`
 * anticlockwise (screen y grows downwards), `size` px wide, its top-left at (x, y).
 */
function corners(degrees: number, { x = 200, y = 100, size = 40 } = {}): Point[] {
  const r = (degrees * Math.PI) / 180;
  const along = { x: Math.cos(r) * size, y: -Math.sin(r) * size }; // the printed top edge
  const down = { x: Math.sin(r) * size, y: Math.cos(r) * size }; // the printed left edge
  return [
    { x, y },
    { x: x + along.x, y: y + along.y },
    { x: x + along.x + down.x, y: y + along.y + down.y },
    { x: x + down.x, y: y + down.y },
  ];
}

const A = 0;
const B = 1;
const C = 2;
const D = 3;
const read = (card: number, answer: CardAnswer) => ({ card, answer });
/** The readings after each frame in turn. */
const frames = (...reads: ReturnType<typeof read>[][]): CardReadings =>
  reads.reduce<CardReadings>((readings, frame) => addFrame(readings, frame), emptyReadings());

describe('Which answer a card shows', () => {
  test('A card as printed is A; a quarter turn anticlockwise is B; upside down is C; a quarter turn clockwise is D', () => {
    expect(answerFromCorners(corners(0))).toBe(A);
    expect(answerFromCorners(corners(90))).toBe(B);
    expect(answerFromCorners(corners(180))).toBe(C);
    expect(answerFromCorners(corners(-90))).toBe(D);
    expect(answerFromCorners(corners(270))).toBe(D);
  });

  test('A card held at a slant counts for the nearest quarter turn, on either side of it', () => {
    expect(answerFromCorners(corners(20))).toBe(A);
    expect(answerFromCorners(corners(-30))).toBe(A);
    expect(answerFromCorners(corners(90 + 34))).toBe(B);
    expect(answerFromCorners(corners(180 - 25))).toBe(C);
    expect(answerFromCorners(corners(-180 + 25))).toBe(C);
    expect(answerFromCorners(corners(-90 + 30))).toBe(D);
  });

  test('A card near the diagonal (within 10° of 45°) is not read, since it could be either answer', () => {
    for (const degrees of [36, 40, 45, 50, 54, 135, -45, -135, 225]) {
      expect(answerFromCorners(corners(degrees)), `${degrees}°`).toBeNull();
    }
    // Just outside that band, the nearest quarter turn.
    expect(answerFromCorners(corners(34))).toBe(A);
    expect(answerFromCorners(corners(56))).toBe(B);
  });

  test('Only the direction of the printed top edge counts: not where the card is, its size or its perspective', () => {
    expect(answerFromCorners(corners(90, { x: 5, y: 700, size: 160 }))).toBe(B);
    // Seen at an angle: the far side shorter, the top edge still pointing right.
    const tilted = [
      { x: 10, y: 10 },
      { x: 50, y: 16 },
      { x: 50, y: 44 },
      { x: 10, y: 50 },
    ];
    expect(answerFromCorners(tilted)).toBe(A);
  });

  test('Fewer than two corners give no answer', () => {
    expect(answerFromCorners([])).toBeNull();
    expect(answerFromCorners([{ x: 1, y: 1 }])).toBeNull();
  });
});

describe('When a card’s answer is trusted', () => {
  test('One read of a card does not count; a second read that agrees makes it the card’s answer', () => {
    const once = frames([read(7, B)]);
    expect(once.answers.size).toBe(0);
    expect(once.pending.get(7)).toBe(B);
    const twice = addFrame(once, [read(7, B)]);
    expect([...twice.answers]).toEqual([[7, B]]);
  });

  test('Reads that keep changing (a card being turned) never count', () => {
    const readings = frames([read(3, A)], [read(3, B)], [read(3, A)], [read(3, B)], [read(3, C)]);
    expect(readings.answers.size).toBe(0);
    expect(readings.pending.get(3)).toBe(C);
  });

  test('A read that differs waits; the next read that agrees with it counts', () => {
    const readings = frames([read(3, A)], [read(3, B)], [read(3, B)]);
    expect(readings.answers.get(3)).toBe(B);
  });

  test('A changed answer needs two agreeing reads, and then replaces the old one', () => {
    const answeredA = frames([read(12, A)], [read(12, A)]);
    const onceD = addFrame(answeredA, [read(12, D)]);
    expect(onceD.answers.get(12)).toBe(A);
    const twiceD = addFrame(onceD, [read(12, D)]);
    expect(twiceD.answers.get(12)).toBe(D);
    expect(twiceD.answers.size).toBe(1);
  });

  test('A card is confirmed by its next read even when frames in between did not see it', () => {
    const readings = frames([read(5, C)], [], [read(6, A)], [read(5, C)]);
    expect(readings.answers.get(5)).toBe(C);
    expect(readings.answers.has(6)).toBe(false);
  });

  test('Cards in the same frame are judged each on its own reads', () => {
    const readings = frames([read(1, A), read(2, B), read(3, C)], [read(1, A), read(2, C), read(3, C)]);
    expect(Object.fromEntries(readings.answers)).toEqual({ 1: A, 3: C });
    expect(readings.pending.get(2)).toBe(C);
  });

  test('Numbers that are not cards of the set (0, 61, fractions) are ignored', () => {
    const readings = frames([read(0, A), read(61, A), read(1.5, A)], [read(0, A), read(61, A), read(1.5, A)]);
    expect(readings.answers.size).toBe(0);
    expect(readings.pending.size).toBe(0);
    expect(isCardNumber(1)).toBe(true);
    expect(isCardNumber(60)).toBe(true);
    expect(isCardNumber(0)).toBe(false);
    expect(isCardNumber(61)).toBe(false);
    expect(isCardNumber(2.5)).toBe(false);
  });

  test('When a frame changes nothing, the same readings come back, so the screen need not redraw', () => {
    const start = emptyReadings();
    expect(addFrame(start, [])).toBe(start);
    expect(addFrame(start, [read(99, A)])).toBe(start);
    const answered = frames([read(4, B)], [read(4, B)]);
    expect(addFrame(answered, [read(4, B)])).toBe(answered);
    expect(addFrame(answered, [])).toBe(answered);
  });

  test('A frame never changes the readings it was given', () => {
    const before = frames([read(4, B)]);
    const after = addFrame(before, [read(4, B), read(8, D)]);
    expect(after).not.toBe(before);
    expect(before.answers.size).toBe(0);
    expect([...before.pending]).toEqual([[4, B]]);
    expect(after.answers.get(4)).toBe(B);
    expect(after.pending.get(8)).toBe(D);
  });

  test('Readings can start from answers already known (a scan resumed), with nothing pending', () => {
    const known = new Map<number, CardAnswer>([[9, C]]);
    const readings = emptyReadings(known);
    expect(readings.answers.get(9)).toBe(C);
    expect(readings.pending.size).toBe(0);
    expect(addFrame(readings, [read(9, A)]).answers.get(9)).toBe(C);
  });
});

describe('From answers to the question’s options and the room’s tallies', () => {
  const fourOptions = ['a', 'b', 'c', 'd'];
  const answers = new Map<number, CardAnswer>([
    [1, A],
    [2, B],
    [3, C],
    [4, D],
    [5, A],
  ]);

  test('A is the first option, B the second, C the third and D the fourth, by card number', () => {
    expect(cardChoices(answers, fourOptions)).toStrictEqual({ 1: 'a', 2: 'b', 3: 'c', 4: 'd', 5: 'a' });
  });

  test('For a true/false question A is "true" and B is "false"; a C or D shown is left out', () => {
    expect(cardChoices(answers, ['true', 'false'])).toStrictEqual({ 1: 'true', 2: 'false', 5: 'true' });
  });

  test('For a question of three options a D shown is left out', () => {
    expect(cardChoices(answers, ['x', 'y', 'z'])).toStrictEqual({ 1: 'x', 2: 'y', 3: 'z', 5: 'x' });
  });

  test('No cards read give no choices', () => {
    expect(cardChoices(new Map(), fourOptions)).toEqual({});
  });

  test('Choices are counted by option', () => {
    expect(countChoices({ 1: 'a', 2: 'b', 5: 'a' })).toEqual({ a: 2, b: 1 });
    expect(countChoices({})).toEqual({});
  });

  test('When the cards’ answers change, their part of the tallies moves and the hand counts stay', () => {
    // 3 hands counted for a and 4 for d, plus two cards on a.
    const tallies = { a: 5, b: 0, d: 4 };
    const before = { 1: 'a', 2: 'a' };
    const after = { 1: 'a', 2: 'b', 3: 'c' };
    expect(moveCardCounts(tallies, before, after)).toEqual({ a: 4, b: 1, c: 1, d: 4 });
  });

  test('Cards read for the first time add to the hand counts', () => {
    expect(moveCardCounts({ true: 3, false: 2 }, {}, { 7: 'true', 8: 'false', 9: 'false' })).toEqual({
      true: 4,
      false: 4,
    });
  });

  test('A count never goes below zero when the facilitator lowered it by hand meanwhile', () => {
    // Two cards said a, but the facilitator has since set a to 1.
    expect(moveCardCounts({ a: 1, b: 0 }, { 1: 'a', 2: 'a' }, {})).toEqual({ a: 0, b: 0 });
    expect(moveCardCounts({}, { 1: 'c' }, { 1: 'd' })).toEqual({ c: 0, d: 1 });
  });

  test('When the cards say the same as before, the tallies are unchanged, and the given tallies are never modified', () => {
    const tallies = { a: 6, b: 2 };
    const choices = { 1: 'a', 2: 'b' };
    const next = moveCardCounts(tallies, choices, { ...choices });
    expect(next).toEqual({ a: 6, b: 2 });
    expect(next).not.toBe(tallies);
    moveCardCounts(tallies, choices, { 1: 'b', 2: 'b' });
    expect(tallies).toEqual({ a: 6, b: 2 });
  });
});
