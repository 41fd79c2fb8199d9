import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyTransfers, coverAfterTransfers } from '../../../src/core/inventory/apply-transfers.js';
import { DEFAULT_ITEM } from '../../../src/core/inventory/item-master.js';
import { planReorder } from '../../../src/core/inventory/plan-reorder.js';
import { rebalanceSku } from '../../../src/core/inventory/rebalance-sku.js';
import { flatForecast, seededRandom } from './helpers.js';

const ASOF = 20000;
const plan = (warehouse: string, onHand: number, packSize = 1, moq = 1) => planReorder({
  sku: 'A', warehouse, item: { ...DEFAULT_ITEM, unitCost: 10, packSize, moq }, stock: { onHand, onOrder: 0, allocated: 0 },
  forecast: flatForecast(10, 20), asOfDay: ASOF, random: seededRandom(1),
});

describe('applyTransfers', () => {
  it('a transfer into a warehouse shrinks its supplier order unit for unit', () => {
    // BER: s = S = 179, position 30 -> orders 149; 100 in -> position 130 -> orders 49. HAM: 900 -> 800, no order.
    const lines = [plan('BER', 30), plan('HAM', 900)];
    expect(lines[0].orderQty).toBe(149);
    const after = applyTransfers(lines, [{ sku: 'A', from: 'HAM', to: 'BER', qty: 100, cost: 0, saving: 0, kind: 'excess', reason: '' }]);
    expect(after[0]).toMatchObject({ position: 130, transferInQty: 100, orderQty: 49, orderValue: 490 });
    expect(after[1]).toMatchObject({ position: 800, available: 800, transferOutQty: 100, orderQty: 0 });
  });

  it('rounding to packs still applies after the transfer', () => {
    const after = applyTransfers([plan('BER', 30, 20)], [{ sku: 'A', from: 'HAM', to: 'BER', qty: 100, cost: 0, saving: 0, kind: 'excess', reason: '' }]);
    expect(after[0].orderQty).toBe(60); // need 49 -> 3 packs of 20
  });

  it('lines without transfers are returned as they were', () => {
    const lines = [plan('BER', 30)];
    expect(applyTransfers(lines, [])[0]).toBe(lines[0]);
  });

  it('after rebalancing, total position is conserved and supplier orders never grow', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 2, maxLength: 4 }), (stocks) => {
      const lines = stocks.map((onHand, i) => plan(`W${i}`, onHand));
      const { transfers } = rebalanceSku(lines, null);
      const after = applyTransfers(lines, transfers);
      const total = (xs: readonly { position: number }[]) => xs.reduce((sum, line) => sum + line.position, 0);
      expect(total(after)).toBe(total(lines));
      const orders = (xs: readonly { orderQty: number }[]) => xs.reduce((sum, line) => sum + line.orderQty, 0);
      expect(orders(after)).toBeLessThanOrEqual(orders(lines));
      after.forEach((line, i) => {
        if (line.transferOutQty > 0) expect(line.position).toBeGreaterThanOrEqual(lines[i].reorderPoint);
      });
    }));
  });

  it('a transfer destination is never also ordered for the need the transfer covers (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ onHand: fc.integer({ min: 0, max: 600 }), packSize: fc.constantFrom(1, 6, 12), moq: fc.constantFrom(1, 24) }), { minLength: 2, maxLength: 4 }),
      fc.array(fc.record({ costPerUnit: fc.integer({ min: 0, max: 3 }), fixedCost: fc.integer({ min: 0, max: 300 }), minQty: fc.integer({ min: 1, max: 40 }) }), { minLength: 1, maxLength: 1 }),
      (stocks, [laneTerms]) => {
        const lines = stocks.map((stock, i) => plan(`W${i}`, stock.onHand, stock.packSize, stock.moq));
        const lanes = lines.flatMap((a) => lines.filter((b) => b !== a).map((b) => ({ from: a.warehouse, to: b.warehouse, leadTimeDays: 1, ...laneTerms })));
        const { transfers } = rebalanceSku(lines, lanes);
        const after = applyTransfers(lines, transfers);
        after.forEach((line, i) => {
          if (line.transferInQty === 0) return;
          const need = lines[i].orderUpTo - lines[i].position;
          // The transfer covers part of the need, never more; the supplier order covers only what is left.
          expect(line.transferInQty).toBeLessThanOrEqual(need);
          const left = need - line.transferInQty;
          if (left <= 0) expect(line.orderQty).toBe(0);
          else expect(line.orderQty).toBeLessThanOrEqual(Math.max(left, line.moq) + line.packSize - 1);
          expect(line.orderQty).toBeLessThanOrEqual(lines[i].orderQty);
        });
      }), { numRuns: 150 });
  });

  it('days of cover and the stockout day are recomputed from the stock after transfers', () => {
    // BER: 30 on hand at 10 a day: 3 days; 100 in -> 130 units: 13 days. HAM: 900 - 100 = 800: 80 days.
    const lines = [plan('BER', 30), plan('HAM', 900)];
    expect(lines[0].daysOfCover).toBeCloseTo(3, 9);
    const after = applyTransfers(lines, [{ sku: 'A', from: 'HAM', to: 'BER', qty: 100, cost: 0, saving: 0, kind: 'excess', reason: '' }]);
    const forecast = flatForecast(10, 20);
    const ber = coverAfterTransfers(after[0], forecast, ASOF);
    const ham = coverAfterTransfers(after[1], forecast, ASOF);
    expect(ber.daysOfCover).toBeCloseTo(13, 9);
    expect(ber.stockoutDay).toBe(ASOF + 13);
    expect(ham.daysOfCover).toBeCloseTo(80, 9);
    expect(coverAfterTransfers(lines[0], forecast, ASOF)).toBe(lines[0]);
  });
});
