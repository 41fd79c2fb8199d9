import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WRITE_BLOCK_CHARS, writeChunks, type WriteChunk } from '../../../src/io/write/write-chunks.js';

const work = mkdtempSync(join(tmpdir(), 'stockcast-chunks-'));
afterAll(() => { rmSync(work, { recursive: true, force: true }); });

async function written(chunks: Iterable<WriteChunk> | AsyncIterable<WriteChunk>): Promise<Buffer> {
  const path = join(work, 'out.csv');
  const handle = await open(path, 'w');
  try {
    await writeChunks(handle, chunks);
  } finally {
    await handle.close();
  }
  return readFileSync(path);
}

describe('writeChunks', () => {
  it('writes text and byte chunks in order, text as UTF-8', async () => {
    const chunks: WriteChunk[] = ['sku,qty\n', 'Ä-1,2\n', Buffer.from('B,3\n'), '数量,4\n', new Uint8Array([67, 44, 53, 10])];
    expect((await written(chunks)).toString('utf8')).toBe('sku,qty\nÄ-1,2\nB,3\n数量,4\nC,5\n');
  });

  it('reads async iterables too', async () => {
    async function* lines(): AsyncGenerator<WriteChunk> { yield 'a\n'; yield Buffer.from('b\n'); yield 'c\n'; }
    expect((await written(lines())).toString('utf8')).toBe('a\nb\nc\n');
  });

  it('keeps every byte of text larger than a block, split over many chunks', async () => {
    const line = `${'é'.repeat(99)}\n`;
    const count = Math.ceil((3 * WRITE_BLOCK_CHARS) / line.length);
    const bytes = await written(Array.from({ length: count }, () => line));
    expect(bytes.length).toBe(count * Buffer.byteLength(line));
    expect(bytes.toString('utf8')).toBe(line.repeat(count));
  });

  it('writes nothing for no chunks', async () => {
    expect((await written([])).length).toBe(0);
  });
});
