import { runSimulate } from '../../pipeline/run-simulate.js';
import type { CommandFlags } from '../command-flags.js';
import { commandContext } from '../command-context.js';
import { renderSimulateSummary } from '../render/simulate-summary.js';

/** Weeks replayed when --weeks is not given. */
export const DEFAULT_SIMULATE_WEEKS = 13;

/** `stockcast simulate`: replay the policy over the recorded history; simulate.csv to --out (or stdout with -o -). */
export async function runSimulateCommand(dir: string | undefined, flags: CommandFlags): Promise<number> {
  const context = await commandContext(dir, flags, { requireStock: true });
  try {
    const { console, settings } = context;
    const run = await runSimulate(settings, context.hooks, { weeks: flags.weeks ?? DEFAULT_SIMULATE_WEEKS, isBackorder: flags.backorders === true });
    if (run.csvText !== undefined) {
      console.out(run.csvText);
    } else if (flags.json) {
      console.out(`${JSON.stringify({ ...run.summary, output: run.written }, null, 2)}\n`);
    } else if (!flags.quiet) {
      console.out(renderSimulateSummary(run, console.color, { rows: 15 }));
      console.info(`wrote ${run.written}`);
    }
    return 0;
  } finally {
    await context.close();
  }
}
