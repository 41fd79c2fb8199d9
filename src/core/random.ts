/**
 * Seeded uniform random numbers for reproducible simulation: sfc32 seeded through splitmix32
 * (Doty-Humphrey's Small Fast Counting generator; passes PractRand to 2^40+ bytes).
 * Core code never calls Math.random; callers pass one of these.
 *
 * @example const random = seededRandom(42); random(); // 0 <= value < 1, same sequence every run
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  const next32 = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  let a = next32();
  let b = next32();
  let c = next32();
  let counter = 1;
  return () => {
    const t = (((a + b) >>> 0) + counter) >>> 0;
    counter = (counter + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

/**
 * 32-bit FNV-1a hash of a string, to derive a per-series seed from its name so that a series'
 * simulated intervals do not depend on which other series are in the file.
 *
 * @example hashString('SKU-1\u0000MAIN') // a stable unsigned 32-bit integer
 */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
