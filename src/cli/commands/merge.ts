import { runMerge } from '../../pipeline/run-merge.js';
import type { CommandFlags } from '../command-flags.js';
import { makeConsole } from '../console.js';
import { renderPlanSummary } from '../render/plan-summary.js';

/** `stockcast merge OUT SHARD_DIR...`: one output set from the shard sets of `plan --shard K/N`. */
export async function runMergeCommand(out: string, shardDirs: readonly string[], flags: CommandFlags): Promise<number> {
  const console = makeConsole({ quiet: flags.quiet, color: flags.color });
  const run = await runMerge({ out, shardDirs });
  if (flags.json) console.out(`${JSON.stringify({ ...run.summary, output: run.written ?? null }, null, 2)}\n`);
  else if (!flags.quiet) {
    console.out(`Merged ${run.shards} shard${run.shards === 1 ? '' : 's'}\n${renderPlanSummary(run, console.color, ['orders', 'alerts', 'transfers'])}`);
  }
  return 0;
}
