/**
 * A seeded stand-in for Math.random, so that a randomised layout (fcose's spectral start, its tree
 * reduction, its packing of components) places the same data the same way every time. Pure apart
 * from `withSeededRandom`, which swaps Math.random only for the length of a synchronous call.
 */

/** mulberry32: a small, fast 32-bit generator; the same seed gives the same numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Runs `run` (synchronous) with Math.random drawing from a generator seeded with `seed`; Math.random is restored after. */
export function withSeededRandom<T>(seed: number, run: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return run();
  } finally {
    Math.random = original;
  }
}
