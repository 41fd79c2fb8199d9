import type { Shard } from '../core/shard-of-sku.js';

/** Flags as commander hands them over (undefined when not given). */
export interface CommandFlags {
  readonly out?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly color?: boolean;
  readonly logFile?: string;
  readonly config?: string;
  readonly debug?: boolean;
  readonly sales?: string;
  readonly stock?: string;
  readonly items?: string;
  readonly lanes?: string;
  readonly stockHistory?: string;
  readonly asOf?: string;
  readonly freq?: 'day' | 'week' | 'month' | 'auto';
  readonly seriesEnd?: 'as-of' | 'own';
  readonly map?: Record<string, string>;
  readonly encoding?: string;
  readonly dateFormat?: string;
  readonly decimalComma?: boolean;
  readonly horizon?: number;
  readonly method?: string;
  readonly level?: number[];
  readonly season?: number;
  readonly seed?: number;
  readonly jobs?: number;
  readonly serviceLevel?: number;
  readonly fillRate?: number;
  /** simulate: weeks replayed. */
  readonly weeks?: number;
  /** simulate: unmet demand is backordered, not lost. */
  readonly backorders?: boolean;
  readonly leadTime?: number;
  readonly reviewPeriod?: number;
  readonly deadStockDays?: number;
  readonly overstockDays?: number;
  readonly failOn?: string[];
  readonly folds?: number;
  readonly methods?: string;
  readonly perSeries?: boolean;
  readonly maxProblems?: number;
  readonly reorder?: string;
  readonly reference?: string;
  readonly shard?: Shard;
  readonly abcLimits?: number[];
  readonly xyzLimits?: number[];
  readonly reportTop?: number;
  readonly warehouse?: string;
  readonly backtest?: string;
  readonly format?: 'csv' | 'parquet';
  /** `--history FILE`, or false for `--no-history`. */
  readonly history?: string | boolean;
  readonly since?: string;
  readonly by?: 'sku' | 'supplier' | 'class' | 'step' | 'run';
}
