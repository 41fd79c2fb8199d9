import { describe, expect, it } from 'vitest';
import { inventoryAlerts, rankAlerts } from '../../../src/core/inventory/inventory-alerts.js';
import { DEFAULT_ITEM } from '../../../src/core/inventory/item-master.js';
import { planReorder } from '../../../src/core/inventory/plan-reorder.js';
import { flatForecast, seededRandom } from './helpers.js';

const ASOF = 20000; // 2024-10-04

function line(onHand: number, options: { onOrder?: number; rate?: number; unitCost?: number; leadTimeDays?: number } = {}) {
  return planReorder({
    sku: 'A', warehouse: 'BER', item: { ...DEFAULT_ITEM, unitCost: options.unitCost ?? 2, leadTimeDays: options.leadTimeDays ?? 14 },
    stock: { onHand, onOrder: options.onOrder ?? 0, allocated: 0 }, forecast: flatForecast(options.rate ?? 10, 20),
    asOfDay: ASOF, random: seededRandom(1),
  });
}

describe('inventoryAlerts', () => {
  it('stock that runs out before a new order could arrive is a stockout risk, with the units short', () => {
    // 30 units at 10/day: out on day 3, lead time 14 -> 140 - 30 = 110 units short, 3 d <= 14 / 4 -> critical
    const alerts = inventoryAlerts(line(30), ASOF, ASOF - 1);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ type: 'stockout_risk', severity: 'critical', shortQty: 110, moneyAtStake: 220 });
    expect(alerts[0].message).toBe('stock runs out around 2024-10-07 (in 3 d), before an order placed today could arrive (lead time 14 d); about 110 units short');
  });

  it('severity: high within half the lead time, medium later; one step lower when on order covers it', () => {
    expect(inventoryAlerts(line(60), ASOF, ASOF - 1)[0].severity).toBe('high'); // 6 d
    expect(inventoryAlerts(line(100), ASOF, ASOF - 1)[0].severity).toBe('medium'); // 10 d
    expect(inventoryAlerts(line(100, { onOrder: 50 }), ASOF, ASOF - 1)[0].severity).toBe('low'); // 40 short, 50 on order
  });

  it('stock that outlasts the lead time raises no stockout risk', () => {
    expect(inventoryAlerts(line(150), ASOF, ASOF - 1)).toEqual([]);
  });

  it('overstock is the position beyond order-up-to plus the cover days, in units and money', () => {
    // S = 179; threshold 179 + 90 * 10 = 1079; 1500 - 1079 = 421 units, 842 money; 42.1 d of cover -> low
    const alerts = inventoryAlerts(line(1500), ASOF, ASOF - 1);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ type: 'overstock', severity: 'low', excessQty: 421, excessValue: 842 });
    expect(inventoryAlerts(line(1500), ASOF, ASOF - 1, { overstockCoverDays: 30 })[0].excessQty).toBe(1021);
  });

  it('stock with no sale for the dead-stock days is dead stock, not also overstock', () => {
    const alerts = inventoryAlerts(line(1500, { rate: 0 }), ASOF, ASOF - 200);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ type: 'dead_stock', severity: 'high', excessQty: 1500, excessValue: 3000 });
    expect(inventoryAlerts(line(5, { rate: 0 }), ASOF, ASOF - 100)[0].severity).toBe('medium');
    // sold 89 days ago: not dead yet, but with no demand expected all of it is overstock
    expect(inventoryAlerts(line(5, { rate: 0 }), ASOF, ASOF - 89).map((alert) => [alert.type, alert.excessQty])).toEqual([['overstock', 5]]);
    expect(inventoryAlerts(line(5, { rate: 0 }), ASOF, null)[0].message).toContain('no sale in the sales history');
  });
});

describe('rankAlerts', () => {
  it('ranks by money at stake, largest first', () => {
    const alerts = [
      ...inventoryAlerts(line(30), ASOF, ASOF - 1),
      ...inventoryAlerts(line(1500, { rate: 0 }), ASOF, ASOF - 200),
      ...inventoryAlerts(line(1500), ASOF, ASOF - 1),
    ];
    expect(rankAlerts(alerts).map((alert) => alert.moneyAtStake)).toEqual([3000, 842, 220]);
  });
});
