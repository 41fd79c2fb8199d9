#!/usr/bin/env node
// Writes the sample business (sales, stock, items, lanes) and the ingest fixtures.
// Deterministic: the same bytes on every run and machine. See samples/README.md.
//
//   node samples/generate.mjs [--out DIR] [--fixtures DIR]
//
// --out       where sales/stock/items/lanes.csv go (default: this folder, samples/)
// --fixtures  where the input-variant fixtures go (default: test/fixtures/inputs/)

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ITEMS, LANES, SEED, FIRST_DAY, LAST_DAY } from './gen/catalog.mjs';
import { simulateSales } from './gen/sales.mjs';
import { buildStock } from './gen/stock.mjs';
import { buildVariantFiles } from './gen/variants.mjs';
import { toCsv, money, plain } from './gen/csv.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function parseArguments(argv) {
  const options = { out: here, fixtures: join(here, '..', 'test', 'fixtures', 'inputs') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--out' || flag === '--fixtures') && value) {
      options[flag.slice(2)] = resolve(value);
      i++;
    } else {
      throw new Error(`unknown argument ${JSON.stringify(flag)}; usage: node samples/generate.mjs [--out DIR] [--fixtures DIR]`);
    }
  }
  return options;
}

function sampleFiles(rows) {
  const stock = buildStock(SEED, ITEMS, rows, LAST_DAY);
  const items = [...ITEMS].sort((a, b) => (a.sku < b.sku ? -1 : 1));
  return [
    {
      path: 'sales.csv',
      text: toCsv(['date', 'sku', 'warehouse', 'quantity', 'order_id'],
        rows.map((row) => [row.date, row.sku, row.warehouse, row.quantity, row.orderId])),
    },
    {
      path: 'stock.csv',
      text: toCsv(['sku', 'warehouse', 'on_hand', 'on_order', 'allocated', 'unit_cost'],
        stock.map((row) => [row.sku, row.warehouse, row.onHand, row.onOrder, row.allocated, money(row.unitCost)])),
    },
    {
      path: 'items.csv',
      text: toCsv(['sku', 'description', 'supplier', 'lead_time_days', 'lead_time_sd_days', 'moq', 'pack_size', 'unit_cost',
        'service_level', 'review_period_days', 'order_cost', 'holding_rate'],
      items.map((item) => [item.sku, item.description, item.supplier, plain(item.leadTimeDays), plain(item.leadTimeSdDays),
        plain(item.moq), plain(item.packSize), money(item.unitCost), plain(item.serviceLevel), plain(item.reviewPeriodDays),
        money(item.orderCost), plain(item.holdingRate)])),
    },
    {
      path: 'lanes.csv',
      text: toCsv(['from', 'to', 'cost_per_unit', 'lead_time_days'],
        LANES.map((lane) => [lane.from, lane.to, money(lane.costPerUnit), plain(lane.leadTimeDays)])),
    },
  ].map(({ path, text }) => ({ path, bytes: Buffer.from(text, 'utf8') }));
}

function writeAll(folder, files) {
  for (const file of files) {
    const target = join(folder, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.bytes);
    process.stdout.write(`${target}  ${file.bytes.length} bytes\n`);
  }
}

const options = parseArguments(process.argv.slice(2));
const rows = simulateSales(SEED, ITEMS, FIRST_DAY, LAST_DAY);
writeAll(options.out, sampleFiles(rows));
writeAll(options.fixtures, buildVariantFiles(rows, ITEMS, LAST_DAY));
