import type { SalesTable } from './sales-table.js';

/**
 * The distinct dates of a sales table, ascending, as day numbers. Marks days in a bitmap over
 * [minDay, maxDay] (at most ~110k entries for the accepted 1900..2200 range), so it is one pass
 * over the rows with no sorting: O(rows + days).
 *
 * @example distinctDays(table) // Int32Array [19723, 19724, 19730] for 2024-01-01, -02, -08
 */
export function distinctDays(table: SalesTable): Int32Array {
  if (table.rowCount === 0) return new Int32Array(0);
  const span = table.maxDay - table.minDay + 1;
  const seen = new Uint8Array(span);
  const day = table.day;
  let distinct = 0;
  for (let r = 0; r < table.rowCount; r++) {
    const offset = day[r] - table.minDay;
    if (seen[offset] === 0) {
      seen[offset] = 1;
      distinct++;
    }
  }
  const result = new Int32Array(distinct);
  let k = 0;
  for (let offset = 0; offset < span; offset++) {
    if (seen[offset] === 1) result[k++] = table.minDay + offset;
  }
  return result;
}
