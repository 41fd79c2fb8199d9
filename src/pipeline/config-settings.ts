import { loadConfig } from '../io/read/config.js';
import type { SettingsInput } from './settings.js';

/**
 * Settings from `stockcast.config.json` (in the data folder, or `--config PATH`), as flag-shaped
 * values that command-line flags override. A bad config file is a usage error (exit 2) listing
 * every problem with its key.
 */
export async function loadSettingsFromConfig(dir: string | undefined, explicitPath: string | undefined): Promise<SettingsInput> {
  const config = await loadConfig(dir, explicitPath);
  if (!config) return {};
  return {
    freq: config.freq,
    horizon: config.horizon,
    method: config.method,
    level: config.levels,
    asOf: config.asOf,
    seriesEnd: config.seriesEnd,
    serviceLevel: config.serviceLevel,
    fillRate: config.fillRate,
    leadTime: config.leadTimeDays,
    leadTimeSd: config.leadTimeSdDays,
    reviewPeriod: config.reviewPeriodDays,
    moq: config.moq,
    packSize: config.packSize,
    holdingRate: config.holdingRate,
    orderCost: config.orderCost,
    deadStockDays: config.deadStockDays,
    overstockDays: config.overstockCoverDays,
    failOn: config.failOn,
    columns: config.columns,
    encoding: config.encoding,
    dateFormat: config.dateFormat,
    decimalComma: config.decimalComma,
    out: config.out,
    seed: config.seed,
    jobs: config.jobs,
    abcLimits: config.abcLimits,
    xyzLimits: config.xyzLimits,
    reportTop: config.reportTop,
    format: config.format,
    history: config.history,
    historyKeepDays: config.historyKeepDays,
  };
}
