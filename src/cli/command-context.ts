import { loadSettingsFromConfig } from '../pipeline/config-settings.js';
import type { PipelineHooks } from '../pipeline/hooks.js';
import { resolveSettings, type RunSettings } from '../pipeline/settings.js';
import type { CommandFlags } from './command-flags.js';
import { makeConsole, type Console } from './console.js';
import { progressHooks } from './render/progress.js';
import { openLogFile } from '../io/log.js';

export interface CommandContext {
  readonly console: Console;
  readonly settings: RunSettings;
  readonly hooks: PipelineHooks;
  readonly flags: CommandFlags;
  /** Flushes and closes the log file, if any. */
  readonly close: () => Promise<void>;
}

/** What every data command does first: console, log file, config, merged settings, progress. */
export async function commandContext(
  dir: string | undefined,
  flags: CommandFlags,
  needs: { requireStock: boolean; requireSales?: boolean },
): Promise<CommandContext> {
  const log = flags.logFile ? await openLogFile(flags.logFile) : undefined;
  const console = makeConsole({ quiet: flags.quiet, color: flags.color, log: log?.write });
  const config = await loadSettingsFromConfig(dir, flags.config);
  const merged = { ...flags, failOn: flags.failOn };
  const settings = resolveSettings(dir, merged, config, needs);
  return {
    console,
    settings,
    hooks: progressHooks(console, flags.color !== false),
    flags,
    close: async () => { await log?.close(); },
  };
}
