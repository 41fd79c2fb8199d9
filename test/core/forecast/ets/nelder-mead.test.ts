import { describe, expect, it } from 'vitest';
import { minimizeNelderMead } from '../../../../src/core/forecast/optimize/nelder-mead.js';

describe('minimizeNelderMead', () => {
  it('finds the minimum of a shifted quadratic bowl', () => {
    const result = minimizeNelderMead((x) => (x[0] - 1) ** 2 + 10 * (x[1] + 2) ** 2, Float64Array.of(0, 0), Float64Array.of(0.5, 0.5));
    expect(result.isConverged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 3);
    expect(result.x[1]).toBeCloseTo(-2, 3);
    expect(result.value).toBeLessThan(1e-6);
  });

  it('minimises the Rosenbrock function to its known minimum at (1, 1)', () => {
    // Rosenbrock (1960): f = 100 (x2 - x1^2)^2 + (1 - x1)^2, minimum 0 at (1, 1); classic start (-1.2, 1).
    const result = minimizeNelderMead((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2,
      Float64Array.of(-1.2, 1), Float64Array.of(0.1, 0.1), { maxEvaluations: 5000, relativeTolerance: 1e-14 });
    expect(result.x[0]).toBeCloseTo(1, 3);
    expect(result.x[1]).toBeCloseTo(1, 3);
  });

  it('stays inside a region where the objective is infinite outside', () => {
    // Minimum of (x - 2)^2 over x <= 1 is at the boundary x = 1.
    const result = minimizeNelderMead((x) => (x[0] > 1 ? Infinity : (x[0] - 2) ** 2), Float64Array.of(0), Float64Array.of(0.5),
      { relativeTolerance: 1e-12 });
    expect(result.x[0]).toBeLessThanOrEqual(1);
    expect(result.x[0]).toBeCloseTo(1, 4);
  });

  it('stops at the evaluation cap and reports it', () => {
    let calls = 0;
    const result = minimizeNelderMead((x) => {
      calls++;
      return 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    }, Float64Array.of(-1.2, 1), Float64Array.of(0.1, 0.1), { maxEvaluations: 20 });
    expect(result.isConverged).toBe(false);
    expect(result.evaluations).toBe(calls);
    expect(calls).toBeLessThanOrEqual(20 + 2); // a shrink step may finish after the cap
  });

  it('treats NaN as infinitely bad', () => {
    const result = minimizeNelderMead((x) => (x[0] < 0 ? NaN : (x[0] - 0.5) ** 2), Float64Array.of(0.1), Float64Array.of(0.2));
    expect(result.x[0]).toBeCloseTo(0.5, 3);
  });
});
