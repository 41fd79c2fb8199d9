import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvToParquet, queryDuckDb, writeParquet } from '../io/parquet/parquet-files.js';
import { SAMPLES, runCli, tempDir } from './run-cli.js';

const INPUTS = ['sales', 'stock', 'items', 'lanes'];
const AS_OF = '2026-11-26';

/** Every file of an output set (following the set's link), by relative name. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(path.join(dir, '.'), { recursive: true }) as string[]) {
    const full = path.join(dir, name);
    if (statSync(full).isFile()) files.set(name, readFileSync(full));
  }
  return files;
}

/** summary.json without its times and without the inputs' file names, hashes and sizes (rows stay). */
function maskedSummary(bytes: Buffer | undefined): string {
  const summary = JSON.parse(String(bytes)) as Record<string, unknown>;
  for (const key of ['started_at', 'finished_at', 'durations_ms']) delete summary[key];
  const inputs = summary.inputs as Record<string, Record<string, unknown>>;
  for (const input of Object.values(inputs)) {
    delete input.file;
    delete input.sha256;
    delete input.bytes;
  }
  return JSON.stringify(summary, null, 2);
}

function csvOf(file: string): { header: string[]; rows: string[][] } {
  const { data } = Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true });
  return { header: data[0], rows: data.slice(1) };
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('Parquet inputs and --format parquet (issue 11)', () => {
  let base: string;
  let csvDir: string;
  let parquetDir: string;

  beforeAll(async () => {
    base = tempDir();
    csvDir = path.join(base, 'csv');
    parquetDir = path.join(base, 'parquet');
    mkdirSync(csvDir);
    mkdirSync(parquetDir);
    for (const name of INPUTS) {
      cpSync(path.join(SAMPLES, `${name}.csv`), path.join(csvDir, `${name}.csv`));
      await csvToParquet(path.join(SAMPLES, `${name}.csv`), path.join(parquetDir, `${name}.parquet`));
    }
    const runs = await Promise.all([
      runCli(['plan', csvDir, '--out', path.join(base, 'from-csv'), '--as-of', AS_OF, '--quiet', '--format', 'parquet']),
      runCli(['plan', parquetDir, '--out', path.join(base, 'from-parquet'), '--as-of', AS_OF, '--quiet', '--format', 'parquet']),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
  }, 120_000);

  it('Parquet inputs found in DIR give the same output set as the CSVs: every file byte for byte, summary.json apart from times and input files', () => {
    const fromCsv = filesOf(path.join(base, 'from-csv'));
    const fromParquet = filesOf(path.join(base, 'from-parquet'));
    expect([...fromParquet.keys()].sort()).toEqual([...fromCsv.keys()].sort());
    expect(fromCsv.size).toBeGreaterThan(10);
    for (const [name, bytes] of fromCsv) {
      if (name === 'summary.json') expect(maskedSummary(fromParquet.get(name)), name).toBe(maskedSummary(bytes));
      else expect(fromParquet.get(name)?.equals(bytes), `${name} differs`).toBe(true);
    }
  });

  it('summary.json names the Parquet inputs with the sha256 of their bytes', () => {
    const summary = JSON.parse(readFileSync(path.join(base, 'from-parquet', 'summary.json'), 'utf8')) as {
      inputs: Record<string, { file: string; sha256: string; rows: number }>;
    };
    for (const name of INPUTS) {
      expect(summary.inputs[name].file).toBe(`${name}.parquet`);
      expect(summary.inputs[name].sha256).toBe(sha256(path.join(parquetDir, `${name}.parquet`)));
    }
  });

  it.each(['forecast', 'reorder'])('%s.parquet reads back as the CSV: same columns in the same order, typed, same values', async (name) => {
    const out = path.join(base, 'from-csv');
    const csv = csvOf(path.join(out, `${name}.csv`));
    const parquet = await queryDuckDb(`SELECT * FROM read_parquet('${path.join(out, `${name}.parquet`)}')`);
    expect(parquet.names).toEqual(csv.header);
    const typeOf = Object.fromEntries(parquet.names.map((column, c) => [column, parquet.types[c]]));
    expect(typeOf).toMatchObject(name === 'forecast'
      ? { sku: 'VARCHAR', warehouse: 'VARCHAR', period: 'DATE', forecast: 'DOUBLE', lo80: 'DOUBLE', hi95: 'DOUBLE', method: 'VARCHAR' }
      : { sku: 'VARCHAR', supplier: 'VARCHAR', on_hand: 'DOUBLE', order_qty: 'BIGINT', stockout_date: 'DATE', order_value: 'DOUBLE', pack_size: 'BIGINT' });
    expect(parquet.rows.length).toBe(csv.rows.length);
    expect(csv.rows.length).toBeGreaterThan(10);
    const asCsvCell = (value: unknown, type: string): string => {
      if (value === null) return '';
      if (type === 'DATE') return (value as Date).toISOString().slice(0, 10);
      return String(value);
    };
    for (let r = 0; r < csv.rows.length; r++) {
      const back = parquet.rows[r].map((value, c) => asCsvCell(value, parquet.types[c]));
      const expected = csv.rows[r].map((cell, c) => (['VARCHAR', 'DATE'].includes(parquet.types[c]) || cell === '' ? cell : String(Number(cell))));
      expect(back, `${name} row ${r + 1}`).toEqual(expected);
    }
  });

  it('both sales.csv and sales.parquet in DIR: usage error (exit 2) naming both, nothing written', async () => {
    const both = path.join(base, 'both');
    cpSync(csvDir, both, { recursive: true });
    cpSync(path.join(parquetDir, 'sales.parquet'), path.join(both, 'sales.parquet'));
    const run = await runCli(['plan', both, '--out', path.join(base, 'both-out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('both sales.csv and sales.parquet are there; remove one, or name the file to read with --sales FILE');
    expect(existsSync(path.join(base, 'both-out'))).toBe(false);
  });

  it('--sales x.parquet wins over DIR/sales.csv', async () => {
    const run = await runCli(['forecast', csvDir, '--sales', path.join(parquetDir, 'sales.parquet'), '--as-of', AS_OF, '-o', '-']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(readFileSync(path.join(base, 'from-csv', 'forecast.csv'), 'utf8'));
  });

  it.each([
    ['wrong type', "SELECT DATE '2026-11-01' AS date, 'A' AS sku, 'three' AS quantity",
      'bad.parquet: quantity: expected an integer, floating-point or decimal column, got "VARCHAR" (column 3 "quantity")'],
    ['missing column', "SELECT DATE '2026-11-01' AS date, 'A' AS sku",
      'bad.parquet: quantity: expected a column named quantity, got "headers: date, sku" (use --map quantity=<Header>)'],
    ['empty cell', "SELECT * FROM (VALUES (DATE '2026-11-01', 'A', 1), (DATE '2026-11-02', 'A', NULL)) AS t(date, sku, quantity)",
      'bad.parquet: row 2, column 3: quantity: expected a number (the cell is empty)'],
    ['not Parquet at all', undefined, 'bad.parquet: expected a Parquet file (this file is not Parquet: name CSV files .csv)'],
  ])('a bad sales Parquet file (%s): exit 3 naming the file and column, output untouched', async (_, select, message) => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.parquet');
    if (select === undefined) writeFileSync(file, readFileSync(path.join(SAMPLES, 'sales.csv')));
    else await writeParquet(file, select);
    const out = path.join(dir, 'out');
    const run = await runCli(['plan', csvDir, '--sales', file, '--out', out]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`error: ${message}\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('validate checks Parquet inputs too', async () => {
    const run = await runCli(['validate', parquetDir, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('"sales.parquet"');
  });

  it('forecast --format parquet writes forecast.parquet beside forecast.csv; with -o - it is a usage error', async () => {
    const out = path.join(base, 'forecast-out');
    const run = await runCli(['forecast', parquetDir, '--as-of', AS_OF, '-o', out, '--format', 'parquet', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['forecast.csv', 'forecast.parquet']);
    const back = await queryDuckDb(`SELECT count(*) AS n FROM read_parquet('${path.join(out, 'forecast.parquet')}')`);
    expect(Number(back.rows[0][0])).toBe(csvOf(path.join(out, 'forecast.csv')).rows.length);
    const stdout = await runCli(['forecast', parquetDir, '-o', '-', '--format', 'parquet']);
    expect(stdout.code).toBe(2);
    expect(stdout.stderr).toContain('--format parquet writes files and cannot go to stdout (-o -)');
    expect(stdout.stdout).toBe('');
  });

  it('the config key format: "parquet" does what --format parquet does; --format csv wins over it', async () => {
    const dir = path.join(base, 'config');
    cpSync(csvDir, dir, { recursive: true });
    writeFileSync(path.join(dir, 'stockcast.config.json'), '{ "format": "parquet" }\n');
    const run = await runCli(['forecast', dir, '--as-of', AS_OF, '-o', path.join(dir, 'a'), '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'a')).sort()).toEqual(['forecast.csv', 'forecast.parquet']);
    const csvOnly = await runCli(['forecast', dir, '--as-of', AS_OF, '-o', path.join(dir, 'b'), '--format', 'csv', '--quiet']);
    expect(csvOnly.code, csvOnly.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'b'))).toEqual(['forecast.csv']);
  });
});
