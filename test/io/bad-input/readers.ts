// Shared by the bad-input suite: every input reader under one name, a small valid file per
// reader, and the outcome of a read as plain data (warnings, or the problems of an InputError).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatProblem, InputError, type InputProblem } from '../../../src/errors.js';
import { readItems } from '../../../src/io/read/read-items.js';
import { readLanes } from '../../../src/io/read/read-lanes.js';
import type { ReadOptions, Warning } from '../../../src/io/read/read-options.js';
import { readReorder } from '../../../src/io/read/read-reorder.js';
import { readSales } from '../../../src/io/read/read-sales.js';
import { readStock } from '../../../src/io/read/read-stock.js';

export type Role = 'sales' | 'stock' | 'items' | 'lanes' | 'reorder';
export const ROLES: readonly Role[] = ['sales', 'stock', 'items', 'lanes', 'reorder'];

type Reader = (file: string, options?: ReadOptions) => Promise<{ warnings: Warning[] }>;

export const READERS: Record<Role, Reader> = {
  sales: readSales, stock: readStock, items: readItems, lanes: readLanes, reorder: readReorder,
};

/** Rows read by a successful read, whatever the reader returns. */
function rowCount(result: unknown): number {
  const value = result as { rows?: unknown[]; table?: { rowCount: number } };
  return value.rows?.length ?? value.table?.rowCount ?? 0;
}

/** A valid file per reader: header first, then data lines (no line break at the end). */
export const VALID: Record<Role, readonly string[]> = {
  sales: ['date,sku,warehouse,quantity', '2026-01-05,A-1,BER,3', '2026-01-06,A-1,HAM,2', '2026-01-06,B-2,BER,1.5'],
  stock: ['sku,warehouse,on_hand,on_order', 'A-1,BER,10,0', 'A-1,HAM,4,2', 'B-2,BER,7,0'],
  items: ['sku,supplier,lead_time_days,moq,pack_size,service_level', 'A-1,Acme,7,10,5,0.95', 'B-2,Böhm KG,14,1,1,0.9'],
  lanes: ['from,to,cost_per_unit,lead_time_days', 'BER,HAM,0.35,2', 'HAM,BER,0.35,2'],
  reorder: ['sku,warehouse,supplier,order_qty,unit_cost,pack_size', 'A-1,BER,Acme,20,1.5,5', 'B-2,BER,Böhm KG,3,2,1'],
};

/** Where a problem or a whole-file problem is: `file:line:column`, `file:line` or `file`. */
export const PROBLEM_FORM = /^[\w.-]+\.csv(:\d+(:\d+)?)?: /;

export type Outcome =
  | { readonly kind: 'ok'; readonly rows: number; readonly warnings: readonly Warning[] }
  | { readonly kind: 'input'; readonly problems: readonly InputProblem[]; readonly messages: readonly string[]; readonly total: number };

/** Reads `file` with the reader of `role`; an InputError becomes an outcome, anything else is rethrown. */
export async function outcomeOf(role: Role, file: string, options: ReadOptions = {}): Promise<Outcome> {
  try {
    const result = await READERS[role](file, options);
    return { kind: 'ok', rows: rowCount(result), warnings: result.warnings };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { kind: 'input', problems: error.problems, messages: error.problems.map(formatProblem), total: error.total };
  }
}

export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
