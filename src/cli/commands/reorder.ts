import type { CommandFlags } from '../command-flags.js';
import { runPlanLike } from './plan-like.js';

/** `stockcast reorder`. */
export function runReorderCommand(dir: string | undefined, flags: CommandFlags): Promise<number> {
  return runPlanLike('reorder', dir, flags);
}
