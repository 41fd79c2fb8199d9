import path from 'node:path';
import type { DayColumn, QuantityColumn, SalesTable, SkuIdColumn, WarehouseIdColumn } from '../../core/series/sales-table.js';
import { matchColumns, SALES_FIELDS } from '../csv/columns.js';
import { createDecimalMark, numberCell, trimCell, type CellContext } from '../csv/csv-cells.js';
import { createInterner } from '../csv/csv-intern.js';
import { createProblemLog, type ProblemLog } from '../csv/csv-problems.js';
import type { CsvSummary } from '../csv/csv-stream.js';
import { resolveEncoding, type ByteRange } from '../csv/decode.js';
import { explainDate, parseDay, resolveDateFormat } from '../csv/parse-date.js';
import { createWarningLog, type ReadOptions, type Warning } from './read-options.js';
import { streamInputFile } from './stream-input-file.js';

/** SKU names interned together (see `Interner.ids`). */
const SKU_BATCH = 256;

/** Warehouse name given to every row of a sales file without a warehouse column. */
export const DEFAULT_WAREHOUSE = 'MAIN';

/**
 * The rows of a sales file, or of a part of it, as read (columns exactly `rowCount` long, names
 * in order of first appearance in what was read), with what the read found wrong or odd.
 */
export interface SalesPart extends SalesTable {
  readonly summary: CsvSummary;
  readonly problems: ProblemLog;
  readonly warnings: Warning[];
}

/**
 * Reads a sales file (or only the records in bytes `range` of a CSV file, as if the header line
 * stood before them) in one streaming pass: typed columns grown by doubling (pre-sized from the
 * file size) and no wider than the values need, SKU and warehouse names interned to ids, no
 * object per row. Problems are collected, not thrown.
 */
export async function readSalesRange(file: string, options: ReadOptions = {}, range?: ByteRange): Promise<SalesPart> {
  const displayName = options.displayName ?? path.basename(file);
  const encoding = resolveEncoding(options.encoding);
  const dateFormat = resolveDateFormat(options.dateFormat);
  const problems = createProblemLog(displayName);
  const warnings = createWarningLog();
  let context: CellContext | undefined;

  // Columns start narrow and are widened (copied once) when a value does not fit: every page of
  // a fresh array costs a page fault, and on virtual machines that is most of what storing a row
  // costs (5M rows: 35 MB instead of 100 MB).
  let capacity = 1 << 12;
  let skuId: SkuIdColumn = new Uint16Array(capacity);
  let skuIdLimit = 0xffff;
  let warehouseId: WarehouseIdColumn = new Uint8Array(capacity);
  let warehouseIdLimit = 0xff;
  // Day numbers of 1970-01-01 .. 2149-06-06 fit a Uint16.
  let day: DayColumn = new Uint16Array(capacity);
  let isDayWide = false;
  let quantity: QuantityColumn = new Int16Array(capacity);
  // Whole quantities q with -quantityRange <= q < quantityRange fit the column; 0: any number does.
  let quantityRange = 0x8000;
  let count = 0;
  let minDay = Infinity;
  let maxDay = -Infinity;
  const skuNames = createInterner();
  const warehouseNames = createInterner(16);
  let descriptions: string[] | undefined;

  let dateColumn = -1;
  let skuColumn = -1;
  let quantityColumn = -1;
  let warehouseColumn = -1;
  let descriptionColumn = -1;
  let lastDateText = '';
  let lastDay = NaN;
  // Never equal to a cell until set: a cell equal to '' is a problem, not this warehouse.
  let lastWarehouseCell: string | undefined;
  let lastWarehouse = 0;

  // SKU names wait in a small batch and are interned together, which overlaps the cache misses
  // of their table lookups (see Interner.ids); rows [batchStart, count) have no SKU id yet.
  const batchSkus = new Array<string>(SKU_BATCH).fill('');
  const batchDescriptions = new Array<string>(SKU_BATCH).fill('');
  const batchIds = new Int32Array(SKU_BATCH);
  let batchStart = 0;
  const internBatch = () => {
    const n = count - batchStart;
    skuNames.ids(batchSkus, n, batchIds);
    for (let k = 0; k < n; k++) {
      const id = batchIds[k];
      if (id > skuIdLimit) {
        skuId = copiedInto(skuId, new Int32Array(capacity));
        skuIdLimit = 0x7fffffff;
      }
      skuId[batchStart + k] = id;
      if (descriptions) {
        if (id === descriptions.length) descriptions.push('');
        if (descriptions[id] === '') descriptions[id] = trimCell(batchDescriptions[k]);
      }
    }
    batchStart = count;
  };

  const grow = (atLeast: number) => {
    capacity = Math.max(capacity * 2, atLeast);
    skuId = resized(skuId, capacity);
    warehouseId = resized(warehouseId, capacity);
    day = resized(day, capacity);
    quantity = resized(quantity, capacity);
  };

  const summary = await streamInputFile(file, encoding, problems, {
    header(headers, delimiter, estimatedRows) {
      const match = matchColumns(headers, SALES_FIELDS, options.map, problems);
      if (problems.count > 0) return false;
      dateColumn = match.index.date;
      skuColumn = match.index.sku;
      quantityColumn = match.index.quantity;
      warehouseColumn = match.index.warehouse;
      descriptionColumn = match.index.description;
      if (descriptionColumn >= 0) descriptions = [];
      if (warehouseColumn < 0) warehouseNames.id(DEFAULT_WAREHOUSE);
      if (match.unknown.length > 0) {
        warnings.add('unknown-column', `${displayName}: ignored columns ${match.unknown.join(', ')}`, match.unknown.length);
      }
      context = { problems, warnings, decimal: createDecimalMark(options.decimalComma, delimiter) };
      if (estimatedRows > capacity) grow(Math.min(estimatedRows, 1 << 28));
      return true;
    },
    row(fields, line) {
      const problemsBefore = problems.count;
      const dateText = fields[dateColumn];
      let rowDay = lastDay;
      if (dateText !== lastDateText) {
        rowDay = parseDay(dateText, dateFormat);
        if (rowDay !== rowDay) {
          const { expected, hint } = explainDate(dateText, dateFormat);
          problems.add(line, dateColumn + 1, 'date', expected, dateText, hint);
        } else {
          lastDateText = dateText;
          lastDay = rowDay;
        }
      }
      const sku = trimCell(fields[skuColumn]);
      if (sku === '') problems.add(line, skuColumn + 1, 'sku', 'a SKU', '', 'the cell is empty');
      const rowQuantity = numberCell(context as CellContext, fields[quantityColumn], line, quantityColumn, 'quantity');
      let warehouse = 0;
      if (warehouseColumn >= 0) {
        // Exports list rows of one warehouse together more often than not: compare with the
        // previous row's cell before hashing.
        const cell = fields[warehouseColumn];
        if (cell === lastWarehouseCell) {
          warehouse = lastWarehouse;
        } else {
          const name = trimCell(cell);
          if (name === '') {
            problems.add(line, warehouseColumn + 1, 'warehouse', 'a warehouse', '', 'the cell is empty');
          } else {
            warehouse = warehouseNames.id(name);
            lastWarehouseCell = cell;
            lastWarehouse = warehouse;
          }
        }
      }
      if (problems.count !== problemsBefore) return;
      if (count === capacity) grow(0);
      batchSkus[count - batchStart] = sku;
      if (descriptions) batchDescriptions[count - batchStart] = fields[descriptionColumn];
      if (warehouse > warehouseIdLimit) {
        warehouseId = copiedInto(warehouseId, warehouseIdLimit === 0xff ? new Uint16Array(capacity) : new Int32Array(capacity));
        warehouseIdLimit = warehouseIdLimit === 0xff ? 0xffff : 0x7fffffff;
      }
      if (quantityRange !== 0 && !((rowQuantity | 0) === rowQuantity && rowQuantity >= -quantityRange && rowQuantity < quantityRange)) {
        const isWhole = (rowQuantity | 0) === rowQuantity;
        quantity = copiedInto(quantity, isWhole ? new Int32Array(capacity) : new Float64Array(capacity));
        quantityRange = isWhole ? 0x80000000 : 0;
      }
      if (!isDayWide && (rowDay < 0 || rowDay > 0xffff)) {
        day = copiedInto(day, new Int32Array(capacity));
        isDayWide = true;
      }
      warehouseId[count] = warehouse;
      day[count] = rowDay;
      quantity[count] = rowQuantity;
      if (rowDay < minDay) minDay = rowDay;
      if (rowDay > maxDay) maxDay = rowDay;
      count++;
      if (count - batchStart === SKU_BATCH) internBatch();
    },
  }, SALES_FIELDS, options, range);
  internBatch();


  return {
    skus: skuNames.names,
    warehouses: warehouseNames.names,
    ...(descriptions ? { descriptions } : {}),
    skuId: skuId.subarray(0, count),
    warehouseId: warehouseId.subarray(0, count),
    day: day.subarray(0, count),
    quantity: quantity.subarray(0, count),
    rowCount: count,
    minDay,
    maxDay,
    hasWarehouseColumn: warehouseColumn >= 0,
    summary,
    problems,
    warnings: warnings.list(),
  };
}

/** A zeroed array of `from`'s type with room for `length` values, holding `from`'s values first. */
function resized<T extends Uint8Array | Uint16Array | Int16Array | Int32Array | Float64Array>(from: T, length: number): T {
  return copiedInto(from, new (from.constructor as new (length: number) => T)(length));
}

function copiedInto<T extends Uint8Array | Uint16Array | Int16Array | Int32Array | Float64Array>(from: ArrayLike<number>, to: T): T {
  to.set(from);
  return to;
}
