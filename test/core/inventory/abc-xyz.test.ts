import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abcXyzMatrix, classifyAbc, classifyXyz, inventoryKpis, periodDemandCv, yearlyDemand,
} from '../../../src/core/inventory/index.js';
import { demandStats } from '../../../src/core/series/demand-stats.js';

// A small table, classes worked out by hand (limits 80 % / 95 %):
//   item  units/yr  cost  value  share before  class
//   P1    1000      5     5000   0.00          A
//   P2     200     10     2000   0.50          A
//   P3     500      2     1000   0.70          A   (reaches 0.80 exactly: it completes A)
//   P4     100      8      800   0.80          B
//   P5     300      2      600   0.88          B
//   P6     100      4      400   0.94          B
//   P7     100      2      200   0.98          C
//   P8       0      9        0   -             C   (no value is always C)
// total 10000.
const TABLE = [
  { item: 'P1', units: 1000, cost: 5, expected: 'A' },
  { item: 'P2', units: 200, cost: 10, expected: 'A' },
  { item: 'P3', units: 500, cost: 2, expected: 'A' },
  { item: 'P4', units: 100, cost: 8, expected: 'B' },
  { item: 'P5', units: 300, cost: 2, expected: 'B' },
  { item: 'P6', units: 100, cost: 4, expected: 'B' },
  { item: 'P7', units: 100, cost: 2, expected: 'C' },
  { item: 'P8', units: 0, cost: 9, expected: 'C' },
];

describe('classifyAbc', () => {
  it('classes the hand-computed table A A A B B B C C at 80 / 95 %', () => {
    const values = Float64Array.from(TABLE, (row) => row.units * row.cost);
    expect(classifyAbc(values, { a: 0.8, b: 0.95 })).toEqual(TABLE.map((row) => row.expected));
  });

  it('gives the same classes whatever the input order', () => {
    const reversed = [...TABLE].reverse();
    const values = Float64Array.from(reversed, (row) => row.units * row.cost);
    expect(classifyAbc(values)).toEqual(reversed.map((row) => row.expected));
  });

  it('when one item holds 90 % of the value, it is A and the next item is B', () => {
    expect(classifyAbc(Float64Array.of(90, 6, 4), { a: 0.8, b: 0.95 })).toEqual(['A', 'B', 'C']);
  });

  it('with other limits (50 / 90 %) the cuts move: P1 alone completes A', () => {
    const values = Float64Array.from(TABLE, (row) => row.units * row.cost);
    expect(classifyAbc(values, { a: 0.5, b: 0.9 })).toEqual(['A', 'B', 'B', 'B', 'B', 'C', 'C', 'C']);
  });

  it('when every value is zero, every item is C', () => {
    expect(classifyAbc(Float64Array.of(0, 0, NaN))).toEqual(['C', 'C', 'C']);
  });

  it('A holds at least the A share of the value and A + B at least the B share (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 60 }), (raw) => {
      const values = Float64Array.from(raw);
      const total = raw.reduce((s, v) => s + v, 0);
      fc.pre(total > 0);
      const classes = classifyAbc(values);
      const share = (set: string) => raw.reduce((s, v, i) => s + (set.includes(classes[i]) ? v : 0), 0) / total;
      expect(share('A')).toBeGreaterThanOrEqual(0.8 - 1e-9);
      expect(share('AB')).toBeGreaterThanOrEqual(0.95 - 1e-9);
      // No C item is worth more than any A item.
      const minA = Math.min(...raw.filter((_, i) => classes[i] === 'A'));
      const maxC = Math.max(0, ...raw.filter((_, i) => classes[i] === 'C'));
      expect(maxC).toBeLessThanOrEqual(minA);
    }));
  });
});

/** The slow, obvious per-period CV: population standard deviation over the mean. */
function directCv(values: readonly number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}

const cvOf = (values: readonly number[]) => periodDemandCv(demandStats(Float64Array.from(values), NaN, NaN));

describe('periodDemandCv and classifyXyz', () => {
  it.each([
    // series, cv by hand, class at 0.5 / 1.0
    [[10, 10, 10, 10], 0, 'X'], // sd 0
    [[5, 15, 5, 15], 0.5, 'X'], // mean 10, sd 5: on the X limit, X
    [[2, 8, 2, 8], 0.6, 'Y'], // mean 5, sd 3
    [[0, 10, 0, 10], 1, 'Y'], // mean 5, sd 5: on the Y limit, Y
    [[0, 4, 0, 0, 2], 4 / 3, 'Z'], // mean 1.2, E[x²] 4, sd 1.6
    [[0, 0, 0], NaN, 'Z'], // no demand
  ])('%j has cv %d and class %s', (series, cv, expected) => {
    const actual = cvOf(series);
    if (Number.isNaN(cv)) expect(actual).toBeNaN();
    else expect(actual).toBeCloseTo(cv, 12);
    expect(classifyXyz(actual, { x: 0.5, y: 1 })).toBe(expected);
  });

  it('the limits are configurable: 0.6 is X at limits 0.7 / 1.5', () => {
    expect(classifyXyz(0.6, { x: 0.7, y: 1.5 })).toBe('X');
    expect(classifyXyz(1.4, { x: 0.7, y: 1.5 })).toBe('Y');
  });

  it('equals the direct population CV of the series (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 40 }), (series) => {
      fc.pre(series.some((v) => v > 0));
      expect(cvOf(series)).toBeCloseTo(directCv(series), 9);
    }));
  });
});

describe('abcXyzMatrix', () => {
  it('counts items and sums value per cell, all nine cells present', () => {
    const matrix = abcXyzMatrix(['A', 'A', 'B', 'C'], ['X', 'X', 'Z', 'Z'], [5000, 2000, 800.004, 0]);
    expect(matrix.AX).toEqual({ count: 2, value: 7000 });
    expect(matrix.BZ).toEqual({ count: 1, value: 800 });
    expect(matrix.CZ).toEqual({ count: 1, value: 0 });
    expect(matrix.AY).toEqual({ count: 0, value: 0 });
    expect(Object.keys(matrix)).toHaveLength(9);
  });
});

describe('inventoryKpis', () => {
  it('turns, days of cover, value-weighted service target on a two-line table', () => {
    // L1: stock 10 x 2 = 20, consumption 100 x 2 = 200 a year, forecast 0.5 x 2 = 1 a day, service 0.95
    // L2: stock 0, consumption 30 x 10 = 300 a year, forecast 0.1 x 10 = 1 a day, service 0.99
    // turns 500 / 20 = 25; cover 20 / 2 = 10 days; service (0.95 x 200 + 0.99 x 300) / 500 = 0.974
    const kpis = inventoryKpis([
      { onHand: 10, unitCost: 2, yearlyDemand: 100, dailyDemand: 0.5, serviceLevel: 0.95 },
      { onHand: 0, unitCost: 10, yearlyDemand: 30, dailyDemand: 0.1, serviceLevel: 0.99 },
    ], { valueAtRisk: 123.456, excessValue: 7 });
    expect(kpis).toEqual({
      stock_value: 20,
      yearly_consumption_value: 500,
      inventory_turns: 25,
      days_of_cover: 10,
      value_at_risk: 123.46,
      excess_value: 7,
      service_target: 0.974,
    });
  });

  it('when there is no stock and no demand, turns and days of cover are null', () => {
    const kpis = inventoryKpis([{ onHand: 0, unitCost: 3, yearlyDemand: 0, dailyDemand: 0, serviceLevel: 0.9 }], { valueAtRisk: 0, excessValue: 0 });
    expect(kpis.inventory_turns).toBeNull();
    expect(kpis.days_of_cover).toBeNull();
    expect(kpis.service_target).toBe(0.9);
  });
});

describe('yearlyDemand', () => {
  it('70 units over 10 weeks is 365.2425 a year', () => {
    expect(yearlyDemand(70, 10, 7)).toBeCloseTo(365.2425, 10);
    expect(yearlyDemand(0, 10, 7)).toBe(0);
  });
});
