/**
 * Reads answer cards in a picture with js-aruco2 (a JavaScript port of ArUco, MIT), whose
 * ARUCO_MIP_36h12 dictionary has 250 codes of 36 bits, any two at least 12 bits apart. A
 * marker is taken only with at most 3 bits off its code (js-aruco2 takes a distance below its
 * limit), so a misread card would need 9 or more of its 36 cells wrong: a card is missed (and read in the next frame) long before another card
 * is mistaken for it. Runs in the card worker (`cardWorker.ts`), in the tests and the bench.
 */
import aruco from 'js-aruco2';
import { answerFromCorners, isCardNumber, type CardRead } from '../../lib/domain/cards';

export const markerDictionary = 'ARUCO_MIP_36h12';
/** js-aruco2's limit: a marker is taken when fewer bits than this are off. */
const maxWrongBits = 4;

export interface Picture {
  width: number;
  height: number;
  /** RGBA, as `ImageData` holds it. */
  data: Uint8ClampedArray;
}

/** A detector for repeated pictures (it keeps its buffers between them). */
export function createCardDetector(): (picture: Picture) => CardRead[] {
  const detector = new aruco.AR.Detector({
    dictionaryName: markerDictionary,
    maxHammingDistance: maxWrongBits,
  });
  return (picture) => {
    // A marker can be found twice (the outline of its border and of the paper): keep the
    // closer match.
    const best = new Map<number, { read: CardRead; wrongBits: number }>();
    for (const marker of detector.detect(picture)) {
      if (!isCardNumber(marker.id)) continue;
      const answer = answerFromCorners(marker.corners);
      if (answer === null) continue;
      const known = best.get(marker.id);
      if (known && known.wrongBits <= marker.hammingDistance) continue;
      best.set(marker.id, {
        read: { card: marker.id, answer, corners: marker.corners.map(({ x, y }) => ({ x, y })) },
        wrongBits: marker.hammingDistance,
      });
    }
    return [...best.values()].map(({ read }) => read);
  };
}

let dictionary: InstanceType<typeof aruco.AR.Dictionary> | null = null;

/** A card's marker as cells, row by row from its printed top-left (8×8: a black border around 6×6 bits; 1 is white). */
export function markerCells(card: number): number[] {
  dictionary ??= new aruco.AR.Dictionary(markerDictionary);
  const code = dictionary.codeList[card];
  if (code === undefined) throw new Error(`No marker for card ${card}`);
  const cells: number[] = [];
  for (let y = 0; y < 8; y++)
    for (let x = 0; x < 8; x++)
      cells.push(x === 0 || y === 0 || x === 7 || y === 7 ? 0 : Number(code[(y - 1) * 6 + (x - 1)]));
  return cells;
}
