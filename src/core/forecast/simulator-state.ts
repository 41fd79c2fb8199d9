import type { EtsSimulatorState } from './ets/ets-model.js';
import type { CountSimulatorState } from './intermittent/count-distribution.js';

/**
 * The data a method's sample-path simulator is built from. Fits cross worker threads as plain
 * data (structured clone), and a closure cannot, so every method with a simulator also gives
 * this, and `rebuildSimulate` (rebuild-simulate.ts) makes the same simulator again on the other side.
 */
export type SimulatorState = EtsSimulatorState | CountSimulatorState;
