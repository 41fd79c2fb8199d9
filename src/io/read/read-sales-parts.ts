import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createInterner } from '../csv/csv-intern.js';
import { createProblemLog } from '../csv/csv-problems.js';
import { detectDelimiter } from '../csv/csv-stream.js';
import { resolveEncoding, utf16ByteOrder, type ByteRange } from '../csv/decode.js';
import type { ReadOptions } from './read-options.js';
import { readSalesRange, type SalesPart } from './read-sales-range.js';
import { isParquetFile } from './stream-input-file.js';

/**
 * Smallest sales file read in parts, and twice the smallest part. A part's thread needs ~50 ms
 * to start and load the parser, and papaparse reads ~60 MB/s on one core here, so a part must
 * hold at least a few MB to pay.
 */
const PARTS_FROM_BYTES = 16 << 20;

/** Bytes looked at to find the header line, and to find a line break near each cut. */
const PEEK_BYTES = 1 << 16;

/** Test hook: a smaller threshold, so tests can read small files in parts. */
function partsFromBytes(): number {
  const fromEnv = Number(process.env.STOCKCAST_SALES_PARTS_FROM_BYTES);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : PARTS_FROM_BYTES;
}

/** What a part's thread posts back: the part (its problem log as a count), or what it threw. */
export type PartReply =
  | { readonly part: Omit<SalesPart, 'problems'> & { readonly problemCount: number } }
  | { readonly error: { readonly message: string; readonly stack?: string } };

/** What a part's thread is given. */
export interface PartTask {
  readonly file: string;
  readonly options: ReadOptions;
  readonly range: ByteRange;
}

/**
 * Reads a large UTF-8 sales CSV in up to `threads` parts at once (each at least half of
 * PARTS_FROM_BYTES): the file is cut after a line break near every 1/parts of its bytes; this
 * thread reads the first part (with the header), worker threads the others, each with the
 * file's header line before its records, and the parts are joined in file order
 * ({@link joinSalesParts}), so the table is the one a single pass reads.
 *
 * Returns undefined, and the caller reads the file in one pass, when parts could differ from one
 * pass or would not pay: Parquet, another encoding, a small file, a header line longer than
 * 64 KiB or with quotes, numbers whose decimal mark is detected from the data (`;` and tab files
 * without `--decimal-comma`: the first number decides for the whole file), and any part with a
 * problem or a record that does not end where its part ends (a cut inside a quoted value leaves
 * the part before it with an unclosed quote, which is a problem). Problems are thus always
 * reported by the one-pass read, with its line numbers and its order.
 */
export async function readSalesInParts(file: string, options: ReadOptions, threads: number): Promise<SalesPart | undefined> {
  if (threads < 2 || isParquetFile(file) || resolveEncoding(options.encoding) !== 'utf-8') return undefined;
  const size = fs.statSync(file).size;
  // Each part at least half the threshold: a machine with many cores does not start a thread
  // per core for a file a few of them read as fast.
  const partCount = Math.min(threads, Math.floor((2 * size) / partsFromBytes()));
  if (partCount < 2) return undefined;
  const ranges = partRanges(file, size, partCount, options.decimalComma !== undefined);
  if (ranges === undefined) return undefined;
  const single: ReadOptions = { ...options, threads: 1 };
  const settled = await Promise.allSettled([
    readSalesRange(file, single, ranges[0]),
    ...ranges.slice(1).map((range) => readPartOnWorker({ file, options: single, range })),
  ]);
  const parts: SalesPart[] = [];
  for (const outcome of settled) {
    if (outcome.status === 'rejected') throw outcome.reason;
    parts.push(outcome.value);
  }
  if (parts.some((part) => part.problems.count > 0 || !part.summary.hasHeader)) return undefined;
  return joinSalesParts(parts);
}

/**
 * Byte ranges of `parts` parts of the file, each but the first starting right after a line
 * break; undefined when the file does not qualify (see {@link readSalesInParts}).
 */
function partRanges(file: string, size: number, parts: number, isDecimalMarkGiven: boolean): ByteRange[] | undefined {
  if (utf16ByteOrder(file) !== undefined) return undefined;
  const fd = fs.openSync(file, 'r');
  try {
    const peek = Buffer.alloc(PEEK_BYTES);
    const headRead = fs.readSync(fd, peek, 0, PEEK_BYTES, 0);
    const headerEnd = peek.subarray(0, headRead).indexOf(10);
    if (headerEnd < 0) return undefined;
    const header = peek.toString('utf8', 0, headerEnd);
    if (header.includes('"')) return undefined;
    if (!isDecimalMarkGiven && detectDelimiter(header.replace(/^\uFEFF/, '').replace(/\r$/, '')) !== ',') return undefined;
    const starts = [0];
    for (let k = 1; k < parts; k++) {
      const from = Math.max(headerEnd + 1, Math.floor((size * k) / parts));
      const read = fs.readSync(fd, peek, 0, PEEK_BYTES, from);
      const at = peek.subarray(0, read).indexOf(10);
      if (at < 0) return undefined;
      const start = from + at + 1;
      if (start >= size || start <= starts[starts.length - 1]) return undefined;
      starts.push(start);
    }
    return starts.map((start, k) => ({ start, end: k + 1 < starts.length ? starts[k + 1] : size }));
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads one part on a worker thread; its columns come back transferred, not copied. */
function readPartOnWorker(task: PartTask): Promise<SalesPart> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./read-sales-worker.js', import.meta.url), { workerData: task });
    let isSettled = false;
    const settle = (finish: () => void) => {
      if (isSettled) return;
      isSettled = true;
      finish();
      void worker.terminate();
    };
    worker.once('message', (reply: PartReply) => settle(() => {
      if ('error' in reply) {
        const error = new Error(`reading ${task.options.displayName ?? task.file} on a worker thread failed: ${reply.error.message}`);
        if (reply.error.stack) error.stack = reply.error.stack;
        reject(error);
        return;
      }
      const { problemCount, ...part } = reply.part;
      const problems = createProblemLog(task.options.displayName ?? task.file);
      problems.count = problemCount;
      resolve({ ...part, problems });
    }));
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the thread reading part of ${task.file} exited with code ${code}`))));
  });
}

/**
 * The parts of one file, read apart, joined in file order into what one pass over the file
 * reads: names get their ids in order of first appearance in the file (a part's new names after
 * all names of the parts before it), each column takes the widest type any part needed (the type
 * one pass would have widened to), the first non-empty description of a SKU wins, counts add up.
 */
export function joinSalesParts(parts: readonly SalesPart[]): SalesPart {
  const skuNames = createInterner();
  const warehouseNames = createInterner(16);
  const skuOf = parts.map((part) => Int32Array.from(part.skus, (name) => skuNames.id(name)));
  const warehouseOf = parts.map((part) => Int32Array.from(part.warehouses, (name) => warehouseNames.id(name)));
  let total = 0;
  for (const part of parts) total += part.rowCount;
  const lastSku = skuNames.names.length - 1;
  const lastWarehouse = warehouseNames.names.length - 1;
  const skuId = lastSku > 0xffff ? new Int32Array(total) : new Uint16Array(total);
  const warehouseId = lastWarehouse > 0xffff ? new Int32Array(total) : lastWarehouse > 0xff ? new Uint16Array(total) : new Uint8Array(total);
  const day = parts.some((part) => part.day instanceof Int32Array) ? new Int32Array(total) : new Uint16Array(total);
  const quantity = parts.some((part) => part.quantity instanceof Float64Array) ? new Float64Array(total)
    : parts.some((part) => part.quantity instanceof Int32Array) ? new Int32Array(total) : new Int16Array(total);
  let at = 0;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (const [k, part] of parts.entries()) {
    const skus = skuOf[k];
    const warehouses = warehouseOf[k];
    for (let r = 0; r < part.rowCount; r++) {
      skuId[at + r] = skus[part.skuId[r]];
      warehouseId[at + r] = warehouses[part.warehouseId[r]];
    }
    day.set(part.day, at);
    quantity.set(part.quantity, at);
    at += part.rowCount;
    if (part.rowCount > 0) {
      minDay = Math.min(minDay, part.minDay);
      maxDay = Math.max(maxDay, part.maxDay);
    }
  }
  let descriptions: string[] | undefined;
  if (parts[0].descriptions) {
    descriptions = new Array<string>(skuNames.names.length).fill('');
    for (const [k, part] of parts.entries()) {
      const skus = skuOf[k];
      part.descriptions?.forEach((text, i) => {
        if (descriptions && descriptions[skus[i]] === '') descriptions[skus[i]] = text;
      });
    }
  }
  const first = parts[0];
  return {
    skus: skuNames.names,
    warehouses: warehouseNames.names,
    ...(descriptions ? { descriptions } : {}),
    skuId,
    warehouseId,
    day,
    quantity,
    rowCount: total,
    minDay,
    maxDay,
    hasWarehouseColumn: first.hasWarehouseColumn,
    summary: {
      hasHeader: true,
      rows: parts.reduce((sum, part) => sum + part.summary.rows, 0),
      blankLines: parts.reduce((sum, part) => sum + part.summary.blankLines, 0),
      delimiter: first.summary.delimiter,
      strayByteOrderMarks: parts.reduce((sum, part) => sum + part.summary.strayByteOrderMarks, 0),
    },
    // Every part read the same header line, so the header's warnings (ignored columns) are the
    // first part's; no other warning arises where the decimal mark is fixed.
    problems: first.problems,
    warnings: first.warnings,
  };
}
