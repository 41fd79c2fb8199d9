import { Command, Option } from 'commander';
import { forecastMethodNames } from '../core/forecast/registry.js';
import { VERSION } from '../version.js';
import type { CommandFlags } from './command-flags.js';
import {
  parseChoice, parseFailOn, parseIsoDate, parseLevels, parseMap, parseNonNegativeNumber, parsePositiveInt,
  parseNonNegativeInt, parseNumberPair, parseServiceLevel, parseShardFlag,
} from './parse-flags.js';

type Runner = (dir: string | undefined, flags: CommandFlags) => Promise<number>;

/**
 * Declares every command and flag of the interface spec. Defaults are NOT set here: a flag not
 * given falls back to the config file, then to the documented default (src/pipeline/defaults.ts),
 * so the precedence flag > config > default holds.
 */
export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('stockcast')
    .description('Demand forecasts, reorder quantities, stock alerts, transfers and supplier sheets from sales and stock CSV files.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
    });

  // Each command's module is imported when it runs, so `forecast` does not load what only `plan`
  // or `export` need (arquero, exceljs): startup is part of every run's wall time.
  const action = (load: () => Promise<Runner>) => async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const dir = typeof args[0] === 'string' ? args[0] : undefined;
    const runner = await load();
    setExitCode(await runner(dir, command.opts() as CommandFlags));
  };

  const withFlags = (command: Command, ...groups: ((c: Command) => Command)[]): Command => {
    for (const group of groups) group(command);
    return command;
  };

  withFlags(program.command('plan')
    .summary('the nightly job: forecast, reorder, alerts, transfers, supplier sheets')
    .description('Read DIR/sales.csv and DIR/stock.csv (and items.csv, lanes.csv when present), forecast every SKU x warehouse, and write forecast.csv, reorder.csv, alerts.csv, transfers.csv, suppliers/, inventory.csv, report.html and summary.json into --out (default DIR/out).')
    .argument('[dir]', 'folder with the input files (default: current folder)'), addDataFlags, addForecastFlags, addPlanningFlags)
    .addOption(new Option('--fail-on <types>', 'exit 4 when alerts of these types exist: stockout_risk,overstock,dead_stock or any').argParser(parseFailOn))
    .addOption(new Option('--shard <k/n>', 'plan only the SKUs of shard K of N (K from 0, e.g. $JOB_COMPLETION_INDEX/8); join the shard sets with stockcast merge').argParser(parseShardFlag))
    .addOption(new Option('--report-top <n>', 'SKU x warehouse lines charted in report.html (default 40)').argParser(parseNonNegativeInt))
    .addOption(formatOption())
    .option('--history <file>', 'run history store to append this run to (default DIR/stockcast.db, or beside --out without DIR)')
    .option('--no-history', 'keep no run history for this run')
    .action(action(async () => (await import('./commands/plan.js')).runPlanCommand));

  withFlags(program.command('accuracy')
    .summary('realised accuracy of earlier nights\' forecasts from the run history')
    .description('Score the forecasts stored in the run history (DIR/stockcast.db) against the actual sales in DIR/sales.csv (the same period aggregation as plan): MASE and RMSSE (scaled by each forecast\'s in-sample seasonal-naive error), bias and 80/95 % interval coverage, overall, by --by group, by run date and by horizon step. Table on stdout; --json; CSV with -o FILE.')
    .argument('[dir]', 'folder with sales.csv and stockcast.db'), addDataFlags)
    .option('--history <file>', 'the run history store (default DIR/stockcast.db)')
    .addOption(new Option('--since <date>', 'only runs with an as-of date on or after this one (YYYY-MM-DD)').argParser(parseIsoDate))
    .addOption(new Option('--by <group>', 'group by sku (x warehouse), supplier, class (demand class), step (horizon) or run (as-of date); default class')
      .argParser(parseChoice(['sku', 'supplier', 'class', 'step', 'run'] as const)))
    .action(action(async () => (await import('./commands/accuracy.js')).runAccuracyCommand));

  program.command('merge')
    .summary('join the output sets of plan --shard K/N runs into one')
    .description('Join the output sets of `stockcast plan --shard K/N` runs (one folder per shard, 0..N-1, any order) into one output set at OUT, equal to the unsharded run: forecast.csv, reorder.csv, alerts.csv, transfers.csv, suppliers/ and summary.json. Refuses shards that are missing or given twice (exit 2) and shards of other inputs or settings (exit 3), leaving OUT untouched.')
    .argument('<out>', 'folder for the merged output set')
    .argument('<shard-dirs...>', 'the --out folders of the shard runs')
    .option('--json', 'print the summary as JSON on stdout')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--no-color', 'no colours (also: NO_COLOR, or output that is not a terminal)')
    .option('--debug', 'print stack traces of internal errors')
    .action(async (out: string, shardDirs: string[], flags: CommandFlags) => {
      const { runMergeCommand } = await import('./commands/merge.js');
      setExitCode(await runMergeCommand(out, shardDirs, flags));
    });

  withFlags(program.command('forecast')
    .summary('forecasts only')
    .description('Forecast demand per SKU x warehouse and write forecast.csv (to --out, or stdout with -o -).')
    .argument('[dir]', 'folder with sales.csv'), addDataFlags, addForecastFlags)
    .addOption(formatOption())
    .action(action(async () => (await import('./commands/forecast.js')).runForecastCommand));

  withFlags(program.command('backtest')
    .summary('rolling-origin accuracy of the forecasting methods')
    .description('Hold out the last --horizon periods --folds times, forecast with each method and report MASE, RMSSE, sMAPE, WAPE, bias and interval coverage per method and demand class.')
    .argument('[dir]', 'folder with sales.csv'), addDataFlags, addForecastFlags)
    .addOption(new Option('--folds <n>', 'rolling origins (default 3)').argParser(parsePositiveInt))
    .option('--methods <names>', 'methods to compare, comma separated (default: auto and the main families)')
    .option('--per-series', 'also report every series')
    .action(action(async () => (await import('./commands/backtest.js')).runBacktestCommand));

  withFlags(program.command('reorder')
    .summary('reorder suggestions only')
    .argument('[dir]', 'folder with the input files'), addDataFlags, addForecastFlags, addPlanningFlags)
    .action(action(async () => (await import('./commands/reorder.js')).runReorderCommand));

  withFlags(program.command('alerts')
    .summary('overstock, dead-stock and stockout-risk alerts only')
    .argument('[dir]', 'folder with the input files'), addDataFlags, addForecastFlags, addPlanningFlags)
    .addOption(new Option('--fail-on <types>', 'exit 4 when alerts of these types exist').argParser(parseFailOn))
    .action(action(async () => (await import('./commands/alerts.js')).runAlertsCommand));

  withFlags(program.command('rebalance')
    .summary('warehouse-to-warehouse transfer suggestions only')
    .argument('[dir]', 'folder with the input files'), addDataFlags, addForecastFlags, addPlanningFlags)
    .action(action(async () => (await import('./commands/rebalance.js')).runRebalanceCommand));

  withFlags(program.command('export')
    .summary('supplier reorder sheets (CSV and XLSX) from a reorder file')
    .description('Regenerate suppliers/<supplier>.csv and .xlsx from a (possibly edited) reorder.csv.')
    .argument('[dir]', 'folder with reorder.csv (and items.csv for descriptions)')
    .option('--reorder <file>', 'the reorder file (default DIR/reorder.csv, else DIR/out/reorder.csv)')
    .option('--items <file>', 'items.csv, for descriptions and pack sizes')
    .addOption(new Option('--as-of <date>', 'order date printed on the sheets (default: today)').argParser(parseIsoDate))
    .option('--reference <text>', 'order reference prefix printed on the sheets'), addOutputFlags)
    .action(action(async () => (await import('./commands/export.js')).runExportCommand));

  withFlags(program.command('simulate')
    .summary('replay the policy over your own history: fill, service, inventory, orders')
    .description('Replay the nightly policy over the last --weeks weeks of sales: at each review forecast the history so far, order, receive after the lead time, and serve the recorded demand. Planning flags override items.csv (what-if). Writes simulate.csv to --out.')
    .argument('[dir]', 'folder with the input files'), addDataFlags, addForecastFlags, addPlanningFlags)
    .addOption(new Option('--weeks <n>', 'weeks of history to replay (default 13)').argParser(parsePositiveInt))
    .option('--backorders', 'unmet demand waits for stock (default: it is lost)')
    .action(action(async () => (await import('./commands/simulate.js')).runSimulateCommand));

  withFlags(program.command('validate')
    .summary('check input files and report every problem, without planning')
    .argument('[dir]', 'folder with the input files'), addDataFlags)
    .addOption(new Option('--max-problems <n>', 'problems to print (default 50; all are counted)').argParser(parsePositiveInt))
    .action(action(async () => (await import('./commands/validate.js')).runValidateCommand));

  withFlags(program.command('report')
    .summary('rebuild report.html from an output set')
    .description('Rebuild the morning report (report.html: KPIs, ABC/XYZ matrix, charts of the top lines by money at stake, a table of every line) from the files of an output set.')
    .argument('[set]', 'output set folder, or a data folder whose out/ is one (default ./out)'), addSetReaderFlags)
    .option('-o, --out <file>', 'where to write the page (default SET/report.html); - for stdout')
    .addOption(new Option('--report-top <n>', 'SKU x warehouse lines charted (default 40)').argParser(parseNonNegativeInt))
    .option('--backtest <file>', 'saved output of stockcast backtest --json: its WAPE gives the forecast accuracy KPI')
    .action(action(async () => (await import('./commands/report.js')).runReportCommand));

  withFlags(program.command('show')
    .summary('history, forecast and bands of one SKU as a terminal chart')
    .argument('<sku>', 'the SKU')
    .argument('[dir]', 'output set folder, or a data folder whose out/ is one (default ./out)'), addSetReaderFlags)
    .option('--warehouse <name>', 'only this warehouse (default: every warehouse of the SKU)')
    .action(async (sku: string, dir: string | undefined, _options: unknown, command: Command) => {
      const { runShowCommand } = await import('./commands/show.js');
      setExitCode(await runShowCommand(sku, dir, command.opts() as CommandFlags));
    });

  return program;
}

/** `--format` of plan and forecast. */
function formatOption(): Option {
  return new Option('--format <format>', 'csv (default), or parquet: also write forecast.parquet and reorder.parquet').argParser(parseChoice(['csv', 'parquet'] as const));
}

/** Commands that read an output set (report, show). */
function addSetReaderFlags(command: Command): Command {
  return command
    .option('--json', 'print the result as JSON on stdout')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--no-color', 'no colours (also: NO_COLOR, or output that is not a terminal)')
    .option('--debug', 'print stack traces of internal errors');
}

function addOutputFlags(command: Command): Command {
  return command
    .option('-o, --out <path>', 'output folder (default DIR/out); - for stdout where a command writes one file')
    .option('--json', 'print the summary as JSON on stdout')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--no-color', 'no colours (also: NO_COLOR, or output that is not a terminal)')
    .option('--log-file <path>', 'also append warnings and log lines to this file')
    .option('--config <path>', 'config file (default DIR/stockcast.config.json when present)')
    .option('--debug', 'print stack traces of internal errors');
}

function addDataFlags(command: Command): Command {
  return addOutputFlags(command)
    .option('--sales <file>', 'sales file (default DIR/sales.csv, else DIR/sales.parquet)')
    .option('--stock <file>', 'stock file (default DIR/stock.csv, else DIR/stock.parquet)')
    .option('--items <file>', 'item master file (default DIR/items.csv or items.parquet when present)')
    .option('--lanes <file>', 'allowed transfers (default DIR/lanes.csv or lanes.parquet when present)')
    .option('--stock-history <file>', 'end-of-day stock per SKU x warehouse: out-of-stock days count as censored demand (default DIR/stock_history.csv when present)')
    .addOption(new Option('--as-of <date>', 'planning date YYYY-MM-DD (default: the day after the last sale)').argParser(parseIsoDate))
    .addOption(new Option('--freq <freq>', 'period: day, week, month or auto (default auto)').argParser(parseChoice(['day', 'week', 'month', 'auto'] as const)))
    .addOption(new Option('--series-end <mode>', 'as-of: every series runs to the last complete period before the as-of date; own: each to its own last row').argParser(parseChoice(['as-of', 'own'] as const)))
    .option('--map <pairs>', 'use another header for a known field, e.g. sku=series,quantity=Menge', parseMap)
    .option('--encoding <name>', 'input encoding: utf-8 (default), gbk, gb18030, latin1, windows-1252, utf-16le')
    .addOption(new Option('--date-format <format>', 'input date format').argParser(parseChoice(['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'YYYY/MM/DD'] as const)))
    .option('--decimal-comma', 'numbers use a decimal comma (detected for ;-separated files when unambiguous)');
}

function addForecastFlags(command: Command): Command {
  return command
    .addOption(new Option('--horizon <n>', 'periods to forecast (default: 28 days, 13 weeks or 6 months)').argParser(parsePositiveInt))
    .addOption(new Option('--method <name>', `forecasting method: ${forecastMethodNames().join(', ')} (default auto)`))
    .addOption(new Option('--level <percents>', 'prediction interval levels (default 80,95)').argParser(parseLevels))
    .addOption(new Option('--season <n>', 'seasonal period in periods (default 7 daily, 52 weekly, 12 monthly; 1 = none)').argParser(parsePositiveInt))
    .option('--seed <n>', 'seed for simulated intervals (default 1)', parsePositiveInt)
    .addOption(new Option('--jobs <n>', 'worker threads for forecasting (default: available cores); outputs are identical for every value').argParser(parsePositiveInt));
}

function addPlanningFlags(command: Command): Command {
  return command
    .addOption(new Option('--service-level <p>', 'default cycle service level for items without one (default 0.95)').argParser(parseServiceLevel))
    .addOption(new Option('--fill-rate <p>', 'default fill-rate target for items without a service_level or fill_rate (wins over --service-level)').argParser(parseServiceLevel))
    .addOption(new Option('--lead-time <days>', 'default lead time in days for items without one (default 14)').argParser(parseNonNegativeNumber))
    .addOption(new Option('--review-period <days>', 'default review period in days (default 1, the nightly run)').argParser(parseNonNegativeNumber))
    .addOption(new Option('--dead-stock-days <days>', 'no sales for this many days with stock on hand is dead stock (default 90)').argParser(parsePositiveInt))
    .addOption(new Option('--overstock-days <days>', 'cover beyond the order-up-to level that counts as overstock (default 60)').argParser(parseNonNegativeNumber))
    .addOption(new Option('--abc-limits <a,b>', 'cumulative value shares in percent where ABC classes A and B end (default 80,95)').argParser(parseNumberPair))
    .addOption(new Option('--xyz-limits <x,y>', 'demand CVs per period where XYZ classes X and Y end (default 0.5,1)').argParser(parseNumberPair));
}
