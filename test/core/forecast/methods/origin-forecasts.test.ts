import { describe, expect, it } from 'vitest';
import type { MethodFit } from '../../../../src/core/forecast/contract.js';
import { combineFits } from '../../../../src/core/forecast/methods/combination.js';
import { ets } from '../../../../src/core/forecast/methods/ets.js';
import { fitSimpleSmoothing } from '../../../../src/core/forecast/methods/fit-simple-smoothing.js';
import { reseasonalize } from '../../../../src/core/forecast/methods/seasonally-adjusted.js';
import { fitTheta, theta } from '../../../../src/core/forecast/methods/theta.js';
import { tsb } from '../../../../src/core/forecast/methods/tsb.js';
import { seededRandom } from '../../../../src/core/random.js';

/** The fit's origin forecasts for `steps` steps; fails the test when the fit has none. */
function originsOf(fit: MethodFit, steps: number): Float64Array {
  if (fit.originForecasts === undefined) throw new Error(`${fit.label} has no origin forecasts`);
  return fit.originForecasts(steps);
}

const y = Float64Array.from({ length: 30 }, (_, t) => 40 + 0.8 * t + 6 * Math.cos(t * 2.3));
const options = { horizon: 4, seasonPeriod: 1, random: seededRandom(1) };

describe('origin forecasts of the smooth methods', () => {
  it('theta from origin t: (SES level after t values + b/2 (j + (1 - (1 - alpha)^t) / alpha)), b the least-squares slope', () => {
    const fit = fitTheta(y, 4, 1);
    const ses = fitSimpleSmoothing(y);
    // Least-squares slope of y on t = 0..29, by the textbook sums.
    const meanT = 14.5;
    const meanY = y.reduce((a, b) => a + b, 0) / 30;
    let sxy = 0;
    let sxx = 0;
    for (let t = 0; t < 30; t++) {
      sxy += (t - meanT) * (y[t] - meanY);
      sxx += (t - meanT) ** 2;
    }
    const origins = originsOf(fit, 4);
    for (const t of [0, 5, 26, 29]) {
      for (let j = 0; j < 4; j++) {
        const expected = t + j < 30 ? ses.fitted[t] + (sxy / sxx / 2) * (j + (1 - (1 - ses.alpha) ** t) / ses.alpha) : NaN;
        if (Number.isNaN(expected)) expect(origins[t * 4 + j]).toBeNaN();
        else expect(origins[t * 4 + j]).toBeCloseTo(expected, 9);
      }
    }
  });

  it('a combination forecasts from each origin the mean of its members; a count-law member leaves it uncalibrated', () => {
    const members = [ets(y, options), theta(y, options)];
    const combined = combineFits(members, y);
    const [a, b, c] = [combined, ...members].map((fit) => originsOf(fit, 4));
    for (let i = 0; i < a.length; i++) {
      if (Number.isNaN(b[i])) expect(a[i]).toBeNaN();
      else expect(a[i]).toBeCloseTo((b[i] + c[i]) / 2, 12);
    }
    expect(combineFits([tsb(y, options), ...members], y).originForecasts).toBeUndefined();
  });

  it('a reseasonalised fit multiplies each origin forecast by the index of its period', () => {
    const inner = theta(y, options);
    const indexes = Float64Array.of(0.5, 1.5);
    const outer = reseasonalize(inner, indexes, y.length, 'fourier');
    const plain = originsOf(inner, 4);
    const seasonal = originsOf(outer, 4);
    for (const t of [0, 7, 12]) for (let j = 0; j < 4; j++) expect(seasonal[t * 4 + j]).toBe(plain[t * 4 + j] * indexes[(t + j) % 2]);
  });
});
