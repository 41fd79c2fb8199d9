import { runAccuracy } from '../../pipeline/run-accuracy.js';
import type { CommandFlags } from '../command-flags.js';
import { commandContext } from '../command-context.js';
import { renderAccuracy } from '../render/accuracy-summary.js';

/** `stockcast accuracy`: realised accuracy of the stored forecasts; table, --json, or CSV with -o FILE (- for stdout). */
export async function runAccuracyCommand(dir: string | undefined, flags: CommandFlags): Promise<number> {
  const context = await commandContext(dir, flags, { requireStock: false });
  try {
    const { console } = context;
    const run = await runAccuracy(context.settings, context.hooks, { by: flags.by ?? 'class', since: flags.since, csvOut: flags.out });
    if (run.csvText !== undefined) console.out(run.csvText);
    else if (flags.json) {
      const { answer } = run;
      console.out(`${JSON.stringify({
        store: run.store, freq: run.freq, actuals_through: run.actualsThrough, since: run.since, by: run.by, output: run.written ?? null,
        overall: answer.overall, groups: answer.groups, by_run: answer.byRun, by_step: answer.byStep,
      }, (_, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`);
    } else if (!flags.quiet) {
      console.out(renderAccuracy(run, console.color));
    }
    return 0;
  } finally {
    await context.close();
  }
}
