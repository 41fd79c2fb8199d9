import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DemandForecast } from '../../../src/core/inventory/demand-window.js';
import { normalLoss } from '../../../src/core/inventory/normal-loss.js';
import { type ProtectionRequest, protectionLevel } from '../../../src/core/inventory/protection-level.js';
import { flatForecast, seededRandom } from './helpers.js';

const ASOF = 20000;

function request(forecast: DemandForecast, overrides: Partial<ProtectionRequest> = {}): ProtectionRequest {
  return {
    forecast, startDay: ASOF, leadTimeDays: 14, leadTimeSdDays: 0, reviewPeriodDays: 1,
    serviceLevel: 0.95, serviceTarget: 'cycle', cycleDemand: 10, random: seededRandom(1), ...overrides,
  };
}

describe('protectionLevel, normal law', () => {
  it('covers mean + z sd of the forecast error over lead time + review period', () => {
    // 10/day, error variance 20/day, L + R = 15 d: mean 150, variance 300.
    // R: 150 + qnorm(0.95) * sqrt(300) = 178.4897005
    const level = protectionLevel(request(flatForecast(10, 20)));
    expect(level.law).toBe('normal');
    expect(level.mean).toBeCloseTo(150, 9);
    expect(level.sd).toBeCloseTo(Math.sqrt(300), 9);
    expect(level.level).toBeCloseTo(178.4897005, 6);
  });

  it('a fill-rate target solves sd_{L+R} G(k_{L+R}) - sd_L G(k_L) = (1 - fill rate) x demand per cycle', () => {
    // allowed shortfall (1 - 0.98) * 10 = 0.2 units per cycle; L + R = 15 d: mean 150, sd sqrt(300);
    // L = 14 d (the shortage already there when the cycle starts): mean 140, sd sqrt(280).
    const level = protectionLevel(request(flatForecast(10, 20), { serviceTarget: 'fill-rate', serviceLevel: 0.98 }));
    const end = Math.sqrt(300) * normalLoss((level.level - 150) / Math.sqrt(300));
    const start = Math.sqrt(280) * normalLoss((level.level - 140) / Math.sqrt(280));
    expect(end - start).toBeCloseTo(0.2, 6);
    // Without the carried-in term (sd G(k) = 0.2: G(k) = 0.011547, k = 1.8826) the level would be 182.6.
    expect(level.level).toBeLessThan(150 + 1.8826 * Math.sqrt(300));
  });

  it('with an order quantity (EOQ) longer than the review period, the fill-rate level keeps sd G(k) = (1 - fill rate) x cycle demand', () => {
    const level = protectionLevel(request(flatForecast(10, 20), {
      serviceTarget: 'fill-rate', serviceLevel: 0.98, cycleDemand: 50, hasOrderQuantity: true,
    }));
    const k = (level.level - 150) / Math.sqrt(300);
    expect(Math.sqrt(300) * normalLoss(k)).toBeCloseTo(1, 6);
  });

  it('lead-time variability adds mu_d^2 sigma_L^2: Var = E[L + R] sigma_d^2 + mu_d^2 sigma_L^2', () => {
    // 10/day, 20/day, L ~ mean 14 sd 4, R = 1: 15 * 20 + 10^2 * 4^2 = 300 + 1600 = 1900
    const level = protectionLevel(request(flatForecast(10, 20), { leadTimeSdDays: 4 }));
    expect(level.mean).toBeCloseTo(150, 6);
    expect(level.sd).toBeCloseTo(Math.sqrt(1900), 6);
    // The mixture is right-skewed (lognormal lead time): its 95 % point lies above the normal's
    // 150 + 1.645 * 43.59 = 221.7 but within a few units of it.
    expect(level.level).toBeGreaterThan(221.7);
    expect(level.level).toBeLessThan(235);
  });

  it('when the demand class is none, the level is 0', () => {
    expect(protectionLevel(request(flatForecast(10, 20, { demandClass: 'none' }))).level).toBe(0);
  });
});

describe('protectionLevel, count law', () => {
  it('intermittent demand takes the negative binomial quantile, not z sigma', () => {
    // 0.5/day, variance 1/day, 15 d: mean 7.5, variance 15 -> size 7.5^2 / 7.5 = 7.5.
    // R: qnbinom(0.95, size = 7.5, mu = 7.5) = 15; pnbinom(13:14, 7.5, mu = 7.5) = 0.9253 0.9482
    const level = protectionLevel(request(flatForecast(0.5, 1, { demandClass: 'intermittent' })));
    expect(level.law).toBe('count');
    expect(level.level).toBe(15);
  });

  it('a fill-rate target subtracts the shortage carried in: E[(D_15 - s)^+] - E[(D_14 - s)^+] <= allowed', () => {
    // Poisson 0.5/day (variance = mean): D_15 ~ Poisson(7.5), D_14 ~ Poisson(7). Allowed (1 - 0.9) * 0.5 = 0.05.
    // R: f <- function(s, m) sum(pmax(0, (0:200) - s) * dpois(0:200, m)); sapply(9:12, function(s) f(s, 7.5) - f(s, 7))
    //    0.15209 0.09800 0.05876 0.03287 -> s = 12 (the same sums computed in Python)
    const forecast = flatForecast(0.5, 0.5, { demandClass: 'intermittent' });
    const level = protectionLevel(request(forecast, { serviceTarget: 'fill-rate', serviceLevel: 0.9, cycleDemand: 0.5 }));
    expect(level.law).toBe('count');
    expect(level.level).toBe(12);
  });

  it('intermittent items read the cycle service as P(D_{L+R} <= S), like every class', () => {
    // 0.1/day, variance 0.2/day, 15 d: NB mean 1.5, variance 3 (size 1.5, prob 0.5).
    // R: pnbinom(0:6, size = 1.5, prob = 0.5) = 0.3536 0.6187 0.7845 0.8812 0.9356 0.9655 0.9817 -> 5.
    // (Read given demand, F(S) >= 0.95 + 0.05 x 0.3536, it was 6: more stock than the target asks.)
    expect(protectionLevel(request(flatForecast(0.1, 0.2, { demandClass: 'intermittent' }))).level).toBe(5);
    expect(protectionLevel(request(flatForecast(0.1, 0.2, { demandClass: 'lumpy' }))).level).toBe(5);
    expect(protectionLevel(request(flatForecast(0.1, 0.2, { demandClass: 'smooth' }))).level).toBe(5);
  });

  it('low volume smooth demand uses the count law too', () => {
    expect(protectionLevel(request(flatForecast(1, 1))).law).toBe('count');
  });
});

describe('protectionLevel, simulated paths', () => {
  it('uses the simulator when there is one: Poisson(1) a day over 10 days', () => {
    const base = flatForecast(1, 1, { demandClass: 'intermittent' });
    const forecast: DemandForecast = {
      ...base,
      simulate: (random, out) => {
        for (let h = 0; h < out.length; h++) {
          // Poisson(1) by inversion
          let k = 0;
          let p = Math.exp(-1);
          let cdf = p;
          const u = random();
          while (u > cdf) { k++; p /= k; cdf += p; }
          out[h] = k;
        }
      },
    };
    // R: qpois(0.95, 10) = 15 (ppois(14:15, 10) = 0.9165 0.9513); 20 000 paths, the empirical quantile is 15 or 16
    const level = protectionLevel(request(forecast, { leadTimeDays: 9, paths: 20000 }));
    expect(level.law).toBe('simulated');
    expect(level.level).toBeGreaterThanOrEqual(15);
    expect(level.level).toBeLessThanOrEqual(16);
    expect(level.mean).toBeGreaterThan(9.8);
    expect(level.mean).toBeLessThan(10.2);
  });
});

describe('protectionLevel, simulated paths with a fill-rate target', () => {
  it('takes the level whose mean shortfall over the paths is the allowed one', () => {
    // Paths alternate totals 0 and 20 over the interval (0/20 per period, 1-day periods, 1-day window).
    // Allowed shortfall (1 - 0.9) * 10 = 1; shortfall(x) = 0.5 * (20 - x) = 1 -> x = 18.
    let flip = 0;
    const forecast: DemandForecast = {
      ...flatForecast(10, 100, { periods: 3 }),
      simulate: (_random, out) => { out.fill((flip++ % 2) * 20); },
    };
    const level = protectionLevel(request(forecast, {
      leadTimeDays: 1, reviewPeriodDays: 0, serviceTarget: 'fill-rate', serviceLevel: 0.9, cycleDemand: 10, paths: 1000,
    }));
    expect(level.law).toBe('simulated');
    expect(level.level).toBeCloseTo(18, 9);
    expect(level.mean).toBeCloseTo(10, 9);
  });
});

describe('protectionLevel is monotone', () => {
  const laws = fc.constantFrom<[number, number, 'smooth' | 'intermittent']>([10, 20, 'smooth'], [0.4, 0.9, 'intermittent'], [3, 2, 'smooth']);
  it('never falls as the service level rises', () => {
    fc.assert(fc.property(laws, fc.double({ min: 0.5, max: 0.999, noNaN: true }), fc.double({ min: 0, max: 0.05, noNaN: true }),
      fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 10 }), ([rate, variance, demandClass], service, step, lead, sd) => {
        const forecast = flatForecast(rate, variance, { demandClass });
        const low = protectionLevel(request(forecast, { serviceLevel: service, leadTimeDays: lead, leadTimeSdDays: sd }));
        const high = protectionLevel(request(forecast, { serviceLevel: Math.min(0.9999, service + step), leadTimeDays: lead, leadTimeSdDays: sd }));
        expect(high.level).toBeGreaterThanOrEqual(low.level * (1 - 1e-7) - 1e-9); // bisection tolerance
      }));
  });

  it('never falls as the lead time rises', () => {
    fc.assert(fc.property(laws, fc.double({ min: 0.5, max: 0.999, noNaN: true }),
      fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), ([rate, variance, demandClass], service, lead, more, sd) => {
        const forecast = flatForecast(rate, variance, { demandClass });
        const short = protectionLevel(request(forecast, { serviceLevel: service, leadTimeDays: lead, leadTimeSdDays: sd }));
        const long = protectionLevel(request(forecast, { serviceLevel: service, leadTimeDays: lead + more, leadTimeSdDays: sd }));
        expect(long.level).toBeGreaterThanOrEqual(short.level * (1 - 1e-7) - 1e-9); // bisection tolerance
      }));
  });
});
