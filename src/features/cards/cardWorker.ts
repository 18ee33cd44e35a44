/**
 * The card reader's worker: detection takes tens of milliseconds a frame (more on a slow
 * laptop), so it runs here and the page stays responsive. It gets a downscaled frame's
 * pixels (transferred, not copied) and answers with the cards read and how long it took.
 */
import { createCardDetector } from './detector';
import type { CardRead } from '../../lib/domain/cards';

export interface FrameRequest {
  width: number;
  height: number;
  pixels: ArrayBuffer;
}

export interface FrameResult {
  reads: CardRead[];
  ms: number;
}

const detect = createCardDetector();

self.onmessage = (event: MessageEvent<FrameRequest>) => {
  const { width, height, pixels } = event.data;
  const start = performance.now();
  const reads = detect({ width, height, data: new Uint8ClampedArray(pixels) });
  const result: FrameResult = { reads, ms: performance.now() - start };
  self.postMessage(result);
};
