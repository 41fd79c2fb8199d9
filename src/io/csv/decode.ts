import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import type iconvModule from 'iconv-lite';
import { UsageError } from '../../errors.js';

/** iconv-lite, loaded on first use: UTF-8 files (nearly all) never need it. */
function iconvLite(): typeof iconvModule {
  return createRequire(import.meta.url)('iconv-lite') as typeof iconvModule;
}

/** Read size: 64 KiB measured faster than 1 MiB (larger strings cost papaparse more than the per-chunk overhead saves). */
const CHUNK_BYTES = 1 << 16;

/**
 * Canonical encoding name for `--encoding`: `utf-8` by default, otherwise any name iconv-lite
 * knows (gbk, gb18030, latin1, iso-8859-1, windows-1252, utf-16le, ...). Unknown names are a
 * usage error (exit 2).
 */
export function resolveEncoding(name: string | undefined): string {
  if (name === undefined || name === '') return 'utf-8';
  const lower = name.trim().toLowerCase();
  if (lower === 'utf8' || lower === 'utf-8') return 'utf-8';
  if (!iconvLite().encodingExists(lower)) {
    throw new UsageError(`unknown encoding "${name}" (try utf-8, gbk, gb18030, latin1, windows-1252, utf-16le)`);
  }
  return lower;
}

/** Bytes [start, end) of a file. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Opens a file (or the bytes `range` of it) as a stream of decoded text chunks with any
 * byte-order mark removed. UTF-8 uses
 * Node's own decoder (multi-byte characters split across reads are joined correctly); other
 * encodings stream through iconv-lite. A file read as UTF-8 that starts with a UTF-16 byte-order
 * mark (Excel's "Unicode text") is read as UTF-16 of that byte order.
 */
export function openTextStream(path: string, requested: string, range?: ByteRange): { text: Readable; file: fs.ReadStream } {
  const encoding = requested === 'utf-8' ? utf16ByteOrder(path) ?? requested : requested;
  const file = fs.createReadStream(path, {
    highWaterMark: CHUNK_BYTES,
    ...(range ? { start: range.start, end: range.end - 1 } : {}),
  });
  if (encoding === 'utf-8') {
    file.setEncoding('utf8');
    return { text: file, file };
  }
  const decoder = iconvLite().decodeStream(encoding, { stripBOM: true }) as unknown as Readable & NodeJS.WritableStream;
  file.on('error', (error) => decoder.destroy(error));
  file.pipe(decoder);
  return { text: decoder, file };
}

/** `utf-16le` or `utf-16be` when the file starts with that byte-order mark; errors are left to the stream. */
export function utf16ByteOrder(path: string): string | undefined {
  const head = Buffer.alloc(2);
  let fd = -1;
  try {
    fd = fs.openSync(path, 'r');
    if (fs.readSync(fd, head, 0, 2, 0) < 2) return undefined;
  } catch {
    return undefined;
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Removes a leading U+FEFF (the BOM as decoded from UTF-8). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
