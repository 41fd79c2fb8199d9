/**
 * Derivative-free minimisation by the Nelder–Mead downhill simplex.
 */

export interface NelderMeadOptions {
  /** Stop after this many objective evaluations (default 1000). */
  readonly maxEvaluations?: number;
  /**
   * Stop when the spread of objective values over the simplex is at most
   * `relativeTolerance * (|best| + relativeTolerance)` (default 1e-8, as R's `optim`).
   */
  readonly relativeTolerance?: number;
}

export interface NelderMeadResult {
  /** The best point found (a fresh array, length of `start`). */
  readonly x: Float64Array;
  /** Objective value at `x`. */
  readonly value: number;
  /** Number of objective evaluations used. */
  readonly evaluations: number;
  /** True when the tolerance was met before the evaluation cap. */
  readonly isConverged: boolean;
}

/**
 * Minimises `objective` over R^d with the Nelder–Mead simplex method (reflection 1, expansion 2,
 * contraction 1/2, shrink 1/2). The initial simplex is `start` plus `step[i]` along each axis i,
 * so steps set the scale of each coordinate. Infinite objective values are allowed (use them
 * for points outside a feasible region); the simplex then contracts back into the region.
 * The objective is called with one reused buffer per trial point: it must not keep a reference.
 * All work arrays are allocated once per call, none per iteration; O(d) per reflection (the
 * centroid comes from a running sum of the vertices), O(d^2) per shrink.
 *
 * Nelder, J.A. & Mead, R. (1965) "A simplex method for function minimization", The Computer
 * Journal 7(4), 308–313; coefficients and ordering as in Lagarias, Reeds, Wright & Wright (1998),
 * SIAM J. Optimization 9(1), 112–147.
 *
 * @example
 * const r = minimizeNelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, Float64Array.of(0, 0), Float64Array.of(0.5, 0.5));
 * // r.x ≈ [1, -2], r.value ≈ 0
 */
export function minimizeNelderMead(
  objective: (x: Float64Array) => number,
  start: Float64Array,
  step: Float64Array,
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const d = start.length;
  const maxEvaluations = options.maxEvaluations ?? 1000;
  const tolerance = options.relativeTolerance ?? 1e-8;
  const vertices = d + 1;
  const simplex = new Float64Array(vertices * d);
  const values = new Float64Array(vertices);
  const order = new Int32Array(vertices);
  const centroid = new Float64Array(d);
  // Sum of all vertices, kept up to date so the centroid costs O(d) rather than O(d^2).
  const vertexSum = new Float64Array(d);
  const reflected = new Float64Array(d);
  const trial = new Float64Array(d);
  let evaluations = 0;

  const evaluate = (point: Float64Array): number => {
    evaluations++;
    const value = objective(point);
    return Number.isNaN(value) ? Infinity : value;
  };

  for (let v = 0; v < vertices; v++) {
    const offset = v * d;
    for (let i = 0; i < d; i++) simplex[offset + i] = start[i];
    if (v > 0) simplex[offset + v - 1] += step[v - 1] === 0 ? 0.1 : step[v - 1];
    for (let i = 0; i < d; i++) trial[i] = simplex[offset + i];
    values[v] = evaluate(trial);
    order[v] = v;
  }
  sortOrder(order, values);
  sumVertices(simplex, vertexSum, vertices, d);

  let isConverged = false;
  let iterations = 0;
  while (evaluations < maxEvaluations) {
    // Refresh the running sum now and then against rounding drift.
    if (++iterations % 64 === 0) sumVertices(simplex, vertexSum, vertices, d);
    const best = order[0];
    const worst = order[d];
    const fBest = values[best];
    const fWorst = values[worst];
    if (Number.isFinite(fWorst) && fWorst - fBest <= tolerance * (Math.abs(fBest) + tolerance)) {
      isConverged = true;
      break;
    }
    // Centroid of every vertex but the worst.
    const worstOffset = worst * d;
    for (let i = 0; i < d; i++) centroid[i] = (vertexSum[i] - simplex[worstOffset + i]) / d;

    for (let i = 0; i < d; i++) reflected[i] = 2 * centroid[i] - simplex[worstOffset + i];
    const fReflected = evaluate(reflected);
    const fSecondWorst = values[order[d - 1]];

    if (fReflected < fBest) {
      for (let i = 0; i < d; i++) trial[i] = 3 * centroid[i] - 2 * simplex[worstOffset + i];
      const fExpanded = evaluate(trial);
      if (fExpanded < fReflected) replaceVertex(simplex, values, vertexSum, worst, trial, fExpanded, d);
      else replaceVertex(simplex, values, vertexSum, worst, reflected, fReflected, d);
    } else if (fReflected < fSecondWorst) {
      replaceVertex(simplex, values, vertexSum, worst, reflected, fReflected, d);
    } else {
      // Contract towards the better of the worst vertex and its reflection.
      const isOutside = fReflected < fWorst;
      for (let i = 0; i < d; i++) {
        trial[i] = isOutside
          ? centroid[i] + 0.5 * (reflected[i] - centroid[i])
          : centroid[i] + 0.5 * (simplex[worstOffset + i] - centroid[i]);
      }
      const fContracted = evaluate(trial);
      if (fContracted < (isOutside ? fReflected : fWorst)) {
        replaceVertex(simplex, values, vertexSum, worst, trial, fContracted, d);
      } else {
        // Shrink every vertex halfway towards the best one.
        const bestOffset = best * d;
        for (let v = 0; v < vertices; v++) {
          if (v === best) continue;
          const offset = v * d;
          for (let i = 0; i < d; i++) {
            simplex[offset + i] = simplex[bestOffset + i] + 0.5 * (simplex[offset + i] - simplex[bestOffset + i]);
            trial[i] = simplex[offset + i];
          }
          values[v] = evaluate(trial);
        }
        sumVertices(simplex, vertexSum, vertices, d);
      }
    }
    sortOrder(order, values);
  }

  const best = order[0];
  return {
    x: simplex.slice(best * d, best * d + d),
    value: values[best],
    evaluations,
    isConverged,
  };
}

function replaceVertex(simplex: Float64Array, values: Float64Array, vertexSum: Float64Array, vertex: number,
  point: Float64Array, value: number, d: number): void {
  const offset = vertex * d;
  for (let i = 0; i < d; i++) {
    vertexSum[i] += point[i] - simplex[offset + i];
    simplex[offset + i] = point[i];
  }
  values[vertex] = value;
}

function sumVertices(simplex: Float64Array, vertexSum: Float64Array, vertices: number, d: number): void {
  vertexSum.fill(0);
  for (let v = 0; v < vertices; v++) {
    const offset = v * d;
    for (let i = 0; i < d; i++) vertexSum[i] += simplex[offset + i];
  }
}

/** Insertion sort of vertex indices by value; the simplex is nearly sorted after each step. */
function sortOrder(order: Int32Array, values: Float64Array): void {
  for (let i = 1; i < order.length; i++) {
    const index = order[i];
    const value = values[index];
    let j = i - 1;
    while (j >= 0 && values[order[j]] > value) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = index;
  }
}
