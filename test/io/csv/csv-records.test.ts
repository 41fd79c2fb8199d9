import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCsvRecords } from '../../../src/io/csv/csv-records.js';
import { formatCsvRow } from '../../../src/io/write/write-csv.js';
import { tempDir } from '../../cli/run-cli.js';

const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('a,b', 'say "hi"', 'two\nlines', '"', '\n', ' x'), fc.double({ noNaN: true }));

async function readAll(file: string, sizes: readonly number[]): Promise<string[]> {
  const reader = openCsvRecords(file);
  const out: string[] = [];
  try {
    for (let i = 0; ; i++) {
      const size = sizes[i % sizes.length];
      const chunk = await reader.take(size);
      if (chunk.records === 0) return out;
      out.push(chunk.text);
      if (chunk.records < size) return out;
    }
  } finally {
    reader.close();
  }
}

describe('openCsvRecords', () => {
  it('gives back the rows formatCsvRow wrote, byte for byte, quoted line breaks inside their record', async () => {
    const dir = tempDir();
    await fc.assert(fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 40 }),
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }), async (rows, sizes) => {
        const lines = rows.map((row) => formatCsvRow(row));
        const file = path.join(dir, 'f.csv');
        writeFileSync(file, lines.join(''));
        const chunks = await readAll(file, sizes);
        expect(chunks.join('')).toBe(lines.join(''));
        const single = await readAll(file, [1]);
        expect(single).toEqual(lines);
      }), { numRuns: 100 });
  });

  it('keeps records whole across the 1 MiB read chunks, quoted or not', async () => {
    const dir = tempDir();
    const lines = Array.from({ length: 60_000 }, (_, i) => (i % 7 === 0 ? formatCsvRow([`"quoted\nsku ${i}"`, i]) : formatCsvRow([`SKU-${i}`, i / 3])));
    const file = path.join(dir, 'big.csv');
    writeFileSync(file, lines.join(''));
    expect(await readAll(file, [1])).toEqual(lines);
  });

  it('returns a last record without a line feed as it is, then nothing', async () => {
    const file = path.join(tempDir(), 'tail.csv');
    writeFileSync(file, 'a,1\nb,2');
    const reader = openCsvRecords(file);
    expect(await reader.take(5)).toEqual({ text: 'a,1\nb,2', records: 2 });
    expect(await reader.take(1)).toEqual({ text: '', records: 0 });
    reader.close();
  });
});
