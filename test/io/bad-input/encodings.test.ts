// Wrong encodings, NUL bytes and byte-order marks, through every reader.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, outcomeOf, ROLES, VALID, type Role } from './readers.js';

const dir = makeTempDir('stockcast-encodings-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const text = (role: Role) => `${VALID[role].join('\r\n')}\r\n`;

describe('UTF-16 with a byte-order mark (Excel "Unicode text")', () => {
  it.each(ROLES)('%s: read as UTF-16LE and BE without --encoding, same rows as UTF-8', async (role) => {
    const utf8 = await outcomeOf(role, write(`${role}-utf8.csv`, text(role)));
    const littleEndian = await outcomeOf(role, write(`${role}-utf16le.csv`, iconv.encode(text(role), 'utf-16le', { addBOM: true })));
    const bigEndian = await outcomeOf(role, write(`${role}-utf16be.csv`, iconv.encode(text(role), 'utf-16be', { addBOM: true })));
    expect(utf8).toMatchObject({ kind: 'ok', warnings: [] });
    expect(littleEndian).toEqual(utf8);
    expect(bigEndian).toEqual(utf8);
  });

  it('tab-separated UTF-16LE as Excel writes it reads like the comma file', async () => {
    const tabs = VALID.stock.map((line) => line.replaceAll(',', '\t')).join('\r\n');
    const file = write('stock-excel-unicode.txt', iconv.encode(`${tabs}\r\n`, 'utf-16le', { addBOM: true }));
    expect(await outcomeOf('stock', file)).toMatchObject({ kind: 'ok', rows: 3, warnings: [] });
  });
});

describe('latin1 bytes read as UTF-8', () => {
  it.each(ROLES)('%s: the first cell that does not decode is a problem with an --encoding hint', async (role) => {
    const [header, ...rows] = VALID[role];
    const bytes = Buffer.concat([
      Buffer.from(`${header}\n${rows[0]}\n`),
      iconv.encode(`${rows[1].replace(/^[^,]*/, 'Caf\u00e9')}\n`, 'latin1'),
    ]);
    const outcome = await outcomeOf(role, write(`${role}-latin1.csv`, bytes));
    expect(outcome.kind === 'input' ? outcome.messages : outcome).toEqual([
      `${role}-latin1.csv:3:1: expected UTF-8 text, got "Caf\uFFFD" (the file is not UTF-8: try --encoding windows-1252, latin1 or gbk)`,
    ]);
  });

  it('with --encoding latin1 the same file reads', async () => {
    const file = write('stock-latin1-ok.csv', iconv.encode('sku,warehouse,on_hand\nCaf\u00e9,BER,3\n', 'latin1'));
    expect(await outcomeOf('stock', file, { encoding: 'latin1' })).toMatchObject({ kind: 'ok', rows: 1 });
  });

  it('a bad byte inside a quoted value spanning lines is reported on the line where the record starts', async () => {
    const bytes = Buffer.concat([
      Buffer.from('sku,supplier,description\nA,Acme,"two\nlines"\nB,Acme,"caf'),
      Buffer.from([0xe9]),
      Buffer.from('\nnoir"\n'),
    ]);
    const outcome = await outcomeOf('items', write('items-quoted-latin1.csv', bytes));
    expect(outcome.kind === 'input' ? outcome.messages : outcome).toEqual([
      'items-quoted-latin1.csv:4:3: expected UTF-8 text, got "caf\uFFFD\\nnoir" (the file is not UTF-8: try --encoding windows-1252, latin1 or gbk)',
    ]);
  });
});

describe('NUL bytes', () => {
  it.each(ROLES)('%s: a NUL in a cell is a problem at its line and column', async (role) => {
    const [header, first, second] = VALID[role];
    const file = write(`${role}-nul.csv`, `${header}\n${first}\n${second.replace(',', '\u0000,')}\n`);
    const outcome = await outcomeOf(role, file);
    const cell = second.slice(0, second.indexOf(','));
    expect(outcome.kind === 'input' ? outcome.messages[0] : outcome).toBe(
      `${role}-nul.csv:3:1: expected UTF-8 text, got ${JSON.stringify(`${cell}\u0000`)} (a NUL byte: is the file UTF-16 without a byte-order mark (--encoding utf-16le) or not text at all?)`);
  });

  it('UTF-16LE without a byte-order mark is a problem on line 1 with the --encoding hint', async () => {
    const file = write('sales-utf16-nobom.csv', iconv.encode(text('sales'), 'utf-16le'));
    const outcome = await outcomeOf('sales', file);
    expect(outcome.kind === 'input' ? outcome.messages[0] : outcome).toMatch(
      /^sales-utf16-nobom\.csv:1:1: expected UTF-8 text, got "d\\u0000a\\u0000t.*\(a NUL byte: is the file UTF-16 without a byte-order mark \(--encoding utf-16le\)/);
  });
});

describe('a byte-order mark in the middle (files joined with cat)', () => {
  it.each(ROLES)('%s: removed wherever it is, with one warning counting them; the rows are those of the clean file', async (role) => {
    const [header, ...rows] = VALID[role];
    const clean = await outcomeOf(role, write(`${role}-clean.csv`, `${VALID[role].join('\n')}\n`));
    const marked = [header, `\uFEFF${rows[0]}`, ...rows.slice(1).map((row) => row.replace(',', ',\uFEFF'))].join('\n');
    const file = write(`${role}-bom-inside.csv`, `\uFEFF${marked}\n`);
    const outcome = await outcomeOf(role, file);
    const count = rows.length;
    expect(outcome).toEqual({
      ...clean,
      warnings: [{
        code: 'stray-byte-order-mark',
        message: `${role}-bom-inside.csv: removed ${count} byte-order mark${count === 1 ? '' : 's'} inside the file (files joined with cat?)`,
        count,
      }],
    });
  });
});
