import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  densifyDemand, groupSeriesRows, seriesRowsOf, type SeriesLayout,
} from '../../../src/core/series/series-rows.js';
import type { SalesTable } from '../../../src/core/series/sales-table.js';

/** A table over SKUs s0..s{skus-1} and warehouses w0..w{warehouses-1} from [day, sku id, warehouse id, quantity] rows. */
function tableOf(
  rows: readonly (readonly [number, number, number, number])[], skus: number, warehouses: number, quantityType: 'int16' | 'float64' = 'float64',
): SalesTable {
  const days = rows.map((r) => r[0]);
  return {
    skus: Array.from({ length: skus }, (_, i) => `s${i}`),
    warehouses: Array.from({ length: warehouses }, (_, i) => `w${i}`),
    skuId: Int32Array.from(rows, (r) => r[1]),
    warehouseId: Int32Array.from(rows, (r) => r[2]),
    day: Int32Array.from(days),
    quantity: quantityType === 'int16' ? Int16Array.from(rows, (r) => r[3]) : Float64Array.from(rows, (r) => r[3]),
    rowCount: rows.length,
    minDay: Math.min(...days),
    maxDay: Math.max(...days),
    hasWarehouseColumn: true,
  };
}

/** Slow, obvious reference: a Map from "slot/period" to the sum of its rows, read out per slot and clipped at 0. */
function referenceValues(table: SalesTable, layout: SeriesLayout): number[][] {
  const sums = new Map<string, number>();
  for (let r = 0; r < table.rowCount; r++) {
    const period = layout.periodOfDay[table.day[r] - layout.minDay];
    if (table.day[r] >= layout.asOfDay || period > layout.endPeriod) continue;
    const key = table.skuId[r] * table.warehouses.length + table.warehouseId[r];
    const slot = layout.slotOfKey === undefined ? key : layout.slotOfKey.get(key)!;
    sums.set(`${slot}/${period}`, (sums.get(`${slot}/${period}`) ?? 0) + table.quantity[r]);
  }
  return Array.from(layout.length, (n, slot) =>
    Array.from({ length: n }, (_, t) => Math.max(0, sums.get(`${slot}/${layout.firstPeriod[slot] + t}`) ?? 0)));
}

/** Layout with weekly-like periods (day / 3), each slot spanning its rows' periods up to `endPeriod`. */
function layoutOf(table: SalesTable, asOfDay: number, endPeriod: number, useMap: boolean): SeriesLayout {
  const keys = table.skus.length * table.warehouses.length;
  const periodOfDay = Int32Array.from({ length: table.maxDay - table.minDay + 1 }, (_, i) => Math.floor((table.minDay + i) / 3));
  const slotOfKey = useMap ? new Map<number, number>() : undefined;
  const first = new Map<number, number>();
  for (let r = 0; r < table.rowCount; r++) {
    const period = periodOfDay[table.day[r] - table.minDay];
    if (table.day[r] >= asOfDay || period > endPeriod) continue;
    const key = table.skuId[r] * table.warehouses.length + table.warehouseId[r];
    if (slotOfKey !== undefined && !slotOfKey.has(key)) slotOfKey.set(key, slotOfKey.size);
    const slot = slotOfKey === undefined ? key : slotOfKey.get(key)!;
    first.set(slot, Math.min(first.get(slot) ?? Infinity, period));
  }
  const slots = slotOfKey === undefined ? keys : slotOfKey.size;
  const firstPeriod = new Int32Array(slots);
  const length = new Int32Array(slots);
  for (const [slot, period] of first) {
    firstPeriod[slot] = period;
    length[slot] = endPeriod - period + 1;
  }
  return { asOfDay, endPeriod, periodOfDay, minDay: table.minDay, firstPeriod, length, slotOfKey };
}

/** Every slot's dense values, each built by densifyDemand from its grouped rows. */
function denseValues(table: SalesTable, layout: SeriesLayout): number[][] {
  const groups = groupSeriesRows(table, layout);
  return Array.from(layout.length, (n, slot) => {
    const rows = seriesRowsOf(groups, slot);
    expect(rows.length).toBe(n);
    return Array.from(densifyDemand(rows, new Float64Array(n)));
  });
}

describe('groupSeriesRows and densifyDemand', () => {
  it('sum rows per series and period, net returns and clip at 0 (hand example)', () => {
    // slot 1 (s0/w1): days 30, 31 in period 10 (2 + 3 = 5), day 36 in period 12 (-4 -> 0); slot 0 (s0/w0): day 33 -> period 11.
    const table = tableOf([[30, 0, 1, 2], [33, 0, 0, 7], [31, 0, 1, 3], [36, 0, 1, -4], [40, 0, 1, 9]], 1, 2);
    const layout = layoutOf(table, 40, 12, false); // day 40 is on the as-of day: not history
    const groups = groupSeriesRows(table, layout);
    const rows = seriesRowsOf(groups, 1);
    expect(Array.from(rows.periods)).toEqual([0, 0, 2]); // file order kept
    expect(Array.from(rows.quantities)).toEqual([2, 3, -4]);
    expect(Array.from(densifyDemand(rows, new Float64Array(3)))).toEqual([5, 0, 0]);
    expect(Array.from(densifyDemand(seriesRowsOf(groups, 0), new Float64Array(2)))).toEqual([7, 0]);
  });

  it('densifyDemand overwrites a longer, used target and returns a view of the series\' length', () => {
    const target = Float64Array.of(9, 9, 9, 9);
    const values = densifyDemand({ length: 3, periods: Int32Array.of(2, 0), quantities: Int16Array.of(4, -1) }, target);
    expect(Array.from(values)).toEqual([0, 0, 4]);
    expect(values.buffer).toBe(target.buffer);
  });

  it('keeps the quantity column\'s type, in shared memory', () => {
    const table = tableOf([[30, 0, 0, 2], [31, 0, 0, 3]], 1, 1, 'int16');
    const groups = groupSeriesRows(table, layoutOf(table, 40, 12, false));
    expect(groups.quantities).toBeInstanceOf(Int16Array);
    expect(groups.quantities.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(groups.periods.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('equal the slow reference for any rows, slot numbering and quantity type', () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: -6, max: 20 }));
    fc.assert(fc.property(
      fc.array(row, { minLength: 1, maxLength: 120 }), fc.integer({ min: 0, max: 70 }), fc.boolean(), fc.constantFrom('int16', 'float64'),
      (rows, asOfDay, useMap, quantityType: 'int16' | 'float64') => {
        const table = tableOf(rows, 6, 3, quantityType);
        const layout = layoutOf(table, asOfDay, Math.floor(asOfDay / 3) - 1, useMap);
        expect(denseValues(table, layout)).toEqual(referenceValues(table, layout));
      },
    ), { numRuns: 300 });
  });

  it('clips at 0 with and without returns, writing every value of a used target', () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 29 }), fc.integer({ min: -3, max: 9 }));
    fc.assert(fc.property(fc.array(row, { maxLength: 40 }), fc.boolean(), (rows, noReturns) => {
      const quantities = rows.map(([, q]) => (noReturns ? Math.abs(q) : q));
      const series = { length: 30, periods: Int32Array.from(rows, ([p]) => p), quantities: Int16Array.from(quantities) };
      const whole = Array.from(densifyDemand(series, new Float64Array(30)));
      const sums = new Array<number>(30).fill(0);
      rows.forEach(([p], i) => { sums[p] += quantities[i]; });
      expect(whole).toEqual(sums.map((v) => Math.max(0, v)));
      expect(Array.from(densifyDemand(series, new Float64Array(30).fill(-1)))).toEqual(whole);
    }), { numRuns: 300 });
  });

  it('sums fractional quantities of a period in file order, as the reference does', () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1 }), fc.constant(0), fc.double({ min: -5, max: 5, noNaN: true }));
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (rows) => {
      const table = tableOf(rows, 2, 1);
      const layout = layoutOf(table, 30, 9, false);
      expect(denseValues(table, layout)).toEqual(referenceValues(table, layout));
    }), { numRuns: 200 });
  });
});
