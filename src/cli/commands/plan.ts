import type { CommandFlags } from '../command-flags.js';
import { runPlanLike } from './plan-like.js';

/** `stockcast plan`. */
export function runPlanCommand(dir: string | undefined, flags: CommandFlags): Promise<number> {
  return runPlanLike('plan', dir, flags);
}
