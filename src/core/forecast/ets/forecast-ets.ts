import { variancesFromPsi } from '../contract.js';
import type { EtsFit, EtsSimulatorState } from './ets-model.js';

export interface EtsForecast {
  /** Point forecasts for steps 1..h. */
  readonly mean: Float64Array;
  /** Forecast error variance of each step. */
  readonly variance: Float64Array;
  /** Variance of the error of the sum of steps 1..h. */
  readonly cumulativeVariance: Float64Array;
  /** Sample path simulator, for multiplicative-error models (their forecast law is not normal). */
  readonly simulate?: (random: () => number, out: Float64Array) => void;
  /** The simulator's data, from which {@link etsSimulator} rebuilds `simulate` (in another thread). */
  readonly simulatorState?: EtsSimulatorState;
}

/**
 * Point forecasts of a fitted ETS model: (l + phi_h b) combined with the seasonal index of the
 * step (phi_h = phi + ... + phi^h), Hyndman et al. (2008) Table 2.1.
 * Variances: exact for additive errors from the psi weights c_j = alpha + beta phi_j + gamma d_{j,m}
 * (Hyndman et al. 2008, ch. 6, Table 6.1; d = 1 when j is a multiple of m); for multiplicative
 * errors a first-order (delta-method) approximation of the same weights scaled by the forecast
 * level at the time of each shock, and a simulator of sample paths for exact intervals.
 * O(h^2) for multiplicative errors, O(h) otherwise.
 *
 * @example forecastEts(autoEts(y, 12), 18).mean // 18 point forecasts
 */
export function forecastEts(fit: EtsFit, h: number): EtsForecast {
  const { spec, parameters, finalState, sigma2 } = fit;
  const { alpha, beta, gamma, phi } = parameters;
  const m = spec.season === 'N' ? 1 : spec.m;
  const hasTrend = spec.trend !== 'N';
  const mean = new Float64Array(h);
  // Non-seasonal part (level plus damped trend) per step, and the seasonal index per step.
  const base = new Float64Array(h);
  const seasonal = new Float64Array(h);
  let phiSum = 0;
  let phiPower = 1;
  for (let step = 0; step < h; step++) {
    phiPower *= phi;
    phiSum += phiPower;
    base[step] = finalState.level + (hasTrend ? phiSum * finalState.trend : 0);
    seasonal[step] = spec.season === 'N' ? 0 : finalState.season[step % m];
    mean[step] = spec.season === 'M' ? base[step] * seasonal[step]
      : spec.season === 'A' ? base[step] + seasonal[step] : base[step];
  }
  // c_j for j = 0..h-1 (c_0 = 1 stands for the shock itself).
  const weights = new Float64Array(h);
  weights[0] = 1;
  let dampedSum = 0;
  let power = 1;
  for (let j = 1; j < h; j++) {
    power *= phi;
    dampedSum += power;
    weights[j] = alpha + (hasTrend ? beta * dampedSum : 0) + (spec.season !== 'N' && j % m === 0 ? gamma : 0);
  }
  const safeSigma2 = Number.isFinite(sigma2) && sigma2 > 0 ? sigma2 : 0;
  if (spec.error === 'A') {
    return { mean, ...variancesFromPsi(weights, safeSigma2, h) };
  }
  const { variance, cumulativeVariance } = multiplicativeVariances(fit, mean, base, seasonal, safeSigma2, h);
  const simulatorState: EtsSimulatorState = {
    kind: 'ets', spec: fit.spec, parameters: fit.parameters, finalState: fit.finalState, sigma2: fit.sigma2, horizon: h,
  };
  return { mean, variance, cumulativeVariance, simulate: etsSimulator(simulatorState), simulatorState };
}

/**
 * Delta-method variances for multiplicative errors: the error at step s is
 * sum_{k<=s} w_{s,k} eps_k with w_{k,k} = mu_k and, for k < s, the shock's effect through the
 * level and trend (alpha + beta phi_j) and, with multiplicative season, rescaled by the seasonal
 * ratio of the two steps; the seasonal shock gamma acts on the same season one cycle later.
 */
function multiplicativeVariances(fit: EtsFit, mean: Float64Array, base: Float64Array, seasonal: Float64Array, sigma2: number, h: number) {
  const { spec, parameters } = fit;
  const { alpha, beta, gamma, phi } = parameters;
  const m = spec.season === 'N' ? 1 : spec.m;
  const hasTrend = spec.trend !== 'N';
  const isMultiplicativeSeason = spec.season === 'M';
  const variance = new Float64Array(h);
  const cumulativeVariance = new Float64Array(h);
  // columnSums[k]: sum over steps s <= current of w_{s,k}, for the cumulative error.
  const columnSums = new Float64Array(h);
  const dampedSums = new Float64Array(h);
  let power = 1;
  for (let j = 1; j < h; j++) {
    power *= phi;
    dampedSums[j] = dampedSums[j - 1] + power;
  }
  for (let s = 0; s < h; s++) {
    let sumSq = 0;
    let cumulative = 0;
    for (let k = 0; k <= s; k++) {
      let w: number;
      if (k === s) {
        w = mean[s];
      } else {
        const j = s - k;
        const levelEffect = alpha + (hasTrend ? beta * dampedSums[j] : 0);
        const seasonEffect = spec.season !== 'N' && j % m === 0 ? gamma : 0;
        if (isMultiplicativeSeason) {
          const seasonRatio = seasonal[k] !== 0 ? seasonal[s] / seasonal[k] : 1;
          const baseRatio = base[k] !== 0 ? base[s] / base[k] : 1;
          w = mean[k] * (levelEffect * seasonRatio + seasonEffect * baseRatio);
        } else {
          w = mean[k] * (levelEffect + seasonEffect);
        }
      }
      sumSq += w * w;
      columnSums[k] += w;
      cumulative += columnSums[k] * columnSums[k];
    }
    variance[s] = sigma2 * sumSq;
    cumulativeVariance[s] = sigma2 * cumulative;
  }
  return { variance, cumulativeVariance };
}

/**
 * Sample paths of the state space model with normal innovations of the fitted variance, from
 * the final state (Hyndman et al. 2008, §6.1). Each call writes min(horizon, out.length) steps.
 *
 * @example etsSimulator(state)(random, new Float64Array(12)) // one path of 12 periods
 */
export function etsSimulator(state: EtsSimulatorState): (random: () => number, out: Float64Array) => void {
  const { spec, parameters, finalState, horizon: h } = state;
  const { alpha, beta, gamma, phi } = parameters;
  const m = spec.season === 'N' ? 1 : spec.m;
  const sigma = Math.sqrt(Number.isFinite(state.sigma2) && state.sigma2 > 0 ? state.sigma2 : 0);
  const season = new Float64Array(Math.max(1, finalState.season.length));
  const isMultiplicativeError = spec.error === 'M';
  return (random, out) => {
    let level = finalState.level;
    let trend = finalState.trend;
    season.set(finalState.season);
    const steps = Math.min(h, out.length);
    for (let step = 0; step < steps; step++) {
      const slot = step % m;
      const damped = spec.trend === 'N' ? 0 : phi * trend;
      const q = level + damped;
      const s = spec.season === 'N' ? 0 : season[slot];
      const forecast = spec.season === 'M' ? q * s : q + s;
      const shock = sigma * standardNormal(random);
      const value = isMultiplicativeError ? forecast * (1 + shock) : forecast + shock;
      out[step] = Number.isFinite(value) ? value : forecast;
      const p = spec.season === 'M' ? (s !== 0 ? value / s : q) : value - s;
      const correction = p - q;
      level = q + alpha * correction;
      if (spec.trend !== 'N') trend = damped + beta * correction;
      if (spec.season === 'A') season[slot] = s + gamma * (value - q - s);
      else if (spec.season === 'M' && q !== 0) season[slot] = s + gamma * (value / q - s);
    }
  };
}

/** Standard normal draw by the Box–Muller transform from a uniform [0, 1) source. */
function standardNormal(random: () => number): number {
  const u = 1 - random(); // in (0, 1], so the logarithm is finite
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
