import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDemandSeries } from '../../src/core/series/build-series.js';
import { formatDay, parseIsoDay } from '../../src/core/series/calendar.js';
import { forecastStage } from '../../src/pipeline/forecast-stage.js';
import {
  assemblePlan, compareLineKeys, planSkus, planStage, type ItemInput, type PlanStageOptions, type StockInput,
} from '../../src/pipeline/plan-stage.js';
import { makeTable } from '../core/series/make-table.js';

const WAREHOUSES = ['BER', 'HAM', 'MUC'];
const LANES = [{ from: 'BER', to: 'HAM', costPerUnit: 0.4 }, { from: 'HAM', to: 'BER', costPerUnit: 0.4 }, { from: 'BER', to: 'MUC' }];
const AS_OF = parseIsoDay('2026-06-01');

/** A small business: per SKU, weekly sales in some warehouses, stock rows (some with no sales), items with gaps. */
const business = fc.array(fc.record({
  sold: fc.subarray(WAREHOUSES),
  stocked: fc.subarray(WAREHOUSES),
  rate: fc.integer({ min: 0, max: 30 }),
  onHand: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 3, maxLength: 3 }),
  item: fc.option(fc.record({
    leadTimeDays: fc.constantFrom(NaN, 3, 14, 40), moq: fc.constantFrom(NaN, 1, 12), packSize: fc.constantFrom(NaN, 1, 6),
    unitCost: fc.constantFrom(NaN, 2.5, 19.99), supplier: fc.constantFrom(undefined, 'Acme', 'Böhm KG'),
  }), { nil: undefined }),
}), { minLength: 1, maxLength: 10 });

interface BusinessSku {
  readonly sold: readonly string[];
  readonly stocked: readonly string[];
  readonly rate: number;
  readonly onHand: readonly number[];
  readonly item?: Omit<ItemInput, 'sku'>;
}

async function planInputs(skus: readonly BusinessSku[]) {
  const names = skus.map((_, i) => ['A', 'A b', 'B', 'Ä-1', 'C,2', 'D', 'E', 'F', 'G', 'H'][i]);
  const rows: [string, string, string, number][] = [];
  const stock: StockInput[] = [];
  const items: ItemInput[] = [];
  skus.forEach((sku, i) => {
    for (const warehouse of sku.sold) {
      for (let week = 0; week < 30; week++) {
        const quantity = (sku.rate * ((week * 7 + i * 3) % 11)) / 5;
        if (quantity > 0) rows.push([formatDay(AS_OF - 7 * (30 - week)), names[i], warehouse, quantity]);
      }
    }
    sku.stocked.forEach((warehouse, w) => stock.push({
      sku: names[i], warehouse, onHand: sku.onHand[w], onOrder: 0, allocated: 0, unitCost: 4,
    }));
    if (sku.item) items.push({ sku: names[i], ...sku.item });
  });
  if (rows.length === 0) rows.push([formatDay(AS_OF - 10), 'Z', 'BER', 1]);
  const table = makeTable(rows);
  const series = buildDemandSeries(table, { freq: 'week', asOfDay: AS_OF, seriesEnd: 'as-of' });
  const outcomes = await forecastStage(table, series, { freq: 'week', method: 'naive', horizon: 13, levels: [80, 95], seed: 1, jobs: 1 });
  return { outcomes, stock, items };
}

const OPTIONS: PlanStageOptions = {
  freq: 'week', asOfDay: AS_OF, seed: 1, itemDefaults: {}, deadStockDays: 90, overstockDays: 60,
};

describe('planSkus + assemblePlan', () => {
  it('planning any split of the SKUs part by part, then assembling, gives the whole plan (what merge relies on)', async () => {
    await fc.assert(fc.asyncProperty(business, fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 10 }), async (skus, partOf) => {
      const { outcomes, stock, items } = await planInputs(skus);
      const whole = planStage(outcomes, stock, items, LANES, OPTIONS);
      const skuNames = [...new Set([...outcomes.map((o) => o.sku), ...stock.map((s) => s.sku)])].sort();
      const part = (sku: string) => partOf[skuNames.indexOf(sku) % partOf.length];
      const parts = [0, 1, 2, 3].flatMap((p) => planSkus(
        outcomes.filter((o) => part(o.sku) === p), stock.filter((s) => part(s.sku) === p), items, LANES, OPTIONS));
      const joined = assemblePlan(parts.sort((a, b) => compareLineKeys(a.lines[0], b.lines[0])));
      expect(joined.lines).toEqual(whole.lines);
      expect(joined.alerts).toEqual(whole.alerts);
      expect(joined.transfers).toEqual(whole.transfers);
      expect(joined.orders).toEqual(whole.orders);
      expect(Object.entries(joined.defaultsUsed)).toEqual(Object.entries(whole.defaultsUsed));
    }), { numRuns: 60 });
  });

  it('gives one SKU plan per SKU with a series or a stock row, in SKU order, each holding all its warehouses', async () => {
    await fc.assert(fc.asyncProperty(business, async (skus) => {
      const { outcomes, stock, items } = await planInputs(skus);
      const plans = planSkus(outcomes, stock, items, LANES, OPTIONS);
      const expected = [...new Set([...outcomes.map((o) => o.sku), ...stock.map((s) => s.sku)])].sort();
      expect(plans.map((p) => p.sku)).toEqual(expected);
      for (const plan of plans) expect(plan.lines.every((line) => line.sku === plan.sku)).toBe(true);
    }), { numRuns: 40 });
  });
});
