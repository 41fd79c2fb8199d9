import {
  SHARD_DATA_FORMAT, SHARD_DATA_NAME, shardDataLines, type ShardSeriesFacts, type ShardSkuRecord,
} from '../io/output-set/shard-data-file.js';
import type { OutputSet } from '../io/output-set/output-set.js';
import { VERSION } from '../version.js';
import { formatDay } from '../core/series/calendar.js';
import type { SeriesOutcome } from './forecast-stage.js';
import type { ItemInput, PlanStageResult } from './plan-stage.js';
import type { PreparedSeries } from './prepare-series.js';
import type { ShardSelection } from './select-shard.js';
import type { RunSettings } from './settings.js';

/**
 * The settings that shape a plan, resolved (as-of date, frequency, horizon, season as the run
 * used them): shards of one run must agree on every one, and `merge` checks that they do.
 */
export function planSettings(settings: RunSettings, prepared: PreparedSeries): Record<string, unknown> {
  return {
    as_of: formatDay(prepared.asOfDay),
    freq: prepared.freq,
    horizon: prepared.horizon,
    season: prepared.seasonPeriod,
    series_end: settings.seriesEnd,
    method: settings.method,
    levels: settings.levels,
    seed: settings.seed,
    item_defaults: settings.itemDefaults,
    dead_stock_days: settings.deadStockDays,
    overstock_days: settings.overstockDays,
    abc_limits: settings.abcLimits,
    xyz_limits: settings.xyzLimits,
    report_top: settings.reportTop,
    read: settings.read,
  };
}

/** Writes `shard-data.jsonl` into the shard's output set (see io/output-set/shard-data-file.ts). */
export async function writeShardData(set: OutputSet, run: {
  settings: RunSettings;
  prepared: PreparedSeries;
  selection: ShardSelection;
  outcomes: readonly SeriesOutcome[];
  result: PlanStageResult;
  items: readonly ItemInput[];
  serviceLevel: (sku: string) => number;
}): Promise<void> {
  const { selection, settings, prepared } = run;
  if (!selection.shard) return;
  const seriesBySku = new Map<string, [number, string][]>();
  const factsBySku = new Map<string, ShardSeriesFacts[]>();
  for (const outcome of run.outcomes) {
    const index = selection.seriesIndex.get(`${outcome.sku}\u0000${outcome.warehouse}`);
    if (index === undefined) throw new Error(`series ${outcome.sku} @ ${outcome.warehouse} is not in the run's series list`);
    const list = seriesBySku.get(outcome.sku);
    if (list) list.push([index, outcome.forecast.method]);
    else seriesBySku.set(outcome.sku, [[index, outcome.forecast.method]]);
    const facts: ShardSeriesFacts = {
      warehouse: outcome.warehouse, stats: outcome.series.stats, recent: Array.from(outcome.recent), firstForecastPeriod: outcome.firstForecastPeriod,
    };
    const factList = factsBySku.get(outcome.sku);
    if (factList) factList.push(facts);
    else factsBySku.set(outcome.sku, [facts]);
  }
  const descriptions = new Map(run.items.map((item) => [item.sku, item.description ?? '']));
  function* records(): Generator<ShardSkuRecord> {
    for (const plan of run.result.skus) {
      yield {
        sku: plan.sku,
        description: descriptions.get(plan.sku) ?? '',
        series: seriesBySku.get(plan.sku) ?? [],
        lines: plan.lines,
        alerts: plan.alerts,
        transfers: plan.transfers,
        defaultsUsed: plan.defaultsUsed,
        serviceLevel: run.serviceLevel(plan.sku),
        facts: factsBySku.get(plan.sku) ?? [],
      };
    }
  }
  await set.writeLines(SHARD_DATA_NAME, shardDataLines({
    format: SHARD_DATA_FORMAT,
    version: VERSION,
    shard: { index: selection.shard.index, count: selection.shard.count },
    seriesTotal: selection.seriesTotal,
    horizon: prepared.horizon,
    settings: planSettings(settings, prepared),
  }, records()));
}
