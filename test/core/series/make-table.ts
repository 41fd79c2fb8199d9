import { parseIsoDay } from '../../../src/core/series/calendar.js';
import type { SalesTable } from '../../../src/core/series/sales-table.js';

/** A SalesTable from [ISO date, sku, warehouse, quantity] rows, interning names in order of appearance. */
export function makeTable(rows: readonly (readonly [string, string, string, number])[]): SalesTable {
  const skus: string[] = [];
  const warehouses: string[] = [];
  const n = rows.length;
  const table = {
    skus, warehouses,
    skuId: new Int32Array(n), warehouseId: new Int32Array(n), day: new Int32Array(n), quantity: new Float64Array(n),
    rowCount: n, minDay: NaN, maxDay: NaN, hasWarehouseColumn: true,
  };
  let minDay = Infinity;
  let maxDay = -Infinity;
  rows.forEach(([date, sku, warehouse, quantity], r) => {
    if (!skus.includes(sku)) skus.push(sku);
    if (!warehouses.includes(warehouse)) warehouses.push(warehouse);
    table.skuId[r] = skus.indexOf(sku);
    table.warehouseId[r] = warehouses.indexOf(warehouse);
    table.day[r] = parseIsoDay(date);
    table.quantity[r] = quantity;
    minDay = Math.min(minDay, table.day[r]);
    maxDay = Math.max(maxDay, table.day[r]);
  });
  return { ...table, minDay: n ? minDay : NaN, maxDay: n ? maxDay : NaN };
}
