import { describe, expect, it } from 'vitest';
import { correctCensoredDemand } from '../../../src/core/series/correct-censored-demand.js';
import type { SalesTable } from '../../../src/core/series/sales-table.js';

/** One SKU in MAIN selling `perDay(day)` on days 0..days-1 from `start` (rows only where > 0). */
function table(start: number, days: number, perDay: (i: number) => number): SalesTable {
  const rows: [number, number][] = [];
  for (let i = 0; i < days; i++) if (perDay(i) > 0) rows.push([start + i, perDay(i)]);
  return {
    skus: ['A'], warehouses: ['MAIN'], skuId: new Uint16Array(rows.length), warehouseId: new Uint8Array(rows.length),
    day: Int32Array.from(rows.map((r) => r[0])), quantity: Int32Array.from(rows.map((r) => r[1])),
    rowCount: rows.length, minDay: start, maxDay: start + days - 1, hasWarehouseColumn: false,
  };
}

const START = 19723; // a Monday (2024-01-01)
const total = (t: SalesTable) => { let s = 0; for (let r = 0; r < t.rowCount; r++) s += t.quantity[r]; return s; };

describe('correctCensoredDemand', () => {
  it('raises a stockout day to the mean of the same weekday on in-stock days nearby', () => {
    // 10 weeks; Mondays sell 12, other days 4; week 5 has a stockout on Monday (sold 3) and Tuesday (sold 0).
    const sales = table(START, 70, (i) => (i === 35 ? 3 : i === 36 ? 0 : i % 7 === 0 ? 12 : 4));
    const out = correctCensoredDemand(sales, [{ skuId: 0, warehouseId: 0, days: Int32Array.of(START + 35, START + 36) }]);
    expect(out.correctedDays).toBe(2);
    expect(out.correctedSeries).toBe(1);
    expect(out.unitsAdded).toBe(9 + 4); // Monday 12 - 3, Tuesday 4 - 0
    expect(total(out.table)).toBe(total(sales) + 13);
    expect(out.table.rowCount).toBe(sales.rowCount + 2);
  });

  it('leaves a closed weekday closed and a day that sold more than usual alone', () => {
    // Sundays never sell; a stockout on a Sunday adds nothing; a stockout Monday that sold 20 (> 12) adds nothing.
    const sales = table(START, 70, (i) => (i % 7 === 6 ? 0 : i === 28 ? 20 : i % 7 === 0 ? 12 : 4));
    const out = correctCensoredDemand(sales, [{ skuId: 0, warehouseId: 0, days: Int32Array.of(START + 13, START + 28) }]);
    expect(out.correctedDays).toBe(0);
    expect(out.table).toBe(sales);
  });

  it('without stockouts the table is returned as it was', () => {
    const sales = table(START, 14, () => 5);
    expect(correctCensoredDemand(sales, []).table).toBe(sales);
  });
});
