// Synthetic daily demand of the policy simulator: six classes with known laws, so a reference
// policy can sample the TRUE distribution of demand over any window.
import { negativeBinomial, poisson } from './lib-sim-random.mjs';

export const CLASSES = ['smooth', 'seasonal', 'trending', 'intermittent', 'lumpy', 'slow'];

const WEEKLY = [0.85, 0.9, 0.95, 1.0, 1.2, 1.45, 0.65]; // Monday..Sunday (day 0 is a Monday)
const WEEKLY_MEAN = WEEKLY.reduce((a, b) => a + b, 0) / 7;

/**
 * A demand generator of the given class with parameters drawn from `random`:
 * { cls, description, draw(day, random) -> units } (whole units, >= 0).
 */
export function makeDemand(cls, random) {
  const uniform = (a, b) => a + (b - a) * random();
  switch (cls) {
    case 'smooth': {
      const level = uniform(5, 40);
      return { cls, description: `NB mean ${level.toFixed(1)}/d, k 10`, draw: (_day, r) => negativeBinomial(level, 10, r) };
    }
    case 'seasonal': {
      const level = uniform(5, 40);
      const amplitude = uniform(0.25, 0.5);
      const phase = uniform(0, 365.25);
      const mean = (day) => level * (WEEKLY[day % 7] / WEEKLY_MEAN) * (1 + amplitude * Math.sin((2 * Math.PI * (day + phase)) / 365.25));
      return { cls, description: `NB weekly x yearly (amp ${amplitude.toFixed(2)}) around ${level.toFixed(1)}/d`, draw: (day, r) => negativeBinomial(mean(day), 10, r) };
    }
    case 'trending': {
      const level = uniform(6, 30);
      const growth = (random() < 0.5 ? -1 : 1) * uniform(0.2, 0.5); // per year, linear
      const mean = (day) => level * Math.max(0.25, 1 + (growth * day) / 365.25);
      return { cls, description: `NB ${level.toFixed(1)}/d, trend ${(100 * growth).toFixed(0)} %/yr`, draw: (day, r) => negativeBinomial(mean(day), 10, r) };
    }
    case 'intermittent': {
      const probability = uniform(0.08, 0.3);
      const extra = uniform(0.5, 3);
      return { cls, description: `p ${probability.toFixed(2)}, size 1 + Poisson(${extra.toFixed(1)})`, draw: (_day, r) => (r() < probability ? 1 + poisson(extra, r) : 0) };
    }
    case 'lumpy': {
      const probability = uniform(0.03, 0.1);
      const size = uniform(5, 20);
      return { cls, description: `p ${probability.toFixed(2)}, size 1 + NB(${size.toFixed(1)}, k 1)`, draw: (_day, r) => (r() < probability ? 1 + negativeBinomial(size, 1, r) : 0) };
    }
    case 'slow': {
      const rate = uniform(0.05, 0.5);
      return { cls, description: `Poisson ${rate.toFixed(2)}/d`, draw: (_day, r) => poisson(rate, r) };
    }
    default:
      throw new Error(`unknown class ${cls}`);
  }
}

