import { etsSimulator } from './ets/forecast-ets.js';
import { countSimulator } from './intermittent/count-distribution.js';
import type { SimulatorState } from './simulator-state.js';

/**
 * The simulator of a fit from its plain-data state: draws the same paths from the same random
 * stream as the fit's own `simulate`. O(1); each path costs what the method's simulator costs.
 *
 * @example rebuildSimulate(fit.simulatorState)(random, path) // same path as fit.simulate(random, path)
 */
export function rebuildSimulate(state: SimulatorState): (random: () => number, out: Float64Array) => void {
  return state.kind === 'ets' ? etsSimulator(state) : countSimulator(state);
}
