import { InputError } from '../../errors.js';
import { runValidate } from '../../pipeline/run-validate.js';
import type { CommandFlags } from '../command-flags.js';
import { commandContext } from '../command-context.js';
import { reportError } from '../report-error.js';

/**
 * `stockcast validate`: reads every input file, prints every problem (capped, with the count of
 * the rest) and exits 3 when there is one; otherwise prints what was read and exits 0.
 */
export async function runValidateCommand(dir: string | undefined, flags: CommandFlags): Promise<number> {
  const context = await commandContext(dir, flags, { requireStock: false });
  try {
    const { console } = context;
    try {
      const report = await runValidate(context.settings, context.hooks);
      if (flags.json) console.out(`${JSON.stringify({ ok: true, ...report }, null, 2)}\n`);
      else if (!flags.quiet) {
        for (const file of report.files) console.out(`${console.color.green('ok')} ${file.name}: ${file.rows} rows\n`);
        console.out(`${report.files.length} file${report.files.length === 1 ? '' : 's'} valid`
          + `${report.warnings > 0 ? `, ${report.warnings} warning${report.warnings === 1 ? '' : 's'} (on stderr)` : ''}\n`);
      }
      return 0;
    } catch (error) {
      if (error instanceof InputError && flags.json) {
        console.out(`${JSON.stringify({ ok: false, total: error.total, problems: error.problems.slice(0, flags.maxProblems ?? 50) }, null, 2)}\n`);
      }
      return reportError(error, {
        debug: flags.debug === true, color: flags.color !== false, maxProblems: flags.maxProblems ?? 50, write: console.err,
      });
    }
  } finally {
    await context.close();
  }
}
