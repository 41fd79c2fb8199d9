import { runExport } from '../../pipeline/run-export.js';
import type { CommandFlags } from '../command-flags.js';
import { makeConsole } from '../console.js';
import { progressHooks } from '../render/progress.js';
import { formatNumber, makeTable } from '../render/table.js';

/** `stockcast export`: supplier sheets from a reorder file. */
export async function runExportCommand(dir: string | undefined, flags: CommandFlags): Promise<number> {
  const console = makeConsole({ quiet: flags.quiet, color: flags.color });
  const run = await runExport({
    dir,
    reorder: flags.reorder,
    items: flags.items,
    out: flags.out,
    orderDate: flags.asOf ?? new Date().toISOString().slice(0, 10),
    reference: flags.reference,
  }, progressHooks(console, false));
  if (flags.json) console.out(`${JSON.stringify({ out: run.outDir, sheets: run.sheets }, null, 2)}\n`);
  else if (!flags.quiet) {
    const table = makeTable(['supplier', 'reference', 'lines', 'units', 'value'], console.color, [2, 3, 4]);
    for (const sheet of run.sheets) {
      table.push([sheet.supplier, sheet.reference, String(sheet.lines), formatNumber(sheet.totalQty), formatNumber(sheet.totalValue, 2)]);
    }
    console.out(`${run.sheets.length} supplier sheet${run.sheets.length === 1 ? '' : 's'} from ${run.reorderFile}\n${table.toString()}\nWrote ${run.outDir}/suppliers/\n`);
  }
  return 0;
}
