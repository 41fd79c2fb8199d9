import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AbcLimits, XyzLimits } from '../core/inventory/index.js';
import type { Frequency } from '../core/series/calendar.js';
import { shardOfSku } from '../core/shard-of-sku.js';
import { InputError, UsageError, type InputProblem } from '../errors.js';
import { openCsvRecords } from '../io/csv/csv-records.js';
import { beginOutputSet } from '../io/output-set/output-set.js';
import { SHARD_DATA_NAME, readShardData, type ShardData, type ShardSkuRecord } from '../io/output-set/shard-data-file.js';
import { writeSupplierSheets } from '../io/write/write-supplier-sheets.js';
import { VERSION } from '../version.js';
import { StageTimer } from './hooks.js';
import { planTableTexts } from './output-rows.js';
import { planInsights, writeInsights, writeSetReport, type PlanInsights } from './plan-insights.js';
import { assemblePlan, compareLineKeys } from './plan-stage.js';
import { writePlanParquet } from './parquet-outputs.js';
import { planSummary, type PlanSummary } from './plan-summary.js';
import { supplierSheets, type PlanRun } from './run-plan.js';

export interface MergeRequest {
  /** The merged set's folder (written as an output set, under its lock). */
  readonly out: string;
  /** The `--out` folders of `plan --shard K/N` runs, one per shard, any order. */
  readonly shardDirs: readonly string[];
}

export interface MergeRun extends PlanRun {
  readonly shards: number;
}

interface ShardSet {
  /** As given on the command line, for messages. */
  readonly name: string;
  readonly dir: string;
  readonly summary: PlanSummary & { shard: { index: number; count: number } };
}

/** The run facts of summary.json that every shard of one run shares. */
const SHARED_FACTS = ['version', 'command', 'as_of', 'freq', 'horizon', 'method', 'levels', 'series_end', 'inputs'] as const;

/**
 * `stockcast merge OUT SHARD...`: joins the shard sets of one sharded plan into the set the
 * unsharded run writes (every file byte for byte, summary.json apart from its times). Every
 * check runs before OUT is touched: folders that are not shard sets, a shard count that differs,
 * a shard given twice or missing (exit 2), shards of other inputs or settings (exit 3).
 */
export async function runMerge(request: MergeRequest): Promise<MergeRun> {
  const startedMerge = new Date();
  const timer = new StageTimer();
  if (request.shardDirs.length === 0) throw new UsageError('merge: give the output folder, then the folder of every shard (stockcast merge OUT SHARD_DIR...)');
  const out = path.resolve(request.out);
  const shards: ShardSet[] = [];
  for (const name of request.shardDirs) shards.push(await readShardSet(name, out));
  checkShardCover(shards);
  checkSameRun(shards);
  const data: ShardData[] = [];
  for (const shard of shards) data.push(await readShardData(path.join(shard.dir, SHARD_DATA_NAME), displayName(shard, SHARD_DATA_NAME)));
  const records = mergeRecords(shards, data);
  timer.mark('read');

  const first = shards[0].summary;
  const result = assemblePlan(records.map(toSkuPlan));
  const shared = data[0].header.settings as { abc_limits: AbcLimits; xyz_limits: XyzLimits; report_top: number; levels: number[] };
  const insights = mergedInsights(result, records, first.freq as Frequency, shared);
  const set = await beginOutputSet(out);
  try {
    await set.writeLines('forecast.csv', mergedForecast(shards, data));
    const texts = planTableTexts(result, insights.classOf);
    await set.writeText('reorder.csv', texts.reorder);
    await set.writeText('alerts.csv', texts.alerts);
    await set.writeText('transfers.csv', texts.transfers);
    await writeSupplierSheets(set, supplierSheets(result, records, first.as_of));
    await writeInsights(set, insights);
    // Shards planned with --format parquet carry forecast.parquet: the merged set gets it too, from the merged CSVs.
    if (await someShardHas(shards, 'forecast.parquet')) await writePlanParquet(set);
    timer.mark('write');
    const startedAt = new Date(Math.min(startedMerge.getTime(), ...shards.map((s) => Date.parse(s.summary.started_at)).filter(Number.isFinite)));
    const finishedAt = new Date();
    const summary = { ...planSummary(result, {
      command: 'plan', startedAt, finishedAt, asOf: first.as_of, freq: first.freq, horizon: first.horizon,
      method: first.method, levels: first.levels, seriesEnd: first.series_end, inputs: first.inputs,
      durations: {
        shards: Math.max(...shards.map((s) => s.summary.durations_ms.total ?? 0)),
        merge: timer.finish().total,
        total: finishedAt.getTime() - startedAt.getTime(),
      },
      salesRows: first.counts.sales_rows,
      methods: seriesMethods(data),
    }), kpis: insights.kpis, abc_xyz: insights.abcXyz };
    await set.writeText('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
    await writeSetReport(set, undefined, { reportTop: shared.report_top, levels: first.levels, freq: first.freq as Frequency, horizon: first.horizon });
    await set.commit();
    return { result, summary, written: set.outDir, shards: shards.length };
  } catch (error) {
    await set.abort();
    throw error;
  }
}

async function readShardSet(name: string, out: string): Promise<ShardSet> {
  const dir = path.resolve(name);
  if (dir === out) throw new UsageError(`merge: ${name} is both the output folder and a shard; write the merged set to another folder`);
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`merge: ${name}: no such folder`);
  const notShard = (why: string) => new UsageError(`merge: ${name} is not a shard set: ${why}; give the --out folders of \`stockcast plan --shard K/N\` runs`);
  const text = await readFile(path.join(dir, 'summary.json'), 'utf8').catch(() => undefined);
  if (text === undefined) throw notShard('it has no summary.json');
  let summary: Partial<PlanSummary>;
  try {
    summary = JSON.parse(text) as Partial<PlanSummary>;
  } catch {
    throw notShard('its summary.json is not JSON');
  }
  const shard = summary.shard;
  if (!shard || !Number.isInteger(shard.index) || !Number.isInteger(shard.count)) throw notShard('summary.json has no "shard" (an unsharded run?)');
  if (!(await stat(path.join(dir, SHARD_DATA_NAME)).catch(() => undefined))?.isFile()) throw notShard(`it has no ${SHARD_DATA_NAME}`);
  return { name, dir, summary: summary as ShardSet['summary'] };
}

function displayName(shard: ShardSet, file: string): string {
  return path.join(shard.name, file);
}

const label = (shard: ShardSet) => `${shard.summary.shard.index}/${shard.summary.shard.count} (${shard.name})`;

/** Exactly one set per shard 0..N-1, all of the same N. */
function checkShardCover(shards: readonly ShardSet[]): void {
  const counts = new Set(shards.map((s) => s.summary.shard.count));
  if (counts.size > 1) {
    throw new UsageError(`merge: the shards were cut into different numbers of parts: ${shards.map(label).join(', ')}; give the shards of one run`);
  }
  const count = shards[0].summary.shard.count;
  const byIndex = new Map<number, ShardSet>();
  for (const shard of shards) {
    const other = byIndex.get(shard.summary.shard.index);
    if (other) {
      throw new UsageError(`merge: shard ${shard.summary.shard.index}/${count} is given twice: ${other.name} and ${shard.name}`);
    }
    byIndex.set(shard.summary.shard.index, shard);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const list = missing.length > 5 ? `${missing.slice(0, 5).join(', ')} and ${missing.length - 5} more` : missing.join(', ');
    const what = missing.length === 1 ? `shard ${list} of ${count} is missing` : `shards ${list} of ${count} are missing`;
    throw new UsageError(`merge: ${what} (given: ${shards.map(label).join(', ')})`);
  }
}

/**
 * Same inputs (by SHA-256), same settings, and the version of this stockcast: every difference
 * from the first shard is listed (exit 3).
 */
function checkSameRun(shards: readonly ShardSet[]): void {
  const [first, ...rest] = [...shards].sort((a, b) => a.summary.shard.index - b.summary.shard.index);
  const problems: InputProblem[] = [];
  if (first.summary.version !== VERSION) {
    // Another version may forecast or write differently: the merged set would match neither.
    problems.push({
      ...mismatch(first, 'summary.json', 'version', `${VERSION} (this stockcast)`, String(first.summary.version)),
      hint: 'merge with the stockcast version that planned the shards',
    });
  }
  for (const shard of rest) {
    for (const fact of SHARED_FACTS) {
      if (fact === 'inputs') continue;
      const expected = JSON.stringify(first.summary[fact]);
      const actual = JSON.stringify(shard.summary[fact]);
      if (expected !== actual) problems.push(mismatch(shard, 'summary.json', fact, `${expected} as in ${first.name}`, actual ?? ''));
    }
    const names = new Set([...Object.keys(first.summary.inputs ?? {}), ...Object.keys(shard.summary.inputs ?? {})]);
    for (const input of names) {
      const expected = first.summary.inputs?.[input];
      const actual = shard.summary.inputs?.[input];
      if (expected?.sha256 !== actual?.sha256) {
        problems.push(mismatch(shard, 'summary.json', `inputs.${input}.sha256`,
          `${expected ? `${expected.sha256.slice(0, 12)}… (${expected.file})` : 'no such input'} as in ${first.name}`,
          actual ? `${actual.sha256.slice(0, 12)}… (${actual.file})` : 'no such input'));
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems);
}

function mismatch(shard: ShardSet, file: string, field: string, expected: string, actual: string): InputProblem {
  return { file: displayName(shard, file), line: 0, column: 0, field, expected, actual, hint: 'every shard must plan the same inputs with the same settings' };
}

/**
 * The SKU records of every shard in the unsharded run's order, after checking that the shard
 * data agrees with its summary.json, each SKU belongs to its shard and appears once, and the
 * series of all shards are exactly those of the whole run.
 */
function mergeRecords(shards: readonly ShardSet[], data: readonly ShardData[]): ShardSkuRecord[] {
  const problems: InputProblem[] = [];
  const first = data[0].header;
  const records: ShardSkuRecord[] = [];
  const owner = new Map<string, string>();
  data.forEach(({ header, records: own }, i) => {
    const shard = shards[i];
    const file = displayName(shard, SHARD_DATA_NAME);
    const problem = (field: string, expected: string, actual: string) => problems.push({
      file, line: 0, column: 0, field, expected, actual, hint: 'every shard must plan the same inputs with the same settings',
    });
    if (header.shard.index !== shard.summary.shard.index || header.shard.count !== shard.summary.shard.count) {
      problem('shard', `${shard.summary.shard.index}/${shard.summary.shard.count} as in its summary.json`, `${header.shard.index}/${header.shard.count}`);
    }
    if (header.version !== first.version) problem('version', `${first.version} as in ${shards[0].name}`, header.version);
    if (header.seriesTotal !== first.seriesTotal) problem('seriesTotal', `${first.seriesTotal} as in ${shards[0].name}`, String(header.seriesTotal));
    for (const key of new Set([...Object.keys(first.settings), ...Object.keys(header.settings)])) {
      const expected = JSON.stringify(first.settings[key]);
      const actual = JSON.stringify(header.settings[key]);
      if (expected !== actual) problem(`settings.${key}`, `${expected ?? 'nothing'} as in ${shards[0].name}`, actual ?? 'nothing');
    }
    for (const record of own) {
      if (shardOfSku(record.sku, header.shard.count) !== header.shard.index) {
        problem('sku', `SKUs of shard ${header.shard.index}/${header.shard.count}`, record.sku);
      }
      const seen = owner.get(record.sku);
      if (seen !== undefined) problem('sku', `each SKU in one shard, this one is in ${seen} too`, record.sku);
      owner.set(record.sku, shard.name);
      records.push(record);
    }
  });
  if (problems.length === 0) {
    const seen = new Uint8Array(first.seriesTotal);
    let count = 0;
    for (const record of records) {
      for (const [index] of record.series) {
        if (Number.isInteger(index) && index >= 0 && index < seen.length && seen[index] === 0) {
          seen[index] = 1;
          count++;
        } else {
          problems.push({ file: 'shard-data.jsonl', line: 0, column: 0, field: 'series', expected: `each series of the run once`, actual: `${record.sku} series ${index}`, hint: '' });
        }
      }
    }
    if (problems.length === 0 && count !== first.seriesTotal) {
      problems.push({ file: 'shard-data.jsonl', line: 0, column: 0, field: 'series', expected: `${first.seriesTotal} series over all shards`, actual: String(count), hint: 'a shard set is incomplete; run that shard again' });
    }
  }
  if (problems.length > 0) throw new InputError(problems.slice(0, 50), problems.length);
  return records.sort((a, b) => compareLineKeys(a.lines[0], b.lines[0]));
}

/** ABC/XYZ classes, KPIs and inventory.csv over all shards' SKUs (ABC ranks every line together). */
function mergedInsights(
  result: ReturnType<typeof assemblePlan>, records: readonly ShardSkuRecord[], freq: Frequency,
  shared: { abc_limits: AbcLimits; xyz_limits: XyzLimits },
): PlanInsights {
  const serviceLevels = new Map(records.map((record) => [record.sku, record.serviceLevel]));
  const series = records.flatMap((record) => record.facts.map((facts) => ({
    sku: record.sku,
    warehouse: facts.warehouse,
    series: { stats: facts.stats },
    recent: Float64Array.from(facts.recent),
    firstForecastPeriod: facts.firstForecastPeriod,
  })));
  return planInsights(result, series, {
    freq, abcLimits: shared.abc_limits, xyzLimits: shared.xyz_limits, serviceLevel: (sku) => serviceLevels.get(sku) ?? NaN,
  });
}

function toSkuPlan(record: ShardSkuRecord) {
  return { sku: record.sku, lines: record.lines, alerts: record.alerts, transfers: record.transfers, defaultsUsed: record.defaultsUsed };
}

/** Method label of every series (the order does not matter: summary.json counts them). */
function seriesMethods(data: readonly ShardData[]): string[] {
  return data.flatMap(({ records }) => records.flatMap((record) => record.series.map(([, method]) => method)));
}

/**
 * forecast.csv of the whole run: the header (the same in every shard), then each series'
 * rows copied byte for byte from its shard, in the whole run's series order.
 */
async function* mergedForecast(shards: readonly ShardSet[], data: readonly ShardData[]): AsyncGenerator<string> {
  const { seriesTotal, horizon } = data[0].header;
  const owner = new Int32Array(seriesTotal);
  data.forEach(({ records }, i) => { for (const record of records) for (const [index] of record.series) owner[index] = i; });
  const readers = shards.map((shard) => openCsvRecords(path.join(shard.dir, 'forecast.csv')));
  const damaged = (i: number, why: string) => new InputError([{
    file: displayName(shards[i], 'forecast.csv'), line: 0, column: 0, field: '', expected: why, actual: '', hint: 'run that shard again',
  }]);
  try {
    let header: string | undefined;
    for (let i = 0; i < readers.length; i++) {
      const own = (await readers[i].take(1)).text;
      if (header !== undefined && own !== header) throw damaged(i, `the header of ${displayName(shards[0], 'forecast.csv')}`);
      header = own;
    }
    yield header ?? '';
    for (let g = 0; g < seriesTotal; g++) {
      const chunk = await readers[owner[g]].take(horizon);
      if (chunk.records !== horizon) throw damaged(owner[g], `${horizon} rows for every series in ${SHARD_DATA_NAME}`);
      yield chunk.text;
    }
    for (let i = 0; i < readers.length; i++) {
      if ((await readers[i].take(1)).records > 0) throw damaged(i, `only the rows of the series in ${SHARD_DATA_NAME}`);
    }
  } finally {
    for (const reader of readers) reader.close();
  }
}

/** Whether any shard set holds the file (shards of one run were planned with the same settings). */
async function someShardHas(shards: readonly ShardSet[], file: string): Promise<boolean> {
  for (const shard of shards) {
    if (await stat(path.join(shard.dir, file)).then((info) => info.isFile(), () => false)) return true;
  }
  return false;
}
