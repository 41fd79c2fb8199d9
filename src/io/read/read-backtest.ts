import { readFile } from 'node:fs/promises';
import { UsageError } from '../../errors.js';

/** The accuracy of one method from a saved `stockcast backtest --json`. */
export interface BacktestAccuracy {
  readonly method: string;
  readonly asOf: string;
  readonly series: number;
  /** Pooled weighted absolute percentage error, a fraction. */
  readonly wape: number;
  readonly mase: number;
  /** Share of actuals inside the 95 % band. */
  readonly coverage95: number;
}

/**
 * Reads the output of `stockcast backtest --json` saved to a file and picks `method`'s row
 * (falling back to `auto`). A missing file, other JSON or a file without the method is a usage
 * error saying how to make one.
 */
export async function readBacktestAccuracy(file: string, method: string): Promise<BacktestAccuracy> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new UsageError(`--backtest ${file}: expected the JSON of stockcast backtest --json (stockcast backtest DIR --json > ${file})`);
  }
  const run = parsed as { asOf?: unknown; by_method?: { method?: unknown; summary?: Record<string, unknown> }[] };
  const rows = Array.isArray(run.by_method) ? run.by_method : [];
  const row = rows.find((r) => r.method === method) ?? rows.find((r) => r.method === 'auto');
  const summary = row?.summary ?? {};
  if (!row || typeof summary.wape !== 'number') {
    throw new UsageError(`--backtest ${file}: no accuracy of method "${method}"${method === 'auto' ? '' : ' or "auto"'} in it (methods: ${rows.map((r) => String(r.method)).join(', ') || 'none'})`);
  }
  return {
    method: String(row.method),
    asOf: String(run.asOf ?? ''),
    series: Number(summary.series ?? 0),
    wape: summary.wape,
    mase: Number(summary.mase ?? NaN),
    coverage95: Number(summary.coverage95 ?? NaN),
  };
}
