import type { CommandFlags } from '../command-flags.js';
import { runPlanLike } from './plan-like.js';

/** `stockcast rebalance`. */
export function runRebalanceCommand(dir: string | undefined, flags: CommandFlags): Promise<number> {
  return runPlanLike('rebalance', dir, flags);
}
