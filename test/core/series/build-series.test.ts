import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDemandSeries, defaultAsOf, detectFrequency, isPreAggregated, lastCompletePeriod } from '../../../src/core/series/build-series.js';
import { formatDay, parseIsoDay, periodIndex, periodIndexStart, type Frequency } from '../../../src/core/series/calendar.js';
import { demandStats } from '../../../src/core/series/demand-stats.js';
import type { SalesTable } from '../../../src/core/series/sales-table.js';
import { makeTable } from './make-table.js';

const day = parseIsoDay;
const asArray = (values: Float64Array) => Array.from(values);

describe('buildDemandSeries', () => {
  it('zero-fills daily demand from the first sale to the day before as-of and nets returns', () => {
    const table = makeTable([
      ['2024-01-01', 'A', 'MAIN', 5], ['2024-01-03', 'A', 'MAIN', 2], ['2024-01-03', 'A', 'MAIN', -4], ['2024-01-04', 'A', 'MAIN', 1],
    ]);
    const [series, ...rest] = buildDemandSeries(table, { freq: 'day', asOfDay: day('2024-01-06'), seriesEnd: 'as-of' });
    expect(rest).toEqual([]);
    expect(series.firstPeriod).toBe(day('2024-01-01'));
    // 01: 5, 02: 0, 03: 2 - 4 = -2 clipped to 0, 04: 1, 05: 0 (as-of 06 excludes the 6th)
    expect(asArray(series.values)).toEqual([5, 0, 0, 1, 0]);
    expect(series.stats.firstSaleDay).toBe(day('2024-01-01'));
    expect(series.stats.lastSaleDay).toBe(day('2024-01-04'));
  });

  it('buckets ISO weeks from Monday across the year end: 2024-12-30 is in week 2025-W01', () => {
    const table = makeTable([
      ['2024-12-22', 'A', 'MAIN', 1], // Sunday, week of Monday 2024-12-16
      ['2024-12-23', 'A', 'MAIN', 2], // Monday
      ['2024-12-29', 'A', 'MAIN', 3], // Sunday, same week as the 23rd
      ['2024-12-30', 'A', 'MAIN', 4], // Monday of 2025-W01
      ['2025-01-05', 'A', 'MAIN', 5], // Sunday of 2025-W01
    ]);
    const [series] = buildDemandSeries(table, { freq: 'week', asOfDay: day('2025-01-06'), seriesEnd: 'as-of' });
    expect(formatDay(periodIndexStart(series.firstPeriod, 'week'))).toBe('2024-12-16');
    expect(asArray(series.values)).toEqual([1, 5, 9]);
    expect(formatDay(periodIndexStart(series.firstPeriod + 2, 'week'))).toBe('2024-12-30');
  });

  it('excludes an incomplete trailing period of raw daily data', () => {
    const table = makeTable([['2024-01-10', 'A', 'MAIN', 1], ['2024-02-10', 'A', 'MAIN', 2], ['2024-03-05', 'A', 'MAIN', 7]]);
    const asOfDay = defaultAsOf(table); // 2024-03-06: March is not over
    expect(asOfDay).toBe(day('2024-03-06'));
    const [series] = buildDemandSeries(table, { freq: 'month', asOfDay, seriesEnd: 'as-of' });
    expect(asArray(series.values)).toEqual([1, 2]);
    // Once as-of passes the end of March, March counts.
    const [later] = buildDemandSeries(table, { freq: 'month', asOfDay: day('2024-04-01'), seriesEnd: 'as-of' });
    expect(asArray(later.values)).toEqual([1, 2, 7]);
  });

  it('counts the last dated period of pre-aggregated monthly data as complete', () => {
    const table = makeTable([['2024-01-01', 'A', 'MAIN', 10], ['2024-02-01', 'A', 'MAIN', 20], ['2024-03-01', 'A', 'MAIN', 30]]);
    expect(isPreAggregated(table, 'month')).toBe(true);
    const [series] = buildDemandSeries(table, { freq: 'month', asOfDay: defaultAsOf(table), seriesEnd: 'as-of' });
    expect(asArray(series.values)).toEqual([10, 20, 30]);
    expect(lastCompletePeriod(table, 'month', defaultAsOf(table))).toBe(periodIndex(day('2024-03-01'), 'month'));
  });

  it('as-of: a SKU that stopped selling runs to the common end with zeros; own: it ends at its last row', () => {
    const table = makeTable([
      ['2024-01-01', 'B', 'MAIN', 1], ['2024-01-02', 'A', 'MAIN', 3], ['2024-01-05', 'B', 'MAIN', 2],
    ]);
    const asOf = buildDemandSeries(table, { freq: 'day', asOfDay: day('2024-01-06'), seriesEnd: 'as-of' });
    expect(asOf.map((s) => [table.skus[s.skuId], s.firstPeriod - day('2024-01-01'), asArray(s.values)])).toEqual([
      ['A', 1, [3, 0, 0, 0]], ['B', 0, [1, 0, 0, 0, 2]],
    ]);
    const own = buildDemandSeries(table, { freq: 'day', asOfDay: day('2024-01-06'), seriesEnd: 'own' });
    expect(own.map((s) => asArray(s.values))).toEqual([[3], [1, 0, 0, 0, 2]]);
  });

  it('refuses an as-of that is not a day number (a caller bug, not a data problem)', () => {
    const table = makeTable([['2024-01-01', 'A', 'MAIN', 1]]);
    expect(() => buildDemandSeries(table, { freq: 'day', asOfDay: NaN, seriesEnd: 'as-of' })).toThrow(RangeError);
  });

  it('sorts series by SKU name then warehouse name and leaves out series with no complete period', () => {
    const table = makeTable([
      ['2024-01-01', 'b', 'W2', 1], ['2024-01-01', 'a', 'W2', 1], ['2024-01-01', 'b', 'W1', 1], ['2024-01-09', 'c', 'W1', 1],
    ]);
    const result = buildDemandSeries(table, { freq: 'day', asOfDay: day('2024-01-09'), seriesEnd: 'as-of' });
    expect(result.map((s) => `${table.skus[s.skuId]}/${table.warehouses[s.warehouseId]}`)).toEqual(['a/W2', 'b/W1', 'b/W2']);
  });

  it('computes ADI, CV² and the demand class on a hand series', () => {
    // Weekly demand 0, 4, 0, 0, 2, 0 (Mondays from 2024-01-01, as-of after the 6th week).
    const table = makeTable([['2024-01-01', 'A', 'MAIN', 0], ['2024-01-08', 'A', 'MAIN', 4], ['2024-01-29', 'A', 'MAIN', 2]]);
    const [series] = buildDemandSeries(table, { freq: 'week', asOfDay: day('2024-02-12'), seriesEnd: 'as-of' });
    expect(asArray(series.values)).toEqual([0, 4, 0, 0, 2, 0]);
    // Non-zero at positions 2 and 5 (1-based): intervals 2, 3 -> ADI 2.5. Sizes 4, 2: mean 3,
    // population variance ((1)^2 + (-1)^2) / 2 = 1, CV² = 1 / 9.
    expect(series.stats.adi).toBeCloseTo(2.5, 12);
    expect(series.stats.cv2).toBeCloseTo(1 / 9, 12);
    expect(series.stats.zeroShare).toBeCloseTo(4 / 6, 12);
    expect(series.stats.demandClass).toBe('intermittent');
  });

  it('gives the same series whatever the row order (appends and out-of-order inserts agree)', () => {
    const rows: [string, string, string, number][] = [];
    for (let d = 1; d <= 28; d++) {
      for (const sku of ['A', 'B', 'C']) rows.push([`2024-02-${String(d).padStart(2, '0')}`, sku, d % 2 ? 'N' : 'S', (d * 7) % 5 - 1]);
    }
    const dateOrdered = makeTable(rows);
    const skuOrdered = makeTable([...rows].sort((x, y) => (x[1] + x[2]).localeCompare(y[1] + y[2])));
    const options = { freq: 'week' as const, asOfDay: day('2024-03-01'), seriesEnd: 'as-of' as const };
    const a = buildDemandSeries(dateOrdered, options);
    const b = buildDemandSeries(skuOrdered, options);
    expect(a.map((s) => asArray(s.values))).toEqual(b.map((s) => asArray(s.values)));
  });
});

/** Slow, obvious reference: per series and period, sum rows before as-of, clip at 0. */
function referenceTotal(table: SalesTable, freq: Frequency, asOfDay: number): number {
  const end = lastCompletePeriod(table, freq, asOfDay);
  const sums = new Map<string, number>();
  for (let r = 0; r < table.rowCount; r++) {
    const period = periodIndex(table.day[r], freq);
    if (table.day[r] >= asOfDay || period > end) continue;
    const key = `${table.skuId[r]}/${table.warehouseId[r]}/${period}`;
    sums.set(key, (sums.get(key) ?? 0) + table.quantity[r]);
  }
  let total = 0;
  for (const value of sums.values()) total += Math.max(0, value);
  return total;
}

describe('buildDemandSeries properties', () => {
  const rowArb = fc.tuple(
    fc.integer({ min: 0, max: 120 }), fc.constantFrom('A', 'B', 'C', 'D'), fc.constantFrom('N', 'S'), fc.integer({ min: -5, max: 20 }),
  );
  it('the sum of all series values equals the sum of positive net demand per series and period', () => {
    fc.assert(fc.property(
      fc.array(rowArb, { minLength: 1, maxLength: 80 }), fc.constantFrom<Frequency>('day', 'week', 'month'), fc.integer({ min: 0, max: 130 }),
      (rows, freq, asOfOffset) => {
        const start = day('2024-01-01');
        const table = makeTable(rows.map(([d, sku, wh, q]) => [formatDay(start + d), sku, wh, q] as const));
        const asOfDay = start + asOfOffset;
        const series = buildDemandSeries(table, { freq, asOfDay, seriesEnd: 'as-of' });
        let total = 0;
        for (const s of series) {
          expect(s.values.length).toBe(s.length);
          let seriesTotal = 0;
          for (const v of s.values) {
            expect(v).toBeGreaterThanOrEqual(0);
            seriesTotal += v;
          }
          expect(s.stats.totalDemand).toBe(seriesTotal);
          total += seriesTotal;
        }
        expect(total).toBe(referenceTotal(table, freq, asOfDay)); // integers: exact
      },
    ), { numRuns: 300 });
  });
});

describe('detectFrequency', () => {
  it('calls first-of-month dates monthly, Mondays weekly, anything else daily', () => {
    expect(detectFrequency(makeTable([['2024-01-01', 'A', 'M', 1], ['2024-02-01', 'A', 'M', 1], ['2024-04-01', 'A', 'M', 1]]))).toBe('month');
    expect(detectFrequency(makeTable([['2024-01-01', 'A', 'M', 1], ['2024-01-08', 'A', 'M', 1], ['2024-01-22', 'A', 'M', 1]]))).toBe('week');
    expect(detectFrequency(makeTable([['2024-01-01', 'A', 'M', 1], ['2024-01-02', 'A', 'M', 1]]))).toBe('day');
    expect(detectFrequency(makeTable([['2024-01-01', 'A', 'M', 1]]))).toBe('day');
  });
});

describe('buildDemandSeries with many possible SKU x warehouse pairs', () => {
  it('numbers the pairs that occur (a sparse key space) and gives the same series as a dense one', () => {
    const rows: [string, string, string, number][] = [
      ['2024-01-01', 'X', 'W1', 2], ['2024-01-02', 'Y', 'W2', 3], ['2024-01-03', 'X', 'W1', -1], ['2024-01-03', 'X', 'W2', 4],
    ];
    const dense = makeTable(rows);
    // The same rows, but 200k SKUs known (say from a large catalogue) and only the last two sold.
    const skus = [...Array.from({ length: 200_000 }, (_, i) => `unsold-${i}`), ...dense.skus];
    const sparse: SalesTable = { ...dense, skus, skuId: dense.skuId.map((id) => id + 200_000) };
    const options = { freq: 'day' as const, asOfDay: day('2024-01-04'), seriesEnd: 'as-of' as const };
    const seriesOf = (table: SalesTable) => buildDemandSeries(table, options).map((s) =>
      [table.skus[s.skuId], table.warehouses[s.warehouseId], s.firstPeriod, asArray(s.values), s.stats.totalDemand]);
    // X/W1: 2, 0, -1 -> 0; X/W2 from the 3rd: 4; Y/W2 from the 2nd: 3, 0
    const expected = [['X', 'W1', day('2024-01-01'), [2, 0, 0], 2], ['X', 'W2', day('2024-01-03'), [4], 4], ['Y', 'W2', day('2024-01-02'), [3, 0], 3]];
    expect(seriesOf(dense)).toEqual(expected);
    expect(seriesOf(sparse)).toEqual(expected);
  });

  it('stats equal demandStats of the values and keep the first and last positive row days', () => {
    const table = makeTable([['2024-01-02', 'A', 'M', -2], ['2024-01-03', 'A', 'M', 5], ['2024-01-05', 'A', 'M', 1], ['2024-01-06', 'A', 'M', -1]]);
    const [series] = buildDemandSeries(table, { freq: 'day', asOfDay: day('2024-01-08'), seriesEnd: 'as-of' });
    expect(asArray(series.values)).toEqual([0, 5, 0, 1, 0, 0]);
    expect(series.stats).toEqual(demandStats(series.values, day('2024-01-03'), day('2024-01-05')));
  });
});
