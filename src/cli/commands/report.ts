import { runReport } from '../../pipeline/run-report.js';
import { DEFAULTS } from '../../pipeline/settings.js';
import type { CommandFlags } from '../command-flags.js';
import { makeConsole } from '../console.js';

/** `stockcast report [SET]`: rebuild report.html from an output set. */
export async function runReportCommand(dir: string | undefined, flags: CommandFlags): Promise<number> {
  const console = makeConsole({ quiet: flags.quiet, color: flags.color });
  const run = await runReport({ dir, out: flags.out, top: flags.reportTop ?? DEFAULTS.reportTop, backtestFile: flags.backtest });
  const facts = { set: run.setDir, file: run.file ?? null, bytes: run.bytes, charts: run.charts, items_charted: run.items, lines: run.lines };
  if (run.html !== undefined) console.out(run.html);
  else if (flags.json) console.out(`${JSON.stringify(facts, null, 2)}\n`);
  else if (!flags.quiet) {
    console.out(`Wrote ${run.file}: ${run.charts} charts (top ${run.items} of ${run.lines} lines), ${(run.bytes / 1024).toFixed(0)} KB\n`);
  }
  return 0;
}
