import { runBacktest } from '../../pipeline/run-backtest.js';
import type { CommandFlags } from '../command-flags.js';
import { commandContext } from '../command-context.js';
import { renderBacktest } from '../render/backtest-summary.js';

/** `stockcast backtest`: rolling-origin accuracy per method, demand class and (--per-series) series. */
export async function runBacktestCommand(dir: string | undefined, flags: CommandFlags): Promise<number> {
  const context = await commandContext(dir, flags, { requireStock: false });
  try {
    const { console } = context;
    const run = await runBacktest(context.settings, context.hooks, { folds: flags.folds, methods: flags.methods });
    if (flags.json) {
      const { result, ...facts } = run;
      console.out(`${JSON.stringify({
        ...facts,
        by_method: result.byMethod,
        by_class: result.byClass,
        ...(flags.perSeries ? { by_series: result.bySeries } : {}),
      }, null, 2)}\n`);
    } else if (!flags.quiet) {
      console.out(renderBacktest(run, console.color, flags.perSeries === true));
    }
    return 0;
  } finally {
    await context.close();
  }
}
