// Property tests: malformed files of every kind thrown at every reader, in-process.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDay } from '../../../src/core/series/calendar.js';
import { MAX_DAY, MIN_DAY } from '../../../src/io/csv/parse-date.js';
import { makeTempDir, outcomeOf, PROBLEM_FORM, ROLES, VALID, type Outcome, type Role } from './readers.js';

const dir = makeTempDir('stockcast-bad-properties-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let fileCounter = 0;
function writeCase(role: Role, content: string | Uint8Array): string {
  const file = path.join(dir, `${role}-${fileCounter++}.csv`);
  fs.writeFileSync(file, content);
  return file;
}

/** Physical lines as any of LF, CRLF or CR counts them. */
function physicalLines(bytes: Uint8Array): number {
  let lines = 1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 10) lines++;
    else if (bytes[i] === 13 && bytes[i + 1] !== 10) lines++;
  }
  return lines;
}

/** The invariants of any read: a clean outcome with well-formed problems or warnings. */
function expectWellFormed(outcome: Outcome, name: string, bytes: Uint8Array): void {
  if (outcome.kind === 'ok') {
    for (const warning of outcome.warnings) {
      expect(warning.code).toMatch(/^[a-z-]+$/);
      expect(warning.count).toBeGreaterThanOrEqual(1);
      expect(warning.message.length).toBeGreaterThan(0);
    }
    return;
  }
  expect(outcome.problems.length).toBeGreaterThan(0);
  expect(outcome.total).toBeGreaterThanOrEqual(outcome.problems.length);
  const lines = physicalLines(bytes);
  for (const [k, problem] of outcome.problems.entries()) {
    expect(problem.file).toBe(name);
    expect(Number.isInteger(problem.line) && problem.line >= 0 && problem.line <= lines + 1, `line ${problem.line} of ${lines}`).toBe(true);
    expect(Number.isInteger(problem.column) && problem.column >= 0).toBe(true);
    expect(problem.expected.length).toBeGreaterThan(0);
    expect(outcome.messages[k]).toMatch(PROBLEM_FORM);
  }
}

const role = fc.constantFrom(...ROLES);

/** Pieces CSV exports are made of, and the ways they go wrong. */
const token = fc.oneof(
  fc.constantFrom(',', ';', '\t', '"', '""', '\n', '\r\n', '\r', '\uFEFF', '\u0000', ' ', '\uFFFD'),
  fc.constantFrom('date', 'sku', 'warehouse', 'quantity', 'on_hand', 'on_order', 'from', 'to', 'supplier', 'order_qty', 'service_level', 'lead_time_days'),
  fc.constantFrom('2026-01-05', '2025-02-30', '2026-13-01', '1899-12-31', '05/01/2026', '2026-1-5'),
  fc.constantFrom('0', '3', '-2', '1.5', '12,5', '1e13', '1e400', 'NaN', 'Infinity', '-Infinity', '99999999999999999999', '0x10', ''),
  fc.string({ maxLength: 8 }),
);

/** Text assembled from those pieces, often starting with a header of the role's own columns. */
const csvLike = fc.tuple(role, fc.boolean(), fc.array(token, { maxLength: 120 })).map(([r, withHeader, tokens]) => ({
  role: r,
  content: Buffer.from(`${withHeader ? `${VALID[r][0]}\n` : ''}${tokens.join('')}`),
}));

const randomBytes = fc.tuple(role, fc.uint8Array({ maxLength: 2048 })).map(([r, bytes]) => ({ role: r, content: Buffer.from(bytes) }));

/** A valid file damaged once: cut at any byte, a slice removed, bytes inserted, or a line doubled. */
const damaged = fc.tuple(role, fc.nat(), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 }), fc.constantFrom('cut', 'remove', 'insert', 'double'))
  .map(([r, at, length, bytes, how]) => {
    const valid = Buffer.from(`${VALID[r].join('\n')}\n`);
    const i = at % (valid.length + 1);
    if (how === 'cut') return { role: r, content: valid.subarray(0, i) };
    if (how === 'remove') return { role: r, content: Buffer.concat([valid.subarray(0, i), valid.subarray(Math.min(valid.length, i + 1 + (length % 20)))]) };
    if (how === 'insert') return { role: r, content: Buffer.concat([valid.subarray(0, i), Buffer.from(bytes), valid.subarray(i)]) };
    const lines = VALID[r];
    const k = 1 + (at % (lines.length - 1));
    return { role: r, content: Buffer.from(`${[...lines.slice(0, k + 1), lines[k], ...lines.slice(k + 1)].join('\n')}\n`) };
  });

describe('any file, every reader', () => {
  it.each([
    ['random bytes', randomBytes],
    ['CSV-like text from header names, delimiters, quotes, line ends, BOM, NUL and odd numbers', csvLike],
    ['a valid file cut, with a slice removed, with bytes inserted or a line doubled', damaged],
  ] as const)('%s: either reads with well-formed warnings or fails with InputError problems naming file:line:column', { timeout: 120_000 }, async (_, arbitrary) => {
    await fc.assert(fc.asyncProperty(arbitrary, async ({ role: r, content }) => {
      const file = writeCase(r, content);
      const outcome = await outcomeOf(r, file);
      expectWellFormed(outcome, path.basename(file), content);
      fs.rmSync(file);
    }), { numRuns: Number(process.env.BAD_INPUT_RUNS ?? 300) });
  });
});

describe('line ends and byte-order marks do not change what is read', () => {
  it('LF, CRLF or CR, with or without BOM and final line break: the same outcome as the plain LF file', { timeout: 60_000 }, async () => {
    await fc.assert(fc.asyncProperty(role, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), fc.boolean(), async (r, lineEnd, bom, finalBreak) => {
      const plain = await outcomeOf(r, writeCase(r, `${VALID[r].join('\n')}\n`));
      const text = `${bom ? '\uFEFF' : ''}${VALID[r].join(lineEnd)}${finalBreak ? lineEnd : ''}`;
      expect(await outcomeOf(r, writeCase(r, text))).toEqual(plain);
    }), { numRuns: 60 });
  });
});

describe('mixed line ends', () => {
  it('each line ending in its own \\n, \\r\\n or \\r reads as the plain LF file (files appended by different tools)', { timeout: 60_000 }, async () => {
    await fc.assert(fc.asyncProperty(role, fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 8, maxLength: 8 }), async (r, ends) => {
      const plain = await outcomeOf(r, writeCase(r, `${VALID[r].join('\n')}\n`));
      const text = VALID[r].map((line, k) => `${line}${ends[k % ends.length]}`).join('');
      expect(await outcomeOf(r, writeCase(r, text))).toEqual(plain);
    }), { numRuns: 60 });
  });
});

/** A valid sales file with a quoted description that may span lines, so physical lines run ahead of records. */
const salesRow = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  sku: fc.constantFrom('A-1', 'B-2', 'C-3'),
  quantity: fc.integer({ min: -3, max: 500 }),
  description: fc.array(fc.constantFrom('Tasse', 'rot, 0,3 l', '\n', '\r\n', '"Zoll"', 'Ø 28 cm', '保温杯'), { maxLength: 4 }),
});

const BAD_QUANTITY = ['abc', 'NaN', 'Infinity', '-Infinity', '1e400', '1e13', '#N/A', '1 000', '0x10'];
const BAD_DATE = ['2025-02-30', '2026-02-29', '2026-13-01', '2026-00-10', formatDay(MIN_DAY - 1), formatDay(MAX_DAY + 1), '26-01-05', 'yesterday'];

describe('one bad cell in a valid file', () => {
  it('is the only problem, at its physical line and column, whatever quoted line breaks and read chunks come before it', { timeout: 120_000 }, async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(salesRow, { minLength: 1, maxLength: 30 }), fc.nat(), fc.boolean(), fc.nat(), fc.integer({ min: 0, max: 8000 }), fc.constantFrom('\n', '\r\n', '\r'),
      async (rows, at, inDate, pick, fillerRows, lineEnd) => {
        const bad = rows.length > 0 ? at % rows.length : 0;
        // Filler (up to ~200 KB) moves the rows across 64 KiB read chunks; every 7th has a quoted line break.
        const filler = Array.from({ length: fillerRows }, (_, k) => `2026-01-01,F,BER,1,"${k % 7 === 0 ? 'two\nlines' : 'x'}"`);
        let line = 2 + fillerRows + Math.ceil(fillerRows / 7);
        let badLine = 0;
        const body = rows.map((row, k) => {
          const date = `2026-01-${String(row.day).padStart(2, '0')}`;
          const description = `"${row.description.join(' ').replaceAll('"', '""')}"`;
          if (k === bad) badLine = line;
          line += 1 + (row.description.join(' ').match(/\r\n|\n|\r/g) ?? []).length;
          const badValue = inDate ? BAD_DATE[pick % BAD_DATE.length] : BAD_QUANTITY[pick % BAD_QUANTITY.length];
          return k === bad
            ? (inDate ? `${badValue},${row.sku},BER,${row.quantity},${description}` : `${date},${row.sku},BER,${badValue},${description}`)
            : `${date},${row.sku},BER,${row.quantity},${description}`;
        });
        const file = writeCase('sales', `date,sku,warehouse,quantity,description${lineEnd}${[...filler, ...body].join(lineEnd)}${lineEnd}`);
        const outcome = await outcomeOf('sales', file);
        expect(outcome.kind).toBe('input');
        if (outcome.kind !== 'input') return;
        expect(outcome.problems.map((p) => [p.line, p.column, p.field])).toEqual([[badLine, inDate ? 1 : 4, inDate ? 'date' : 'quantity']]);
      },
    ), { numRuns: 100 });
  });

  it.each([
    ['stock', 'sku,warehouse,on_hand,on_order,allocated', (v: string) => `A,BER,1,${v},0`, 4],
    ['items', 'sku,lead_time_days,moq,pack_size,service_level', (v: string) => `A,${v},1,1,0.95`, 2],
    ['lanes', 'from,to,cost_per_unit,lead_time_days', (v: string) => `BER,HAM,${v},1`, 3],
    ['reorder', 'sku,warehouse,supplier,order_qty', (v: string) => `A,BER,Acme,${v}`, 4],
  ] as const)('%s: a bad number is one problem at its line and column', { timeout: 60_000 }, async (r, header, row, column) => {
    await fc.assert(fc.asyncProperty(fc.nat({ max: 20 }), fc.constantFrom(...BAD_QUANTITY, '-1'), async (before, value) => {
      const good = Array.from({ length: before }, (_, k) => row(String(k)).replace(/^A,|^BER,HAM,/, (m) => (m === 'A,' ? `S${k},` : `W${k},H${k},`)));
      const file = writeCase(r, `${header}\n${[...good, row(value)].join('\n')}\n`);
      const outcome = await outcomeOf(r, file);
      expect(outcome.kind === 'input' ? outcome.problems.map((p) => [p.line, p.column]) : outcome).toEqual([[before + 2, column]]);
    }), { numRuns: 40 });
  });
});

describe('UTF-8 text across read chunks', () => {
  it('names with multi-byte characters read back intact in files larger than one 64 KiB chunk', { timeout: 60_000 }, async () => {
    const name = fc.array(fc.constantFrom('a', 'Z', '-', 'ö', 'ß', 'Ø', '保', '温', '杯', '€', '😀'), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
    await fc.assert(fc.asyncProperty(fc.array(name, { minLength: 1, maxLength: 8 }), fc.integer({ min: 60_000, max: 140_000 }), async (names, padding) => {
      // Filler rows push the names across chunk boundaries at varying offsets.
      const filler = Array.from({ length: Math.ceil(padding / 24) }, (_, k) => `F${k},BER,1`);
      const rows = [...filler.slice(0, filler.length >> 1), ...names.map((n, k) => `${n}${k},BER,${k}`), ...filler.slice(filler.length >> 1)];
      const file = writeCase('stock', `sku,warehouse,on_hand\n${rows.join('\n')}\n`);
      const result = await import('../../../src/io/read/read-stock.js').then((m) => m.readStock(file));
      const skus = new Set(result.rows.map((row) => row.sku));
      for (const [k, n] of names.entries()) expect(skus.has(`${n}${k}`), `${n}${k}`).toBe(true);
      expect(result.rows).toHaveLength(rows.length);
      fs.rmSync(file);
    }), { numRuns: 15 });
  });
});

describe('a read chunk that ends between the \\r and \\n after a closing quote', () => {
  it.each([65_536, 131_072])('is not a malformed quote (split at byte %i)', async (boundary) => {
    // Found by the property above: papaparse reports the held-back record `..."x"\r` as a bad quote.
    const header = 'sku,supplier,description\r\n';
    const row = (k: number, description: string) => `S${k},Acme,"${description}"\r\n`;
    let text = header;
    let k = 0;
    while (text.length + row(k, 'x').length < boundary - 40) text += row(k++, 'x');
    const last = row(k, '');
    const description = 'y'.repeat(boundary - 1 - text.length - last.length + 2);
    text += row(k++, description);
    expect(text.slice(boundary - 2, boundary + 1)).toBe('"\r\n');
    for (let j = 0; j < 5; j++) text += row(k++, 'z');
    const outcome = await outcomeOf('items', writeCase('items', text));
    expect(outcome).toEqual({ kind: 'ok', rows: k, warnings: [] });
  });
});
