import type { CommandFlags } from '../command-flags.js';
import { runPlanLike } from './plan-like.js';

/** `stockcast alerts`. */
export function runAlertsCommand(dir: string | undefined, flags: CommandFlags): Promise<number> {
  return runPlanLike('alerts', dir, flags);
}
