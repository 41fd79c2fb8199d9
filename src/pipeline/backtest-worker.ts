/**
 * Worker thread entry of `stockcast backtest`: backtests each batch of series it is sent with the
 * run's settings (`workerData`) and posts the per-series results back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { backtestBatch, type BacktestBatch, type BacktestBatchSettings } from './backtest-batch.js';
import type { WorkerReply } from './worker-pool.js';

const settings = workerData as BacktestBatchSettings;

parentPort?.on('message', (batch: BacktestBatch) => {
  try {
    const result = backtestBatch(batch, settings);
    parentPort?.postMessage({ result } satisfies WorkerReply<typeof result>);
  } catch (error) {
    const reply: WorkerReply<never> = {
      error: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) },
    };
    parentPort?.postMessage(reply);
  }
});
