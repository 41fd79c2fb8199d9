/**
 * Random variates from a uniform [0, 1) source, for simulated forecast paths. Core code never
 * calls Math.random: the caller passes a (seeded) generator.
 */

/**
 * Standard normal variate by the Box–Muller transform (Box & Muller 1958).
 *
 * @example standardNormal(() => 0.5) // -0 (cos(pi) * sqrt(-2 ln 0.5) rounded: about -1.18)
 */
export function standardNormal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Gamma variate with the given shape and scale 1 (mean = variance = shape), by Marsaglia & Tsang
 * (2000) "A simple method for generating gamma variables"; shapes below 1 use the boost
 * G(a) = G(a + 1) U^(1/a). Expected cost O(1).
 *
 * @example gammaVariate(2, random) // mean 2 over many draws
 */
export function gammaVariate(shape: number, random: () => number): number {
  if (!(shape > 0)) return 0;
  if (shape < 1) return gammaVariate(shape + 1, random) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Poisson variate with mean `lambda`: inversion by sequential search for lambda < 30, else the
 * normal approximation with continuity correction, rounded and floored at 0 (at that size its
 * quantiles differ from the exact law by well under one unit). Knuth, TAOCP vol. 2, 3.4.1.
 *
 * @example poissonVariate(0, random) // 0
 */
export function poissonVariate(lambda: number, random: () => number): number {
  if (!(lambda > 0)) return 0;
  if (lambda >= 30) {
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * standardNormal(random)));
  }
  const u = random();
  let k = 0;
  let probability = Math.exp(-lambda);
  let cumulative = probability;
  while (u >= cumulative && k < 1000) {
    k++;
    probability *= lambda / k;
    cumulative += probability;
  }
  return k;
}
