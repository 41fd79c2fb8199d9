// Seeded random variates for the policy simulator (bench only; plain Node ESM).
// mulberry32 for uniforms; Marsaglia–Tsang (2000) gamma; Poisson by inversion below 40, a
// rounded normal above; negative binomial as a gamma–Poisson mixture.

/** Uniform [0, 1) source from a 32-bit seed (mulberry32). */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A new independent seed from a source (for per-SKU streams). */
export function childSeed(random) {
  return Math.floor(random() * 4294967296) >>> 0;
}

export function standardNormal(random) {
  let u = random();
  while (u <= 1e-300) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, 1). */
export function gamma(shape, random) {
  if (shape < 1) return gamma(shape + 1, random) * Math.pow(Math.max(random(), 1e-300), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x;
    let v;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

export function poisson(mean, random) {
  if (!(mean > 0)) return 0;
  if (mean >= 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  let product = random();
  while (product > limit) {
    k++;
    product *= random();
  }
  return k;
}

/** Negative binomial with the given mean and shape k: variance mean + mean^2 / k. */
export function negativeBinomial(mean, shape, random) {
  if (!(mean > 0)) return 0;
  return poisson((mean * gamma(shape, random)) / shape, random);
}

/** A lead time in whole days (>= 1): gamma with the given mean and sd, rounded. */
export function leadTimeDraw(meanDays, sdDays, random) {
  if (!(sdDays > 0)) return Math.max(1, Math.round(meanDays));
  const shape = (meanDays / sdDays) ** 2;
  return Math.max(1, Math.round((gamma(shape, random) * sdDays * sdDays) / meanDays));
}
