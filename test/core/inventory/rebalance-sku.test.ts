import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type RebalanceSite, rebalanceSku } from '../../../src/core/inventory/rebalance-sku.js';

function site(warehouse: string, values: Partial<RebalanceSite>): RebalanceSite {
  return {
    sku: 'X', warehouse, available: 0, position: 0, onOrder: 0, reorderPoint: 0, orderUpTo: 0,
    demandBeforeReceipt: 0, leadTimeDays: 14, unitCost: 10, holdingRate: 0.25, dailyDemand: 1, ...values,
  };
}

// HAM holds 300 against S = 120 (excess 180, relief 10 * 0.25 * 180/365 = 1.233 per unit).
// BER: position 10, s = S = 150, 140 expected before a supplier order arrives:
// would order 140, of which 130 are short before receipt (penalty 0.5 * 10 = 5 per unit).
const HAM = site('HAM', { available: 300, position: 300, reorderPoint: 100, orderUpTo: 120 });
const BER = site('BER', { available: 10, position: 10, reorderPoint: 150, orderUpTo: 150, demandBeforeReceipt: 140, dailyDemand: 10 });

describe('rebalanceSku', () => {
  it('a cheap fast lane carries the whole need: the urgent part and the part that replaces the supplier order', () => {
    const result = rebalanceSku([HAM, BER], [{ from: 'HAM', to: 'BER', costPerUnit: 1, leadTimeDays: 2 }]);
    expect(result.transfers).toHaveLength(1);
    expect(result.transfers[0]).toMatchObject({ sku: 'X', from: 'HAM', to: 'BER', qty: 140, cost: 140, kind: 'stockout' });
    // avoided: 130 * 5 + 140 * 1.2329 = 822.6
    expect(result.costAvoided).toBeCloseTo(130 * 5 + 140 * 2.5 * (180 / 365), 6);
  });

  it('a lane dearer than the holding it saves carries only the units that avoid a shortage', () => {
    // urgent: 2 - 5 - 1.23 < 0, moved; the other 10: 2 - 1.23 > 0, left to the supplier
    const result = rebalanceSku([HAM, BER], [{ from: 'HAM', to: 'BER', costPerUnit: 2, leadTimeDays: 2 }]);
    expect(result.transfers.map((t) => t.qty)).toEqual([130]);
  });

  it('a lane slower than the supplier cannot prevent the shortage', () => {
    const slow = rebalanceSku([HAM, BER], [{ from: 'HAM', to: 'BER', costPerUnit: 1, leadTimeDays: 20 }]);
    // the urgent 130 cannot arrive in time; the other 10 still replace supplier units (1 - 1.233 < 0)
    expect(slow.transfers.map((t) => [t.qty, t.kind])).toEqual([[10, 'excess']]);
  });

  it('moves only along the lanes given; without lanes every pair is allowed at the default cost', () => {
    expect(rebalanceSku([HAM, BER], [{ from: 'BER', to: 'HAM', costPerUnit: 0 }]).transfers).toEqual([]);
    expect(rebalanceSku([HAM, BER], null).transfers.map((t) => [t.from, t.to, t.qty])).toEqual([['HAM', 'BER', 140]]);
  });

  it('when unit costs are unknown, free lanes still carry stock and priced lanes do not', () => {
    const free = rebalanceSku([{ ...HAM, unitCost: 0 }, { ...BER, unitCost: 0 }], null);
    expect(free.transfers.map((t) => t.qty)).toEqual([140]);
    const priced = rebalanceSku([{ ...HAM, unitCost: 0 }, { ...BER, unitCost: 0 }], [{ from: 'HAM', to: 'BER', costPerUnit: 0.5 }]);
    expect(priced.transfers).toEqual([]);
  });

  it('a source never gives below its reorder point nor more than its shelf stock', () => {
    const thin = site('HAM', { available: 40, position: 125, onOrder: 85, reorderPoint: 100, orderUpTo: 120 });
    // shelf 40 caps: excess 5, buffer min(35, 20) = 20 -> at most 25 units
    const result = rebalanceSku([thin, BER], null);
    expect(result.transfers.map((t) => t.qty)).toEqual([25]);
  });

  it('solves the SKU as one problem where cheapest-pair-first would strand a sink', () => {
    // Sources A and D hold 30 excess each; sinks B and C need 30 each (urgent).
    // Lanes: A->B 1, A->C 2, D->B 2, no D->C. Cheapest pair first sends A->B and leaves C short;
    // the optimum sends A->C and D->B (cost 120, both sinks served).
    const A = site('A', { available: 50, position: 50, reorderPoint: 20, orderUpTo: 20 });
    const D = site('D', { available: 50, position: 50, reorderPoint: 20, orderUpTo: 20 });
    const B = site('B', { position: 0, reorderPoint: 30, orderUpTo: 30, demandBeforeReceipt: 30 });
    const C = site('C', { position: 0, reorderPoint: 30, orderUpTo: 30, demandBeforeReceipt: 30 });
    const lanes = [
      { from: 'A', to: 'B', costPerUnit: 1 }, { from: 'A', to: 'C', costPerUnit: 2 }, { from: 'D', to: 'B', costPerUnit: 2 },
    ];
    const result = rebalanceSku([A, B, C, D], lanes);
    expect(result.transfers.map((t) => [t.from, t.to, t.qty])).toEqual([['A', 'C', 30], ['D', 'B', 30]]);
    expect(result.transferCost).toBe(120);
  });
});

const sites = fc.array(fc.record({
  available: fc.integer({ min: 0, max: 80 }),
  onOrder: fc.integer({ min: 0, max: 30 }),
  reorderPoint: fc.integer({ min: 0, max: 50 }),
  extraUpTo: fc.integer({ min: 0, max: 30 }),
  demandBeforeReceipt: fc.integer({ min: 0, max: 60 }),
  leadTimeDays: fc.integer({ min: 1, max: 30 }),
  unitCost: fc.integer({ min: 1, max: 50 }),
  dailyDemand: fc.double({ min: 0, max: 5, noNaN: true }),
}), { minLength: 2, maxLength: 5 }).map((raw) => raw.map((r, i) => site(`W${i}`, {
  available: r.available, onOrder: r.onOrder, position: r.available + r.onOrder, reorderPoint: r.reorderPoint,
  orderUpTo: r.reorderPoint + r.extraUpTo, demandBeforeReceipt: r.demandBeforeReceipt, leadTimeDays: r.leadTimeDays,
  unitCost: r.unitCost, dailyDemand: r.dailyDemand,
})));

describe('rebalanceSku invariants', () => {
  it('conserves units, never leaves a source short, never overfills a sink, never pays more than it saves', () => {
    fc.assert(fc.property(sites, fc.integer({ min: 0, max: 10 }), (warehouses, laneCost) => {
      const result = rebalanceSku(warehouses, null, { defaultCostPerUnit: laneCost });
      const out = new Map<string, number>();
      const into = new Map<string, number>();
      for (const transfer of result.transfers) {
        expect(Number.isInteger(transfer.qty)).toBe(true);
        expect(transfer.qty).toBeGreaterThan(0);
        expect(transfer.from).not.toBe(transfer.to);
        out.set(transfer.from, (out.get(transfer.from) ?? 0) + transfer.qty);
        into.set(transfer.to, (into.get(transfer.to) ?? 0) + transfer.qty);
      }
      let sent = 0;
      let received = 0;
      for (const w of warehouses) {
        const given = out.get(w.warehouse) ?? 0;
        const got = into.get(w.warehouse) ?? 0;
        sent += given;
        received += got;
        expect(given === 0 || got === 0).toBe(true);
        if (given > 0) {
          expect(w.position).toBeGreaterThan(w.orderUpTo);
          expect(w.position - given).toBeGreaterThanOrEqual(w.reorderPoint);
          expect(given).toBeLessThanOrEqual(w.available);
        }
        if (got > 0) {
          expect(w.position).toBeLessThanOrEqual(w.reorderPoint);
          expect(w.position + got).toBeLessThanOrEqual(w.orderUpTo);
        }
      }
      expect(sent).toBe(received);
      expect(result.transferCost).toBeLessThanOrEqual(result.costAvoided + 1e-9);
    }), { numRuns: 300 });
  });
});

describe('rebalanceSku with fixed costs and minimum quantities per lane', () => {
  it('drops a shipment whose fixed cost exceeds what it avoids, keeps one that pays', () => {
    // HAM -> BER at 1 per unit: 130 urgent units avoid the penalty 5 and HAM's holding 1.233, net of
    // the lane 5.233 each (680.3); 10 regular units 0.233 each (2.3): 682.6 in all. A fixed cost of
    // 400 still pays, 700 does not.
    const pays = rebalanceSku([HAM, BER], [{ from: 'HAM', to: 'BER', costPerUnit: 1, leadTimeDays: 2, fixedCost: 400 }]);
    expect(pays.transfers.map((t) => [t.qty, t.cost])).toEqual([[140, 540]]);
    expect(pays.transfers[0].saving).toBeGreaterThan(540);
    expect(rebalanceSku([HAM, BER], [{ from: 'HAM', to: 'BER', costPerUnit: 1, leadTimeDays: 2, fixedCost: 700 }]).transfers).toEqual([]);
  });

  it('drops a shipment below the lane minimum', () => {
    expect(rebalanceSku([HAM, BER], [{ from: 'HAM', to: 'BER', costPerUnit: 1, leadTimeDays: 2, minQty: 200 }]).transfers).toEqual([]);
    expect(rebalanceSku([HAM, BER], [{ from: 'HAM', to: 'BER', costPerUnit: 1, leadTimeDays: 2, minQty: 140 }]).transfers[0].qty).toBe(140);
  });

  it('with a closed lane, the need goes to the next lane that pays', () => {
    const MUC = site('MUC', { available: 300, position: 300, reorderPoint: 100, orderUpTo: 120 });
    const result = rebalanceSku([HAM, BER, MUC], [
      { from: 'HAM', to: 'BER', costPerUnit: 1, leadTimeDays: 2, fixedCost: 10_000 },
      { from: 'MUC', to: 'BER', costPerUnit: 2, leadTimeDays: 2, fixedCost: 50 },
    ]);
    // At 2 per unit only the 130 urgent units pay (5 + 1.233 - 2); the 10 regular ones (1.233 - 2) do not.
    expect(result.transfers.map((t) => [t.from, t.to, t.qty])).toEqual([['MUC', 'BER', 130]]);
  });

  it('no transfer is below its lane minimum or costs (fixed cost included) more than it saves (property)', () => {
    const lanesFor = (names: readonly string[]) => fc.array(fc.record({
      from: fc.constantFrom(...names), to: fc.constantFrom(...names),
      costPerUnit: fc.integer({ min: 0, max: 6 }), leadTimeDays: fc.integer({ min: 0, max: 20 }),
      fixedCost: fc.integer({ min: 0, max: 400 }), minQty: fc.integer({ min: 1, max: 60 }),
    }), { maxLength: 8 });
    fc.assert(fc.property(sites.chain((warehouses) => fc.tuple(fc.constant(warehouses), lanesFor(warehouses.map((w) => w.warehouse)))),
      ([warehouses, rawLanes]) => {
        const seen = new Set<string>();
        const lanes = rawLanes.filter((lane) => lane.from !== lane.to && !seen.has(`${lane.from}>${lane.to}`) && seen.add(`${lane.from}>${lane.to}`));
        const result = rebalanceSku(warehouses, lanes);
        for (const transfer of result.transfers) {
          const lane = lanes.find((l) => l.from === transfer.from && l.to === transfer.to);
          expect(lane).toBeDefined();
          expect(transfer.qty).toBeGreaterThanOrEqual(lane!.minQty);
          expect(transfer.cost).toBeCloseTo(transfer.qty * lane!.costPerUnit + lane!.fixedCost, 9);
          expect(transfer.saving).toBeGreaterThanOrEqual(transfer.cost - 1e-6);
        }
      }), { numRuns: 200 });
  });
});
