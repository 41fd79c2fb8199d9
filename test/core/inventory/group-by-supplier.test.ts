import { describe, expect, it } from 'vitest';
import { groupBySupplier } from '../../../src/core/inventory/group-by-supplier.js';
import { DEFAULT_ITEM } from '../../../src/core/inventory/item-master.js';
import { planReorder } from '../../../src/core/inventory/plan-reorder.js';
import { flatForecast, seededRandom } from './helpers.js';

const line = (sku: string, warehouse: string, supplier: string, onHand: number) => planReorder({
  sku, warehouse, item: { ...DEFAULT_ITEM, supplier, unitCost: 2 }, stock: { onHand, onOrder: 0, allocated: 0 },
  forecast: flatForecast(10, 20), asOfDay: 20000, random: seededRandom(1),
});

describe('groupBySupplier', () => {
  it('groups ordering lines by supplier with totals, suppliers and lines sorted, non-ordering lines left out', () => {
    // S = 179 for all: orders 179 - onHand
    const groups = groupBySupplier([
      line('B', 'HAM', 'Zeta', 79), line('A', 'HAM', 'Acme', 129), line('A', 'BER', 'Acme', 100), line('C', 'BER', 'Acme', 500),
    ]);
    expect(groups.map((g) => [g.supplier, g.lines.map((l) => `${l.sku}@${l.warehouse}`), g.totalQty, g.totalValue])).toEqual([
      ['Acme', ['A@BER', 'A@HAM'], 79 + 50, (79 + 50) * 2],
      ['Zeta', ['B@HAM'], 100, 200],
    ]);
  });
});
