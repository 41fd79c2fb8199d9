// A 100 MB line, and an unclosed quote that swallows the rest of a big file, end every reader
// with one problem naming the line, in bounded memory. Before MAX_RECORD_CHARS, papaparse rescanned
// the growing incomplete record with every 64 KiB chunk (8 MB took 5 s, 40 MB 110 s: a hang).
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS } from '../../../src/io/csv/csv-stream.js';
import { makeTempDir, outcomeOf, ROLES, VALID, type Outcome, type Role } from './readers.js';

const dir = makeTempDir('stockcast-long-record-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const MB = 1 << 20;

/** Writes `head`, then `megabytes` MiB of `x` without a line break, then `tail`, through a stream. */
async function writeLongLine(name: string, head: string, megabytes: number, tail: string): Promise<string> {
  const file = path.join(dir, name);
  const out = fs.createWriteStream(file);
  const block = Buffer.alloc(MB, 'x');
  out.write(head);
  for (let i = 0; i < megabytes; i++) if (!out.write(block)) await once(out, 'drain');
  out.end(tail);
  await once(out, 'finish');
  return file;
}

/** Runs `read` while sampling the resident set size; returns its outcome and the growth in MB. */
async function withPeakRss(read: () => Promise<Outcome>): Promise<{ outcome: Outcome; growthMb: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 10);
  try {
    const outcome = await read();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { outcome, growthMb: (peak - before) / MB };
  } finally {
    clearInterval(sampler);
  }
}

const TOO_LONG_HINT = '(is a quote not closed, or is this not a CSV file?)';

describe('a 100 MB single line', () => {
  it('with no line break at all: every reader reports the header line as too long (line 1)', { timeout: 120_000 }, async () => {
    const file = await writeLongLine('one-line.csv', '', 100, '');
    for (const role of ROLES) {
      const { outcome, growthMb } = await withPeakRss(() => outcomeOf(role, file));
      expect(outcome, role).toMatchObject({ kind: 'input', total: 1 });
      if (outcome.kind !== 'input') continue;
      expect(outcome.messages[0]).toBe(
        `one-line.csv:1: expected a header line of at most ${MAX_RECORD_CHARS} characters, got "${'x'.repeat(59)}…" ${TOO_LONG_HINT}`);
      expect(growthMb, `${role}: RSS growth in MB`).toBeLessThan(200);
    }
    fs.rmSync(file);
  });

  it.each(ROLES)('after a valid header and row: %s reports the line of the long record', { timeout: 120_000 }, async (role: Role) => {
    const [header, row] = VALID[role];
    const file = await writeLongLine(`${role}-long.csv`, `${header}\n${row}\n`, 100, ',1\n');
    const { outcome, growthMb } = await withPeakRss(() => outcomeOf(role, file));
    fs.rmSync(file);
    expect(outcome.kind === 'input' ? outcome.messages : outcome).toEqual([
      `${role}-long.csv:3: expected a line of at most ${MAX_RECORD_CHARS} characters ${TOO_LONG_HINT}`,
    ]);
    expect(growthMb, 'RSS growth in MB').toBeLessThan(200);
  });

  it('a record just under the limit is read (the limit is not a cut at the first chunk)', async () => {
    const sku = 'S'.repeat(MAX_RECORD_CHARS - 200_000);
    const file = path.join(dir, 'long-sku.csv');
    fs.writeFileSync(file, `date,sku,quantity\n2026-01-05,A,1\n2026-01-05,${sku},2\n2026-01-06,A,3\n`);
    const outcome = await outcomeOf('sales', file);
    expect(outcome).toMatchObject({ kind: 'ok', rows: 3 });
  });
});

describe('an unclosed quote in a big file', () => {
  it('ends the read at the record it starts, instead of rescanning the rest of the file per chunk', { timeout: 60_000 }, async () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => `2026-01-${String(1 + (i % 28)).padStart(2, '0')},SKU-${i % 500},BER,${i % 7}`);
    rows.splice(2, 0, '2026-01-03,SKU-1,BER,"5');
    const file = path.join(dir, 'unclosed.csv');
    fs.writeFileSync(file, `date,sku,warehouse,quantity\n${rows.join('\n')}\n`);
    expect(fs.statSync(file).size).toBeGreaterThan(3 * MB);
    const outcome = await outcomeOf('sales', file);
    expect(outcome.kind === 'input' ? outcome.messages : outcome).toEqual([
      `unclosed.csv:4: expected a line of at most ${MAX_RECORD_CHARS} characters ${TOO_LONG_HINT}`,
    ]);
  });

  it('in a small file still says which quote is not closed', async () => {
    const file = path.join(dir, 'unclosed-small.csv');
    fs.writeFileSync(file, 'sku,warehouse,on_hand\nA,BER,1\nB,"BER,2\nC,BER,3\n');
    const outcome = await outcomeOf('stock', file);
    expect(outcome.kind === 'input' ? outcome.messages : outcome).toContain(
      'unclosed-small.csv:3: expected a closing quote (a quoted value is not closed)');
  });
});
