import { Worker } from 'node:worker_threads';

/** A task for a worker and the buffers that move with it (transferred, not copied). */
export interface PoolTask<T> {
  readonly message: T;
  readonly transfer: readonly ArrayBuffer[];
}

export interface PoolOptions<T, R> {
  /** The worker's module (built JavaScript). */
  readonly script: URL;
  /** Sent once to every worker as `workerData`. */
  readonly workerData: unknown;
  /** Number of workers (at most one per task). */
  readonly jobs: number;
  readonly tasks: readonly (() => PoolTask<T>)[];
  /** Called in the main thread with each task's index and result, in completion order. */
  readonly onResult: (index: number, result: R) => void;
}

/** What a worker posts back: a result, or the message and stack of what it threw. */
export type WorkerReply<R> = { readonly result: R } | { readonly error: { readonly message: string; readonly stack?: string } };

/**
 * Runs tasks on `jobs` worker threads, each worker taking the next task when it finishes one (so
 * uneven tasks balance out). Tasks are built only when a worker takes them, so their buffers
 * exist only while in flight. Resolves when every task has a result; rejects on the first task
 * a worker throws on, or a worker that dies, after stopping every worker.
 * A hand-written pool rather than a package (piscina, tinypool): it is this one loop, it needs
 * transfer lists and fail-fast, and nothing else of theirs.
 */
export async function runOnWorkers<T, R>(options: PoolOptions<T, R>): Promise<void> {
  const { tasks } = options;
  const workerCount = Math.max(1, Math.min(options.jobs, tasks.length));
  const workers: Worker[] = [];
  let next = 0;
  let finished = 0;
  let failed = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        reject(error);
      };
      const give = (worker: Worker, slot: { index: number }) => {
        if (next >= tasks.length) return;
        slot.index = next++;
        const task = tasks[slot.index]();
        worker.postMessage(task.message, [...task.transfer]);
      };
      if (tasks.length === 0) resolve();
      for (let w = 0; w < workerCount; w++) {
        const worker = new Worker(options.script, { workerData: options.workerData });
        workers.push(worker);
        const slot = { index: -1 };
        worker.on('message', (reply: WorkerReply<R>) => {
          if (failed) return;
          if ('error' in reply) {
            const error = new Error(reply.error.message);
            if (reply.error.stack) error.stack = reply.error.stack;
            fail(error);
            return;
          }
          options.onResult(slot.index, reply.result);
          finished++;
          if (finished === tasks.length) resolve();
          else give(worker, slot);
        });
        worker.on('error', (error) => fail(error));
        worker.on('exit', (code) => {
          if (finished < tasks.length) fail(new Error(`a worker thread exited with code ${code} before its work was done`));
        });
        give(worker, slot);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
