import { describe, expect, it } from 'vitest';
import type { EtsFit, EtsSpec } from '../../../../src/core/forecast/ets/ets-model.js';
import { forecastEts } from '../../../../src/core/forecast/ets/forecast-ets.js';

function makeFit(spec: EtsSpec, parameters: EtsFit['parameters'], level: number, trend: number, season: number[], sigma2: number): EtsFit {
  const state = { level, trend, season: Float64Array.from(season) };
  return {
    spec, label: 'test', parameters, initialState: state, finalState: state, fitted: new Float64Array(0), sigma2,
    likelihood: NaN, parameterCount: 0, aic: NaN, aicc: NaN, bic: NaN, n: 0, evaluations: 0,
  };
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 16807) % 2147483647) / 2147483647);
}

describe('forecastEts', () => {
  it('gives the interval widths of R for SES on the Nile', () => {
    // R: fc <- forecast(ets(Nile, model = "ANN"), h = 3, level = 80): mean 805.3812829,
    //   upper 990.2217226 995.7119134 1001.0481162; alpha 0.2455338627, sigma2 20802.80103.
    //   sd_h = (upper - mean) / qnorm(0.9), qnorm(0.9) = 1.2815515655
    const fit = makeFit({ error: 'A', trend: 'N', season: 'N', m: 1 }, { alpha: 0.2455338627, beta: 0, gamma: 0, phi: 1 },
      805.3812829, 0, [], 20802.80103);
    const forecast = forecastEts(fit, 3);
    const upper = [990.2217226, 995.7119134, 1001.0481162];
    upper.forEach((value, h) => {
      expect(forecast.mean[h]).toBeCloseTo(805.3812829, 6);
      expect(Math.sqrt(forecast.variance[h])).toBeCloseTo((value - 805.3812829) / 1.2815515655, 4);
    });
    expect(forecast.simulate).toBeUndefined();
  });

  it('gives the interval widths of R for Holt\'s linear trend (ETS(AAN)) on AirPassengers', () => {
    // R: f <- forecast(ets(AirPassengers, model = "AAN", damped = FALSE), h = 4, level = 95)
    //   alpha 0.9998999495, beta 1.000188315e-04, sigma2 1156.8533870
    //   mean 433.6004099 435.2048611 436.8093123 438.4137634
    //   upper 500.2637780 529.4810989 552.2775001 571.7504983; qnorm(0.975) = 1.959963985
    const trend = 435.2048611 - 433.6004099;
    const fit = makeFit({ error: 'A', trend: 'A', season: 'N', m: 1 }, { alpha: 0.9998999495, beta: 1.000188315e-04, gamma: 0, phi: 1 },
      433.6004099 - trend, trend, [], 1156.853387);
    const forecast = forecastEts(fit, 4);
    const mean = [433.6004099, 435.2048611, 436.8093123, 438.4137634];
    const upper = [500.263778, 529.4810989, 552.2775001, 571.7504983];
    for (let h = 0; h < 4; h++) {
      expect(forecast.mean[h]).toBeCloseTo(mean[h], 5);
      expect(Math.sqrt(forecast.variance[h])).toBeCloseTo((upper[h] - mean[h]) / 1.959963985, 4);
    }
  });

  it('puts the seasonal index of each step on the forecast, and gamma on the weight one season on', () => {
    // ETS(ANA), m = 4: mean_h = l + s_h; c_j = alpha + gamma [j = 4]; v_5 = sigma2 (1 + 3 alpha^2 + (alpha + gamma)^2)
    const fit = makeFit({ error: 'A', trend: 'N', season: 'A', m: 4 }, { alpha: 0.3, beta: 0, gamma: 0.2, phi: 1 },
      10, 0, [1, -1, 2, -2], 4);
    const forecast = forecastEts(fit, 5);
    expect(Array.from(forecast.mean)).toEqual([11, 9, 12, 8, 11]);
    expect(forecast.variance[4]).toBeCloseTo(4 * (1 + 3 * 0.09 + 0.25), 12);
  });

  it('damps the trend: the forecast approaches l + b phi / (1 - phi)', () => {
    const fit = makeFit({ error: 'A', trend: 'Ad', season: 'N', m: 1 }, { alpha: 0.5, beta: 0.1, gamma: 0, phi: 0.9 }, 100, 10, [], 1);
    const forecast = forecastEts(fit, 200);
    expect(forecast.mean[0]).toBeCloseTo(109, 12);
    expect(forecast.mean[1]).toBeCloseTo(109 + 8.1, 12);
    expect(forecast.mean[199]).toBeCloseTo(100 + (10 * 0.9) / 0.1, 6);
  });

  it('approximates multiplicative-error variances closely to simulation, per step and cumulated', () => {
    const fit = makeFit({ error: 'M', trend: 'A', season: 'M', m: 4 }, { alpha: 0.3, beta: 0.05, gamma: 0.1, phi: 1 },
      100, 2, [1.2, 0.8, 1.1, 0.9], 0.05 ** 2);
    const h = 8;
    const forecast = forecastEts(fit, h);
    expect(forecast.simulate).toBeDefined();
    const simulate = forecast.simulate as NonNullable<typeof forecast.simulate>;
    const random = seeded(42);
    const paths = 20000;
    const sums = new Float64Array(h);
    const squares = new Float64Array(h);
    let cumulativeSum = 0;
    let cumulativeSquares = 0;
    const path = new Float64Array(h);
    for (let p = 0; p < paths; p++) {
      simulate(random, path);
      let total = 0;
      for (let k = 0; k < h; k++) {
        sums[k] += path[k];
        squares[k] += path[k] ** 2;
        total += path[k];
      }
      cumulativeSum += total;
      cumulativeSquares += total ** 2;
    }
    for (const k of [0, 3, 7]) {
      const mean = sums[k] / paths;
      const variance = squares[k] / paths - mean ** 2;
      expect(mean / forecast.mean[k]).toBeCloseTo(1, 2);
      // Delta method against Monte Carlo (sd of a variance estimate from 20000 draws: ~1 %).
      expect(forecast.variance[k] / variance).toBeGreaterThan(0.93);
      expect(forecast.variance[k] / variance).toBeLessThan(1.07);
    }
    const cumulativeMean = cumulativeSum / paths;
    const cumulativeVariance = cumulativeSquares / paths - cumulativeMean ** 2;
    expect(forecast.cumulativeVariance[h - 1] / cumulativeVariance).toBeGreaterThan(0.93);
    expect(forecast.cumulativeVariance[h - 1] / cumulativeVariance).toBeLessThan(1.07);
  });

  it('matches the exact class-2 variance of ETS(MNN) to first order', () => {
    // Hyndman et al. (2008) §6.3: v_h = l^2 [ (1 + alpha^2 sigma2)^(h-1) (1 + sigma2) - 1 ].
    const sigma2 = 0.01;
    const alpha = 0.4;
    const fit = makeFit({ error: 'M', trend: 'N', season: 'N', m: 1 }, { alpha, beta: 0, gamma: 0, phi: 1 }, 50, 0, [], sigma2);
    const forecast = forecastEts(fit, 6);
    for (let h = 1; h <= 6; h++) {
      const exact = 2500 * ((1 + alpha * alpha * sigma2) ** (h - 1) * (1 + sigma2) - 1);
      // First order in sigma2: the delta method leaves out terms of relative size ~ sigma2 (1 %).
      expect(forecast.variance[h - 1] / exact).toBeGreaterThan(0.985);
      expect(forecast.variance[h - 1] / exact).toBeLessThanOrEqual(1);
    }
  });

  it('never returns NaN variances when sigma2 is not finite', () => {
    const fit = makeFit({ error: 'A', trend: 'N', season: 'N', m: 1 }, { alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, 5, 0, [], NaN);
    const forecast = forecastEts(fit, 3);
    expect(Array.from(forecast.variance)).toEqual([0, 0, 0]);
  });
});
