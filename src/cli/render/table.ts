import { createRequire } from 'node:module';
import type Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';

/**
 * A cli-table3 table with our look; no colour codes in borders when colour is off. cli-table3
 * is loaded on first use (require: it is CommonJS), so --quiet and --json runs skip it.
 */
export function makeTable(head: string[], chalk: ChalkInstance, alignRight: number[] = []): Table.Table {
  const TableClass = createRequire(import.meta.url)('cli-table3') as typeof Table;
  const table = new TableClass({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [], compact: true },
    colAligns: head.map((_, i) => (alignRight.includes(i) ? 'right' : 'left')),
  });
  return table;
}

/** Plain number for humans: thousands separators, fixed decimals. */
export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return '';
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
