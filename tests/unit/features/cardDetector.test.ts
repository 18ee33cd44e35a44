// The card detector on generated pictures of a room (issue 17, "How it is checked"): several sizes
// of card, all four answers, slants, perspective, blur, uneven light and hands in front of some
// cards, on a laptop's 1280 × 720 and a phone's 960 × 540 picture. A misread is worse than a
// miss: no read may ever name a card or an answer that is not in the picture. The figures
// measured are printed. The fake camera's video for the e2e journey is checked here too.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import aruco from 'js-aruco2';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCardDetector, markerCells } from '../../../src/features/cards/detector';
import { addFrame, answerLetters, emptyReadings, type CardRead } from '../../../src/lib/domain/cards';
import {
  coverCards,
  markerCells as drawnCells,
  renderRoom,
  roomLayout,
  toRgba,
} from '../../fixtures/cards/room.mjs';
import { roomRows, writeRoomVideo } from '../../fixtures/cards/roomVideo.mjs';

type Card = ReturnType<typeof roomLayout>[number];

interface Room {
  name: string;
  width: number;
  height: number;
  count: number;
  minSize: number;
  maxSize: number;
  front?: { count: number; minSize: number; maxSize: number };
  blur: number;
  light: number;
  covered: number;
  seeds: number[];
  /** Whether its cards of 40 px and more count towards the 98 % (the limits below do not). */
  counted: boolean;
}

// Every picture follows from its seed, so the figures are the same on every run. Blur: radius 1
// (a 3-px box) on cards of every size; radius 2 (a 5-px box) where a marker's cell is 7.5 px or
// more (markers of 60 px and up). On 40–59 px markers a 5-px blur is as wide as a cell and lone
// cells wash out: that is measured among the limits (about 87 % read), never a wrong read.
const rooms: Room[] = [
  // prettier-ignore
  ...[
    { name: 'back of a hall', width: 1280, height: 720, count: 40, minSize: 40, maxSize: 64, blur: 1, light: 0.4, covered: 3, seeds: [1, 2, 3] },
    { name: 'closer, out of focus', width: 1280, height: 720, count: 30, minSize: 60, maxSize: 100, blur: 2, light: 0.3, covered: 3, seeds: [4, 5] },
    { name: 'front row', width: 1280, height: 720, count: 26, minSize: 40, maxSize: 60, front: { count: 6, minSize: 120, maxSize: 160 }, blur: 1, light: 0.4, covered: 3, seeds: [6, 7] },
    { name: 'phone', width: 960, height: 540, count: 36, minSize: 40, maxSize: 56, blur: 1, light: 0.4, covered: 3, seeds: [8, 9] },
    { name: 'phone, front row', width: 960, height: 540, count: 28, minSize: 40, maxSize: 64, front: { count: 2, minSize: 130, maxSize: 160 }, blur: 1, light: 0.5, covered: 4, seeds: [10, 11] },
  ].map((room) => ({ ...room, counted: true })),
  // Limits: never a wrong read, but not counted towards the 98 %.
  // prettier-ignore
  ...[
    { name: 'limit: under 40 px', width: 960, height: 540, count: 40, minSize: 24, maxSize: 39, blur: 1, light: 0.3, covered: 0, seeds: [12] },
    { name: 'limit: blur as wide as a cell', width: 1280, height: 720, count: 40, minSize: 40, maxSize: 59, blur: 2, light: 0.4, covered: 0, seeds: [13] },
    { name: 'limit: many hands', width: 1280, height: 720, count: 36, minSize: 50, maxSize: 90, blur: 1, light: 0.3, covered: 14, seeds: [14] },
  ].map((room) => ({ ...room, counted: false })),
];

interface Picture {
  room: Room;
  seed: number;
  cards: Card[];
  covered: Set<number>;
  reads: CardRead[];
  ms: number;
}

const letter = (answer: number) => answerLetters[answer] ?? '?';
const isRight = (picture: Picture, read: CardRead) =>
  picture.cards.some((card) => card.card === read.card && card.answer === read.answer);
/** The cards that count towards the 98 %: at least 40 px wide and not covered. */
const countedCards = (picture: Picture) =>
  picture.room.counted ? picture.cards.filter((c) => c.size >= 40 && !picture.covered.has(c.card)) : [];
const share = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;
/** The figures measured are this file's report (issue 17): printed, not only asserted. */
const report = {
  // eslint-disable-next-line no-console
  line: (text: string) => console.log(text),
  // eslint-disable-next-line no-console
  table: (rows: object[]) => console.table(rows),
};

describe('Reading answer cards in generated pictures of a room', () => {
  const detect = createCardDetector();
  const pictures: Picture[] = [];

  beforeAll(() => {
    for (const room of rooms)
      for (const seed of room.seeds) {
        const cards = roomLayout({ ...room, seed });
        const { cover, covered } = coverCards(cards, { count: room.covered, seed });
        const { width, height, blur, light } = room;
        const grey = renderRoom({ width, height, cards, blur, light, cover, seed });
        const picture = toRgba(grey, width, height);
        const started = performance.now();
        const reads = detect(picture);
        pictures.push({ room, seed, cards, covered, reads, ms: performance.now() - started });
      }
    report.line(
      'Cards read per picture (right / cards counted; misses by marker width; covered cards read right; wrong reads)',
    );
    report.table(
      pictures.map((p) => {
        const counted = countedCards(p);
        const read = new Set(p.reads.filter((r) => isRight(p, r)).map((r) => r.card));
        return {
          room: p.room.name,
          size: `${p.room.width}×${p.room.height}`,
          seed: p.seed,
          cards: p.cards.length,
          right: p.room.counted
            ? `${counted.filter((c) => read.has(c.card)).length}/${counted.length}`
            : `(${p.cards.filter((c) => !p.covered.has(c.card) && read.has(c.card)).length}/${p.cards.length - p.covered.size})`,
          missed: p.cards
            .filter((c) => !p.covered.has(c.card) && !read.has(c.card))
            .map((c) => c.size)
            .join(' '),
          covered: `${[...p.covered].filter((n) => read.has(n)).length}/${p.covered.size}`,
          wrong: p.reads.filter((r) => !isRight(p, r)).length,
          ms: Math.round(p.ms),
        };
      }),
    );
  }, 120_000);

  test('No read names a card that is not in the picture or a wrong answer, covered and tiny cards included', () => {
    const wrong = pictures.flatMap((p) =>
      p.reads
        .filter((read) => !isRight(p, read))
        .map((read) => {
          const card = p.cards.find((c) => c.card === read.card);
          return `${p.room.name} #${p.seed}: card ${read.card} read as ${letter(read.answer)}, ${card ? `shows ${letter(card.answer)}` : 'not in the picture'}`;
        }),
    );
    expect(wrong).toEqual([]);
    expect(pictures.reduce((n, p) => n + p.reads.length, 0)).toBeGreaterThan(400);
  });

  test('A card is reported once per picture', () => {
    for (const p of pictures) {
      const numbers = p.reads.map((r) => r.card);
      expect(new Set(numbers).size, `${p.room.name} #${p.seed}`).toBe(numbers.length);
    }
  });

  test('At least 98 % of the cards 40 px wide or more, and not covered, are read with the right answer', () => {
    let cards = 0;
    let right = 0;
    for (const p of pictures) {
      const counted = countedCards(p);
      cards += counted.length;
      right += counted.filter((c) => p.reads.some((r) => r.card === c.card && r.answer === c.answer)).length;
    }
    report.line(`Counted cards read right: ${right} of ${cards} (${share(right, cards)})`);
    expect(cards).toBeGreaterThan(300);
    expect(right / cards).toBeGreaterThanOrEqual(0.98);
  });

  test('The counted pictures hold all four answers, markers from 40 to 160 px, turns up to ±15° and tilts up to ±0.3', () => {
    const counted = pictures.flatMap(countedCards);
    for (const answer of [0, 1, 2, 3]) {
      expect(counted.filter((c) => c.answer === answer).length, letter(answer)).toBeGreaterThan(50);
    }
    const sizes = counted.map((c) => c.size);
    expect(Math.min(...sizes)).toBe(40);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(150);
    expect(counted.filter((c) => c.size >= 100).length).toBeGreaterThan(10);
    expect(Math.max(...counted.map((c) => Math.abs(c.turn ?? 0)))).toBeGreaterThan(14);
    expect(Math.max(...counted.map((c) => Math.abs(c.tilt ?? 0)))).toBeGreaterThan(0.28);
    expect(new Set(pictures.filter((p) => p.room.counted).map((p) => p.room.width))).toEqual(
      new Set([1280, 960]),
    );
    expect(pictures.flatMap((p) => [...p.covered]).length).toBeGreaterThan(20);
  });

  test('At the limits (markers under 40 px, a blur as wide as a cell) fewer cards are read, but still most', () => {
    for (const name of ['limit: under 40 px', 'limit: blur as wide as a cell']) {
      const p = pictures.find((picture) => picture.room.name === name);
      if (!p) throw new Error(`no picture "${name}"`);
      const right = p.reads.filter((r) => isRight(p, r)).length;
      report.line(`${name}: ${right} of ${p.cards.length} read (${share(right, p.cards.length)})`);
      expect(right / p.cards.length).toBeGreaterThanOrEqual(0.6);
    }
  });
});

describe('What the detector reports', () => {
  const detect = createCardDetector();
  const raw = new aruco.AR.Detector({ dictionaryName: 'ARUCO_MIP_36h12', maxHammingDistance: 3 });
  const row = (entries: Partial<Card>[]): Card[] =>
    entries.map((entry, i) => ({ card: 1, answer: 0, x: 90 + i * 150, y: 120, size: 72, ...entry }));
  const picture = (cards: Card[]) => toRgba(renderRoom({ width: 960, height: 240, cards }), 960, 240);

  test('Markers of the dictionary that are not cards of the set (0, 61 and above) are left out', () => {
    const cards = row([{ card: 0 }, { card: 61 }, { card: 7 }, { card: 120 }, { card: 249 }, { card: 60 }]);
    const image = picture(cards);
    expect(new Set(raw.detect(image).map((m) => m.id))).toEqual(new Set([0, 61, 7, 120, 249, 60]));
    expect(
      detect(image)
        .map((r) => r.card)
        .sort((a, b) => a - b),
    ).toEqual([7, 60]);
  });

  test('A card held near the diagonal is not read, though the marker is seen; one at 30° counts for the nearest answer', () => {
    const cards = row([
      { card: 1, turn: 45 },
      { card: 2, turn: -40 },
      { card: 3, answer: 2, turn: 42 },
      { card: 4, answer: 1, turn: 30 },
      { card: 5, answer: 3, turn: -30 },
    ]);
    const image = picture(cards);
    expect(new Set(raw.detect(image).map((m) => m.id))).toEqual(new Set([1, 2, 3, 4, 5]));
    const reads = detect(image).map(({ card, answer }) => ({ card, answer }));
    expect(reads.sort((a, b) => a.card - b.card)).toEqual([
      { card: 4, answer: 1 },
      { card: 5, answer: 3 },
    ]);
  });

  test('A read carries the marker’s corners, clockwise from its printed top-left', () => {
    const [read] = detect(picture(row([{ card: 9, answer: 0, x: 300, y: 120, size: 80 }])));
    expect(read?.card).toBe(9);
    const [topLeft, topRight, bottomRight, bottomLeft] = read?.corners ?? [];
    // The marker spans 80 px around the centre (300, 120).
    expect(topLeft?.x).toBeCloseTo(260, -1);
    expect(topLeft?.y).toBeCloseTo(80, -1);
    expect(topRight?.x).toBeCloseTo(340, -1);
    expect(bottomRight?.y).toBeCloseTo(160, -1);
    expect(bottomLeft?.x).toBeCloseTo(260, -1);
  });

  test('The detector’s marker of each card is the one the card set is printed from', () => {
    for (let card = 1; card <= 60; card++)
      expect(markerCells(card), `card ${card}`).toEqual(drawnCells(card));
    const cells = markerCells(1);
    expect(cells).toHaveLength(64);
    expect(cells.filter((_, i) => i < 8 || i >= 56 || i % 8 === 0 || i % 8 === 7).every((c) => c === 0)).toBe(
      true,
    );
    expect(() => markerCells(250)).toThrow();
  });
});

describe('The fake camera’s video of a room', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chung-tay-cards-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('A room of 36 cards fits a 1280 × 720 picture in rows, every marker 60–110 px, and one more card does not', () => {
    const cards = roomRows({ width: 1280, height: 720, count: 36, seed: 3 });
    expect(new Set(cards.map((c) => c.card)).size).toBe(36);
    expect(cards.every((c) => c.card >= 1 && c.card <= 60 && c.size >= 60 && c.size <= 110)).toBe(true);
    expect(() => roomRows({ width: 1280, height: 720, count: 37, seed: 3 })).toThrow(/do not fit/);
  });

  test('It is a Y4M Chromium accepts, and every frame reads exactly the answers it was written with', () => {
    const started = performance.now();
    const video = writeRoomVideo(join(dir, 'room.y4m'), { seed: 7 });
    const writeMs = performance.now() - started;
    const bytes = readFileSync(video.path);

    // Chromium reads the header from the first 200 bytes, then frames of exactly "FRAME\n" + I420.
    const header = 'YUV4MPEG2 W1280 H720 F10:1 Ip A1:1 C420jpeg\n';
    expect(bytes.subarray(0, header.length).toString('latin1')).toBe(header);
    const lumaSize = 1280 * 720;
    const frameSize = 'FRAME\n'.length + lumaSize * 1.5;
    expect(bytes.length).toBe(header.length + 12 * frameSize);

    const expectedCards = Object.keys(video.expected).map(Number);
    expect(expectedCards).toHaveLength(36);
    const counts = { A: 0, B: 0, C: 0, D: 0 };
    for (const answer of Object.values(video.expected)) counts[answer]++;
    expect(video.counts).toEqual(counts);
    expect(Object.values(counts).every((n) => n > 0)).toBe(true);

    const detect = createCardDetector();
    let readings = emptyReadings();
    const detectMs: number[] = [];
    for (let frame = 0; frame < 12; frame++) {
      const start = header.length + frame * frameSize;
      expect(bytes.subarray(start, start + 6).toString('latin1'), `frame ${frame}`).toBe('FRAME\n');
      const luma = new Uint8ClampedArray(bytes.buffer, bytes.byteOffset + start + 6, lumaSize);
      const chroma = bytes.subarray(start + 6 + lumaSize, start + frameSize);
      expect(chroma.every((v) => v === 128)).toBe(true);
      const t = performance.now();
      const reads = detect(toRgba(luma, 1280, 720));
      detectMs.push(performance.now() - t);
      const seen = Object.fromEntries(reads.map((r) => [String(r.card), letter(r.answer)]));
      expect(seen, `frame ${frame}`).toEqual(video.expected);
      readings = addFrame(readings, reads);
      if (frame === 0) expect(readings.answers.size).toBe(0);
      if (frame === 1)
        expect(
          Object.fromEntries([...readings.answers].map(([card, a]) => [String(card), letter(a)])),
        ).toEqual(video.expected);
    }
    report.line(
      `Room video: written in ${Math.round(writeMs)} ms (${(bytes.length / 2 ** 20).toFixed(1)} MB); ` +
        `detection ${Math.round(Math.min(...detectMs))}–${Math.round(Math.max(...detectMs))} ms a frame; ` +
        `answers ${JSON.stringify(video.counts)}`,
    );
  }, 60_000);
});
