/**
 * Worker thread entry of the forecast stage: forecasts each batch it is sent with the run's
 * settings (`workerData`) and posts the packed forecasts back, their buffers transferred.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { forecastBatch, transferList, type BatchSettings, type SeriesBatch } from './forecast-batch.js';
import type { WorkerReply } from './worker-pool.js';

const settings = workerData as BatchSettings;
// Test hook: STOCKCAST_FAULT=forecast-worker makes every worker throw, to test how a run ends then.
const isFaultInjected = process.env.STOCKCAST_FAULT === 'forecast-worker';

parentPort?.on('message', (batch: SeriesBatch) => {
  try {
    if (isFaultInjected) throw new Error('injected fault (STOCKCAST_FAULT=forecast-worker)');
    const result = forecastBatch(batch, settings);
    parentPort?.postMessage({ result } satisfies WorkerReply<typeof result>, transferList(result));
  } catch (error) {
    const reply: WorkerReply<never> = {
      error: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) },
    };
    parentPort?.postMessage(reply);
  }
});
