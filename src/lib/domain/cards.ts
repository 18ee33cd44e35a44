/**
 * Answer cards read by a camera (issue 17): each person holds a printed card, its number in a
 * square marker, turned so the letter of their answer is at the top. What the detector saw
 * becomes answers here: which edge is up, when a reading is trusted, and the room's tallies.
 * Pure: the detector (`features/cards/detector.ts`) gives marker numbers and corners.
 *
 * A card's answer is accepted only when two reads of it in a row agree, so a card caught
 * while being turned, or misread once, never counts; a card read again with another answer
 * keeps its last one, as a person who changes their mind expects.
 */

/** Card numbers a set can have; each is the marker of the same number. */
export const cardNumbers = { first: 1, last: 60 } as const;

/** A: the card as printed; B: a quarter turn anticlockwise; C: upside down; D: a quarter turn clockwise. */
export const answerLetters = ['A', 'B', 'C', 'D'] as const;
export type CardAnswer = 0 | 1 | 2 | 3;

export interface Point {
  x: number;
  y: number;
}

/** One card as the detector saw it in one frame. */
export interface CardRead {
  card: number;
  answer: CardAnswer;
  /** The marker's corners in the frame, clockwise from its printed top-left. */
  corners: readonly Point[];
}

export const isCardNumber = (n: number): boolean =>
  Number.isInteger(n) && n >= cardNumbers.first && n <= cardNumbers.last;

/**
 * Which of the card's edges is up, from its marker's first two corners (the printed top edge,
 * left to right): pointing right is A, up is B, left is C, down is D. A card held at a slant
 * counts for the nearest quarter turn; one near the diagonal (within 10° of 45°) is not read,
 * since it could be either.
 */
export function answerFromCorners(corners: readonly Point[]): CardAnswer | null {
  const [a, b] = corners;
  if (!a || !b) return null;
  // Screen y grows downwards: an edge pointing up has a negative y.
  const degrees = (Math.atan2(-(b.y - a.y), b.x - a.x) * 180) / Math.PI;
  const turns = degrees / 90;
  const nearest = Math.round(turns);
  if (Math.abs(turns - nearest) > (45 - 10) / 90) return null;
  return (((nearest % 4) + 4) % 4) as CardAnswer;
}

/** What the scanner knows of the room: trusted answers, and each card's last read not yet confirmed. */
export interface CardReadings {
  answers: ReadonlyMap<number, CardAnswer>;
  pending: ReadonlyMap<number, CardAnswer>;
}

export const emptyReadings = (answers: ReadonlyMap<number, CardAnswer> = new Map()): CardReadings => ({
  answers,
  pending: new Map(),
});

/**
 * The readings after one frame. A card's read becomes its answer when it matches that card's
 * previous read (in the last frame that saw it); a read that differs waits for the next one.
 * Returns the same object when nothing changed, so callers can skip a redraw.
 */
export function addFrame(
  readings: CardReadings,
  reads: readonly Pick<CardRead, 'card' | 'answer'>[],
): CardReadings {
  let answers: Map<number, CardAnswer> | null = null;
  let pending: Map<number, CardAnswer> | null = null;
  for (const { card, answer } of reads) {
    if (!isCardNumber(card)) continue;
    const last = (pending ?? readings.pending).get(card);
    if (last === answer) {
      if ((answers ?? readings.answers).get(card) !== answer) {
        answers ??= new Map(readings.answers);
        answers.set(card, answer);
      }
    } else {
      pending ??= new Map(readings.pending);
      pending.set(card, answer);
    }
  }
  if (!answers && !pending) return readings;
  return { answers: answers ?? readings.answers, pending: pending ?? readings.pending };
}

/**
 * The answers as option ids of the question asked: A is the first option (or "true"), B the
 * second… A letter the question has no option for is left out (a D shown for a true/false).
 */
export function cardChoices(
  answers: ReadonlyMap<number, CardAnswer>,
  optionIds: readonly string[],
): Record<string, string> {
  const choices: Record<string, string> = {};
  for (const [card, answer] of answers) {
    const option = optionIds[answer];
    if (option !== undefined) choices[String(card)] = option;
  }
  return choices;
}

/** How many cards chose each option. */
export function countChoices(choices: Readonly<Record<string, string>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const option of Object.values(choices)) counts[option] = (counts[option] ?? 0) + 1;
  return counts;
}

/**
 * The room's tallies when the cards' answers change: the cards' part moves from what they
 * said before to what they say now, and whatever was counted by hand on top stays. A count
 * never goes below zero (the facilitator may have lowered it by hand meanwhile).
 */
export function moveCardCounts(
  tallies: Readonly<Record<string, number>>,
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): Record<string, number> {
  const next: Record<string, number> = { ...tallies };
  const was = countChoices(before);
  const now = countChoices(after);
  for (const option of new Set([...Object.keys(was), ...Object.keys(now)])) {
    next[option] = Math.max(0, (next[option] ?? 0) - (was[option] ?? 0) + (now[option] ?? 0));
  }
  return next;
}
