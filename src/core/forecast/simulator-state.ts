import type { EtsSimulatorState } from './ets/ets-model.js';
import { etsSimulator } from './ets/forecast-ets.js';
import { countSimulator, type CountSimulatorState } from './intermittent/count-distribution.js';

/**
 * The data a method's sample-path simulator is built from. Fits cross worker threads as plain
 * data (structured clone), and a closure cannot, so every method with a simulator also gives
 * this, and {@link rebuildSimulate} makes the same simulator again on the other side.
 */
export type SimulatorState = EtsSimulatorState | CountSimulatorState;

/**
 * The simulator of a fit from its plain-data state: draws the same paths from the same random
 * stream as the fit's own `simulate`. O(1); each path costs what the method's simulator costs.
 *
 * @example rebuildSimulate(fit.simulatorState)(random, path) // same path as fit.simulate(random, path)
 */
export function rebuildSimulate(state: SimulatorState): (random: () => number, out: Float64Array) => void {
  return state.kind === 'ets' ? etsSimulator(state) : countSimulator(state);
}
