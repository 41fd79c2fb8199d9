/**
 * SHA-256 of an input file, streamed (a 5 GB sales file is never held in memory), for the
 * `inputs` section of summary.json: same hash, same input.
 */

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface FileHash {
  /** Lower-case hex SHA-256 of the file's bytes. */
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * @example await fileHash('samples/sales.csv') // { sha256: '9f86d08...', bytes: 123456 }
 */
export async function fileHash(path: string): Promise<FileHash> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const data = chunk as Buffer;
    bytes += data.length;
    hash.update(data);
  }
  return { sha256: hash.digest('hex'), bytes };
}
