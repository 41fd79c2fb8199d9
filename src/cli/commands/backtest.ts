import { UsageError } from '../../errors.js';
import type { CommandFlags } from '../command-flags.js';

/** `stockcast backtest` (wired to core/forecast/backtest.ts once it lands). */
export async function runBacktestCommand(_dir: string | undefined, _flags: CommandFlags): Promise<number> {
  throw new UsageError('backtest is not available in this build');
}
