/**
 * One output file written atomically (`-o reorder.csv`): the data goes to a temporary file
 * beside the target (`.<name>.tmp-<pid>-<random>`), is synced, and is renamed over the target,
 * so readers see the old file or the new one, never a part. Temporary files that a killed
 * process left for the same target are deleted on the next write when their pid is gone.
 */

import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isProcessAlive } from '../output-set/lock.js';
import { writeChunks, type WriteChunk } from './write-chunks.js';

export interface AtomicWriteOptions {
  /** fsync the file before the rename. Default true. */
  readonly durable?: boolean;
}

/**
 * Writes `data` (text as UTF-8, or bytes, or chunks of either) to `path` through a temporary file and a
 * rename, creating the folder if needed.
 *
 * @example await writeFileAtomic('out/reorder.csv', csvText)
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array | Iterable<WriteChunk> | AsyncIterable<WriteChunk>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const target = resolve(path);
  const folder = dirname(target);
  const prefix = `.${basename(target)}.tmp-`;
  await mkdir(folder, { recursive: true });
  await removeLeftovers(folder, prefix);
  const temp = join(folder, `${prefix}${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await open(temp, 'wx');
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) {
      await handle.writeFile(data);
    } else {
      await writeChunks(handle, data);
    }
    if (options.durable ?? true) await handle.sync();
    await handle.close();
    await rename(temp, target);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

async function removeLeftovers(folder: string, prefix: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length).split('-')[0]);
    if (pid !== process.pid && !isProcessAlive(pid)) await unlink(join(folder, entry)).catch(() => undefined);
  }
}
