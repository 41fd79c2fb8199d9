import { runForecast } from '../../pipeline/run-forecast.js';
import type { CommandFlags } from '../command-flags.js';
import { commandContext } from '../command-context.js';
import { renderForecastSummary } from '../render/forecast-summary.js';

/** `stockcast forecast`: forecast.csv to --out (a folder or a .csv path) or to stdout with `-o -`. */
export async function runForecastCommand(dir: string | undefined, flags: CommandFlags): Promise<number> {
  const context = await commandContext(dir, flags, { requireStock: false });
  try {
    const { console, settings } = context;
    const run = await runForecast(settings, context.hooks);
    if (run.csvText !== undefined) {
      console.out(run.csvText);
    } else if (flags.json) {
      console.out(`${JSON.stringify({ ...run.summary, output: run.written }, null, 2)}\n`);
    } else if (!flags.quiet) {
      console.out(renderForecastSummary(run, console.color, { rows: 15, sparklines: console.isOutTty }));
      console.info(`wrote ${run.written}`);
    }
    return 0;
  } finally {
    await context.close();
  }
}
