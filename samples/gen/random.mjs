// Seeded pseudo-random numbers for the sample generator. Same seed, same numbers, on every
// machine: only 32-bit integer arithmetic and IEEE-754 basics (Math.log/exp/cos are the
// fdlibm-derived versions V8 ships on every platform).

/** mulberry32: a 32-bit state generator (Tommy Ettinger, 2017); returns floats in [0, 1). */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, so every SKU gets its own stream and editing one leaves the others. */
export function hashText(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A generator seeded from the base seed and a label (e.g. `sales:TB-1001@BER`). */
export function streamFor(baseSeed, label) {
  return mulberry32((baseSeed ^ hashText(label)) >>> 0);
}

export function uniform(random, low, high) {
  return low + (high - low) * random();
}

export function integerBetween(random, low, high) {
  return low + Math.floor(random() * (high - low + 1));
}

export function pick(random, values) {
  return values[Math.floor(random() * values.length)];
}

/** Standard normal by Box-Muller (one of the pair; simple beats fast here). */
export function standardNormal(random) {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Poisson count: Knuth's product method for small means, a rounded normal above 30. */
export function poisson(random, mean) {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(random)));
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random();
  while (product > limit) {
    count++;
    product *= random();
  }
  return count;
}

/** 1 + a geometric number of extra units, so the mean is `mean` (>= 1). */
export function unitsPerLine(random, mean) {
  if (mean <= 1) return 1;
  const stop = 1 / mean;
  let units = 1;
  while (random() > stop) units++;
  return units;
}

/** Fisher-Yates shuffle in place. */
export function shuffle(random, values) {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const held = values[i];
    values[i] = values[j];
    values[j] = held;
  }
  return values;
}
