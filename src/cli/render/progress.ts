import { createRequire } from 'node:module';
import type cliProgressModule from 'cli-progress';
import type { PipelineHooks } from '../../pipeline/hooks.js';
import type { Console } from '../console.js';

/**
 * Pipeline hooks that show a progress bar per long stage on stderr, only when stderr is a
 * terminal, colours are allowed and --quiet is off. Cron and pipes get nothing.
 */
export function progressHooks(console: Console, enabled: boolean): PipelineHooks {
  const show = enabled && console.isErrTty && !console.quiet;
  let bar: cliProgressModule.SingleBar | undefined;
  let total = 0;
  return {
    warn: (message) => console.warn(message),
    stageStart: (stage, stageTotal) => {
      if (!show || stageTotal < 200) return;
      total = stageTotal;
      // Loaded only when a bar is shown (a terminal): cron runs skip it.
      const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule;
      bar = new cliProgress.SingleBar({
        stream: process.stderr,
        format: `${stage.padEnd(10)} [{bar}] {percentage}% | {value}/{total} series | {eta_formatted} left`,
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 200,
        fps: 10,
      }, cliProgress.Presets.shades_classic);
      bar.start(total, 0);
    },
    stageTick: (done) => {
      if (bar && (done % 50 === 0 || done === total)) bar.update(done);
    },
    stageEnd: () => {
      bar?.stop();
      bar = undefined;
    },
  };
}
