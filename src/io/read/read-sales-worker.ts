/**
 * Worker thread entry of reading a sales file in parts (read-sales-parts.ts): reads the records
 * of its byte range and posts the part back, its columns' buffers transferred.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PartReply, PartTask } from './read-sales-parts.js';
import { readSalesRange } from './read-sales-range.js';

const task = workerData as PartTask;
// Test hook: STOCKCAST_FAULT=sales-part-worker makes the thread throw, to test how a run ends then.
const isFaultInjected = process.env.STOCKCAST_FAULT === 'sales-part-worker';

try {
  if (isFaultInjected) throw new Error('injected fault (STOCKCAST_FAULT=sales-part-worker)');
  const { problems, ...part } = await readSalesRange(task.file, task.options, task.range);
  const reply: PartReply = { part: { ...part, problemCount: problems.count } };
  const buffers = [part.skuId, part.warehouseId, part.day, part.quantity].map((column) => column.buffer as ArrayBuffer);
  parentPort?.postMessage(reply, buffers);
} catch (error) {
  const reply: PartReply = { error: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) } };
  parentPort?.postMessage(reply);
}
