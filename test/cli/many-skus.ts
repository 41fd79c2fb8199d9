import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../../src/core/random.js';
import { formatCsvRow } from '../../src/io/write/write-csv.js';

const WAREHOUSES = ['BER', 'HAM', 'MUC'];
const SUPPLIERS = ['Acme GmbH', 'Nordic Outdoor A/S', 'Ningbo Hengli Co., Ltd.', 'Kaffeerösterei Böhm KG', '=Formel AG', ''];
const AWKWARD = ['BOLT "M6", zinc', '螺丝 M8', 'ÄPFEL-01', 'a b', 'SKU,comma'];

/**
 * A deterministic business with `skus` SKUs (some names that need quoting, some not ASCII),
 * monthly sales over three years in one to three warehouses, stock rows for most of them plus
 * SKUs with stock and no sales, items.csv with gaps (defaults) and SKUs without a row, and lanes.
 * Writes sales.csv, stock.csv, items.csv and lanes.csv into `dir`.
 */
export function writeManySkus(dir: string, skus: number, seed = 7): void {
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const names = [...AWKWARD, ...Array.from({ length: skus - AWKWARD.length }, (_, i) => `SKU-${String(i * 37 % 10007).padStart(5, '0')}`)];
  const sales: string[] = [formatCsvRow(['date', 'sku', 'warehouse', 'quantity'])];
  const stock: string[] = [formatCsvRow(['sku', 'warehouse', 'on_hand', 'on_order', 'allocated', 'unit_cost'])];
  const items: string[] = [formatCsvRow(['sku', 'description', 'supplier', 'lead_time_days', 'moq', 'pack_size', 'unit_cost', 'service_level', 'order_cost', 'holding_rate'])];
  const months = Array.from({ length: 36 }, (_, i) => `${2023 + Math.floor((i + 11) / 12)}-${String(((i + 11) % 12) + 1).padStart(2, '0')}-01`);
  for (const sku of names) {
    const level = 1 + random() * 60;
    const intermittent = random() < 0.25;
    const where = WAREHOUSES.filter(() => random() < 0.7);
    if (where.length === 0) where.push(pick(WAREHOUSES));
    for (const warehouse of where) {
      for (const [m, month] of months.entries()) {
        if (intermittent && random() < 0.6) continue;
        const season = 1 + 0.3 * Math.sin((2 * Math.PI * m) / 12);
        const quantity = Math.round(level * season * (0.6 + 0.8 * random()));
        if (quantity > 0) sales.push(formatCsvRow([month, sku, warehouse, quantity]));
      }
      if (random() < 0.9) {
        stock.push(formatCsvRow([sku, warehouse, Math.floor(random() * level * 4), random() < 0.2 ? Math.floor(level) : 0,
          random() < 0.1 ? 1 : 0, Math.round(random() * 5000) / 100 + 1]));
      }
    }
    if (random() < 0.9) {
      items.push(formatCsvRow([sku, random() < 0.5 ? `${sku} description, "quoted"` : '', pick(SUPPLIERS),
        random() < 0.1 ? '' : Math.round(random() * 40 + 2), random() < 0.2 ? '' : pick([1, 5, 10, 24]), pick([1, 1, 6, 12]),
        random() < 0.15 ? '' : Math.round(random() * 4000) / 100 + 0.5, pick(['', 0.9, 0.95, 0.98]), pick(['', 25]), pick(['', 0.25])]));
    }
  }
  for (let i = 0; i < 12; i++) {
    for (const warehouse of WAREHOUSES.slice(0, 1 + (i % 3))) {
      stock.push(formatCsvRow([`OLD-${i}`, warehouse, 3 + i, 0, 0, 9.5]));
    }
  }
  writeFileSync(path.join(dir, 'sales.csv'), sales.join(''));
  writeFileSync(path.join(dir, 'stock.csv'), stock.join(''));
  writeFileSync(path.join(dir, 'items.csv'), items.join(''));
  writeFileSync(path.join(dir, 'lanes.csv'), 'from,to,cost_per_unit,lead_time_days\nBER,HAM,0.4,2\nHAM,BER,0.4,2\nBER,MUC,0.6,3\nMUC,BER,0.6,3\n');
}
