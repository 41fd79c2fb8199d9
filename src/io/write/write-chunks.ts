/**
 * Writes many small strings (CSV lines, say) to an open file in large blocks. One write(2) per
 * line costs a thread-pool round trip each (a 1.7M-line forecast.csv took minutes that way), and
 * `for await` over a plain iterable costs a microtask per item: here plain iterables are read
 * synchronously, and text is gathered into blocks of about {@link WRITE_BLOCK_CHARS} characters.
 */

import type { FileHandle } from 'node:fs/promises';

/** Text (written as UTF-8) or bytes. */
export type WriteChunk = string | Uint8Array;

/** About 1 MiB of text per write: large enough that syscalls vanish, small enough to stay cheap. */
export const WRITE_BLOCK_CHARS = 1 << 20;

/**
 * Writes `chunks` in order to `handle`, text as UTF-8, in blocks of about 1 MiB.
 *
 * @example await writeChunks(handle, csvLines(columns, rows))
 */
export async function writeChunks(handle: FileHandle, chunks: Iterable<WriteChunk> | AsyncIterable<WriteChunk>): Promise<void> {
  let text = '';
  const flush = async (): Promise<void> => {
    if (text === '') return;
    const bytes = Buffer.from(text, 'utf8');
    text = '';
    await writeAll(handle, bytes);
  };
  // Bytes come in blocks already (forecastCsvChunks): written as they are, after pending text.
  if (Symbol.iterator in chunks) {
    for (const chunk of chunks) {
      if (typeof chunk === 'string') {
        text += chunk;
        if (text.length < WRITE_BLOCK_CHARS) continue;
      }
      await flush();
      if (typeof chunk !== 'string') await writeAll(handle, chunk);
    }
  } else {
    for await (const chunk of chunks) {
      if (typeof chunk === 'string') {
        text += chunk;
        if (text.length < WRITE_BLOCK_CHARS) continue;
      }
      await flush();
      if (typeof chunk !== 'string') await writeAll(handle, chunk);
    }
  }
  await flush();
}

/** write(2) may write less than asked (rare on files, allowed by POSIX): loop until done. */
async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}
