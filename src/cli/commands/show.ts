import { runShow } from '../../pipeline/run-show.js';
import type { CommandFlags } from '../command-flags.js';
import { makeConsole } from '../console.js';
import { renderSeriesChart } from '../render/series-chart.js';

/** `stockcast show SKU [DIR]`: history, forecast and bands of one SKU as a terminal chart. */
export async function runShowCommand(sku: string, dir: string | undefined, flags: CommandFlags): Promise<number> {
  const console = makeConsole({ quiet: flags.quiet, color: flags.color });
  const run = await runShow({ sku, dir, warehouse: flags.warehouse });
  if (flags.json) {
    console.out(`${JSON.stringify({ set: run.setDir, as_of: run.asOf, freq: run.freq, items: run.items }, null, 2)}\n`);
  } else if (!flags.quiet) {
    console.out(run.items.map((item) => renderSeriesChart(item, console.color)).join('\n'));
  }
  return 0;
}
