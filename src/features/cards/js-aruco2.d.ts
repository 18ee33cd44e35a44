// The parts of js-aruco2 (a CommonJS module without types) the card reader uses.
declare module 'js-aruco2' {
  interface Point {
    x: number;
    y: number;
  }
  interface Marker {
    id: number;
    corners: Point[];
    hammingDistance: number;
  }
  interface Detector {
    detect(image: { width: number; height: number; data: Uint8ClampedArray }): Marker[];
  }
  interface Dictionary {
    codeList: string[];
    markSize: number;
  }
  const aruco: {
    AR: {
      Detector: new (config?: { dictionaryName?: string; maxHammingDistance?: number }) => Detector;
      Dictionary: new (name: string) => Dictionary;
    };
  };
  export default aruco;
}
